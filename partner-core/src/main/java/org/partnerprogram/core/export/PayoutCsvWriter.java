package org.partnerprogram.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
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
 *
 * <h2>Column contract</h2>
 *
 * <p>The first row is the header, with these names in this order; one row per payout follows. The
 * columns, their order and their formats are the same in every {@link CsvFormat}; only the field
 * separator, the decimal separator of {@code amount} and the byte-order mark differ (see below).
 * New columns are only ever added at the end; a column is never renamed, reordered or removed. No
 * cell is ever empty. {@link #COLUMNS} holds the names, and a test checks this table against the
 * header the writer writes.
 *
 * <table>
 *   <caption>Columns of the payout CSV</caption>
 *   <tr><th>#</th><th>Name</th><th>Meaning</th><th>Type and format</th></tr>
 *   <tr><td>1</td><td>{@code reference}</td><td>The payout id: the transfer's reference, the SEPA
 *       file's EndToEndId, the statement's {@code payoutId}.</td><td>Text: {@code PO} and 24 upper
 *       case letters and digits.</td></tr>
 *   <tr><td>2</td><td>{@code partner_id}</td><td>The partner paid.</td><td>Text: 1 to 40 ASCII
 *       letters, digits and {@code - _ . : @ / +}, as the programme knows the partner.</td></tr>
 *   <tr><td>3</td><td>{@code period}</td><td>The month the payout closed, in the programme's time
 *       zone.</td><td>{@code yyyy-MM} (ISO 8601 year and month, e.g. {@code 2026-11}).</td></tr>
 *   <tr><td>4</td><td>{@code amount}</td><td>The amount transferred, always more than
 *       zero.</td><td>Decimal at the currency's scale ({@code 1234.50} EUR, {@code 1500} JPY), no
 *       sign, no thousands separator, never an exponent; the decimal separator is the format's
 *       ({@code .} or {@code ,}).</td></tr>
 *   <tr><td>5</td><td>{@code currency}</td><td>The currency of {@code amount}.</td><td>ISO 4217
 *       code, 3 upper case letters.</td></tr>
 *   <tr><td>6</td><td>{@code iban}</td><td>The account paid to: the account on file when the
 *       payout was created.</td><td>Text: the IBAN in electronic form (upper case, no spaces),
 *       starting with its two-letter country code.</td></tr>
 *   <tr><td>7</td><td>{@code holder_name}</td><td>The account holder's name as on file (not
 *       transliterated; the SEPA file carries it in the SEPA character set).</td><td>Text, 1 to 70
 *       characters.</td></tr>
 *   <tr><td>8</td><td>{@code remittance}</td><td>The remittance text exactly as the SEPA file
 *       carries it, as the partner's bank shows it.</td><td>Text, SEPA character set, at most 140
 *       characters.</td></tr>
 *   <tr><td>9</td><td>{@code status}</td><td>The payout's status; a payout still {@code CREATED}
 *       is written as {@code EXPORTED}, since the file is the export.</td><td>{@code EXPORTED},
 *       {@code PAID} or {@code FAILED}.</td></tr>
 * </table>
 *
 * <p>Text cells are written as they are, except: a cell is quoted (RFC 4180, inner quotes doubled)
 * when it holds the field separator, a quote or a line break; and wherever a piece of a cell would
 * start with {@code = + - @}, tab or carriage return after any of {@code , ; tab} or a line break
 * (or at the cell's start), an apostrophe is put before it, so that no spreadsheet runs it as a
 * formula, however it splits the file. Only the free-text columns ({@code partner_id}, {@code
 * holder_name}, {@code remittance}) can get such an apostrophe; a program reading the file strips
 * one apostrophe before such a character.
 *
 * <p><b>Formats.</b> {@link CsvFormat#RFC_4180}: UTF-8 without a byte-order mark, comma-separated,
 * decimal point, for programs and English spreadsheets. {@link CsvFormat#EXCEL_SEMICOLON}: UTF-8
 * with a byte-order mark, semicolon-separated, decimal comma ({@code 1234,50}), which Excel in
 * Dutch and German (de-DE, de-AT) locales opens by double-click as real numbers with the names'
 * accents intact. Both end lines with CR LF. In Excel, the IBAN, the reference and the SDK's own
 * partner ids ({@code p_...}) start with letters and stay text; a host's own partner id that looks
 * like a number or a date ({@code 00123}, {@code 1/2}) and the {@code period} (shown as a date such
 * as {@code nov-26}) may be converted by Excel when the file is opened by double-click: import with
 * Data &gt; From Text/CSV and set those columns to Text to keep them as written.
 */
public final class PayoutCsvWriter implements AutoCloseable {
  /**
   * The header's column names, in the order the file has them: the contract in the class
   * documentation.
   */
  public static final List<String> COLUMNS =
      List.of(
          "reference",
          "partner_id",
          "period",
          "amount",
          "currency",
          "iban",
          "holder_name",
          "remittance",
          "status");

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
      writer.row(COLUMNS.toArray(String[]::new));
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
          payout.transferAccount().iban().value(),
          payout.transferAccount().holderName(),
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
