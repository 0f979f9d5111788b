package org.partnerprogram.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProgramTerms;

/**
 * Writes a month's payouts as CSV for finance: one row per transfer with its reference (the payout
 * id, which is the SEPA end-to-end id too), partner, month, amount, currency, IBAN, holder name,
 * the remittance text exactly as the SEPA file carries it, and the status. Rows are written as they
 * come, so a month of any size streams.
 *
 * <pre>{@code
 * try (PayoutCsvWriter csv = PayoutCsvWriter.to(out, terms, CsvFormat.EXCEL_SEMICOLON)) {
 *   payouts.forEach(csv::write);
 * }
 * }</pre>
 */
public final class PayoutCsvWriter implements AutoCloseable {
  private static final String[] HEADER = {
    "reference",
    "partner_id",
    "period",
    "amount",
    "currency",
    "iban",
    "holder_name",
    "remittance",
    "status"
  };

  private final Writer out;
  private final ProgramTerms terms;
  private final CsvFormat format;

  private PayoutCsvWriter(Writer out, ProgramTerms terms, CsvFormat format) {
    this.out = out;
    this.terms = terms;
    this.format = format;
  }

  /**
   * Starts a CSV: writes the byte-order mark if the format has one, and the header row.
   *
   * @param out where the UTF-8 bytes go; never null; flushed, not closed, by {@link #close()}
   * @param terms the programme's terms (for the remittance text); never null
   * @param format the format; never null
   * @return the writer
   * @throws UncheckedIOException if writing fails
   */
  public static PayoutCsvWriter to(OutputStream out, ProgramTerms terms, CsvFormat format) {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(format, "format");
    PayoutCsvWriter writer =
        new PayoutCsvWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), terms, format);
    try {
      if (format.byteOrderMark()) {
        writer.out.write('\uFEFF');
      }
      writer.row(HEADER);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return writer;
  }

  /**
   * Writes one payout's row. A CREATED payout is written as EXPORTED: the file is the export.
   *
   * @param payout the payout; never null
   * @throws UncheckedIOException if writing fails
   */
  public void write(Payout payout) {
    String amount = payout.amount().amount().toPlainString();
    if (format.decimalSeparator() != '.') {
      amount = amount.replace('.', format.decimalSeparator());
    }
    PayoutStatus status =
        payout.status() == PayoutStatus.CREATED ? PayoutStatus.EXPORTED : payout.status();
    try {
      row(
          payout.payoutId().value(),
          payout.partnerId().value(),
          payout.period().toString(),
          amount,
          payout.amount().currency().getCurrencyCode(),
          payout.account().iban().value(),
          payout.account().holderName(),
          Remittance.of(terms, payout),
          status.name());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void row(String... cells) throws IOException {
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        out.write(format.separator());
      }
      out.write(cell(cells[i], format.separator()));
    }
    out.write("\r\n");
  }

  /**
   * One cell as written: defused with an apostrophe wherever a piece of it would start a cell with
   * {@code = + - @}, tab or carriage return, whichever of {@code , ; tab} or a line break the
   * reader splits on; then quoted (RFC 4180) when it holds the file's separator, a quote or a line
   * break.
   *
   * @param value the cell's text; never null
   * @param separator the file's separator
   * @return the cell as it goes into the file
   */
  static String cell(String value, char separator) {
    StringBuilder v = new StringBuilder(value.length() + 4);
    boolean startOfPiece = true;
    boolean quote = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (startOfPiece && "=+-@\t\r".indexOf(c) >= 0) {
        v.append('\'');
      }
      v.append(c);
      quote |= c == separator || c == '"' || c == '\n' || c == '\r';
      startOfPiece = c == ',' || c == ';' || c == '\t' || c == '\n' || c == '\r';
    }
    if (!quote) {
      return v.toString();
    }
    return '"' + v.toString().replace("\"", "\"\"") + '"';
  }

  /**
   * Flushes what was written; the stream stays open.
   *
   * @throws UncheckedIOException if flushing fails
   */
  @Override
  public void close() {
    try {
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
