package org.partnerprogram.core.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.Money;

/**
 * Writes a {@link SepaBatch} as a pain.001 customer credit transfer initiation (UTF-8 XML), valid
 * against the version's schema: one payment block (TRF, service level SEPA, charges SLEV), names
 * and remittance text transliterated into the SEPA character set and cut to the schema's lengths,
 * NbOfTxs and CtrlSum computed from the transfers. The output depends on the batch only, so a
 * re-export is byte-identical. Every IBAN it writes is of a SEPA country: {@link SepaTransfer} and
 * {@link SepaDebtor} refuse any other with a {@link
 * org.partnerprogram.core.domain.NonSepaIbanException}, so a transfer the SEPA schemes do not carry
 * never reaches the file.
 */
public final class SepaCreditTransferWriter {
  private static final DateTimeFormatter CREATED =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private SepaCreditTransferWriter() {}

  /**
   * Writes the batch.
   *
   * @param batch the batch; never null
   * @param version the pain.001 version; never null
   * @return the file's bytes (UTF-8)
   */
  public static byte[] write(SepaBatch batch, PainVersion version) {
    Xml x = new Xml(null);
    write(
        x,
        batch.messageId(),
        batch.createdAt(),
        batch.requestedExecutionDate(),
        batch.debtor(),
        batch.transfers().size(),
        batch.controlSum(),
        sink -> batch.transfers().forEach(sink),
        version);
    return x.text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Writes a batch to a stream as its transfers come, holding only a few kilobytes of the file in
   * memory: the output is byte-identical to {@link #write(SepaBatch, PainVersion)} of the same
   * batch. The caller vouches for what {@link SepaBatch} would check of the transfers (at least
   * one, distinct end-to-end ids) and passes their number and sum, which the file's header carries.
   *
   * @param header the batch without its transfers: its id, creation time, execution date and debtor
   *     are written, its transfer (any one, for validation) is not; never null
   * @param count how many transfers {@code transfers} will give, at least 1
   * @param controlSum their sum; never null
   * @param transfers called once with a sink, to which it gives every transfer in file order; never
   *     null
   * @param version the pain.001 version; never null
   * @param out where the UTF-8 file goes; not closed; never null
   * @throws IOException if writing fails
   */
  public static void write(
      SepaBatch header,
      int count,
      Money controlSum,
      Consumer<Consumer<SepaTransfer>> transfers,
      PainVersion version,
      OutputStream out)
      throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    Xml x = new Xml(writer);
    try {
      write(
          x,
          header.messageId(),
          header.createdAt(),
          header.requestedExecutionDate(),
          header.debtor(),
          count,
          controlSum,
          transfers,
          version);
      x.flush();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    writer.flush();
  }

  private static void write(
      Xml x,
      String messageId,
      Instant createdAt,
      LocalDate requestedExecutionDate,
      SepaDebtor debtor,
      int count,
      Money controlSum,
      Consumer<Consumer<SepaTransfer>> transfers,
      PainVersion version) {
    x.text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open("Document xmlns=\"" + version.namespace() + "\"");
    x.open("CstmrCdtTrfInitn");
    x.open("GrpHdr");
    x.leaf("MsgId", messageId);
    x.leaf("CreDtTm", CREATED.format(createdAt.truncatedTo(ChronoUnit.SECONDS)));
    x.leaf("NbOfTxs", Integer.toString(count));
    x.leaf("CtrlSum", controlSum.amount().toPlainString());
    x.open("InitgPty");
    x.leaf("Nm", SepaText.of(debtor.name(), 70));
    x.close("InitgPty");
    x.close("GrpHdr");

    x.open("PmtInf");
    x.leaf("PmtInfId", messageId);
    x.leaf("PmtMtd", "TRF");
    x.leaf("NbOfTxs", Integer.toString(count));
    x.leaf("CtrlSum", controlSum.amount().toPlainString());
    x.open("PmtTpInf");
    x.open("SvcLvl");
    x.leaf("Cd", "SEPA");
    x.close("SvcLvl");
    x.close("PmtTpInf");
    if (version == PainVersion.PAIN_001_001_09) {
      x.open("ReqdExctnDt");
      x.leaf("Dt", requestedExecutionDate.toString());
      x.close("ReqdExctnDt");
    } else {
      x.leaf("ReqdExctnDt", requestedExecutionDate.toString());
    }
    x.open("Dbtr");
    x.leaf("Nm", SepaText.of(debtor.name(), 70));
    x.close("Dbtr");
    x.open("DbtrAcct");
    x.open("Id");
    x.leaf("IBAN", debtor.iban().value());
    x.close("Id");
    x.close("DbtrAcct");
    x.open("DbtrAgt");
    x.open("FinInstnId");
    if (debtor.bic().isPresent()) {
      x.leaf(version.bicElement(), debtor.bic().get());
    } else {
      x.open("Othr");
      x.leaf("Id", "NOTPROVIDED");
      x.close("Othr");
    }
    x.close("FinInstnId");
    x.close("DbtrAgt");
    x.leaf("ChrgBr", "SLEV");
    transfers.accept(
        t -> {
          x.open("CdtTrfTxInf");
          x.open("PmtId");
          x.leaf("EndToEndId", t.endToEndId());
          x.close("PmtId");
          x.open("Amt");
          x.leafWithAttribute(
              "InstdAmt",
              "Ccy",
              t.amount().currency().getCurrencyCode(),
              t.amount().amount().toPlainString());
          x.close("Amt");
          x.open("Cdtr");
          x.leaf("Nm", SepaText.of(t.creditorName(), 70));
          x.close("Cdtr");
          x.open("CdtrAcct");
          x.open("Id");
          x.leaf("IBAN", t.creditorIban().value());
          x.close("Id");
          x.close("CdtrAcct");
          x.open("RmtInf");
          x.leaf("Ustrd", SepaText.of(t.remittance(), 140));
          x.close("RmtInf");
          x.close("CdtTrfTxInf");
          x.drain();
        });
    x.close("PmtInf");
    x.close("CstmrCdtTrfInitn");
    x.close("Document");
  }

  /** A tiny, deterministic XML writer: two-space indentation, escaped text. */
  private static final class Xml {
    private static final int CHUNK = 8192;
    private final StringBuilder text = new StringBuilder();
    private final Writer sink;
    private int depth;

    /** Text goes to {@code sink} a chunk at a time, or stays in {@link #text} when null. */
    Xml(Writer sink) {
      this.sink = sink;
    }

    /** Hands a full chunk to the sink. */
    void drain() {
      if (sink != null && text.length() >= CHUNK) {
        flush();
      }
    }

    /** Hands everything written so far to the sink. */
    void flush() {
      try {
        sink.append(text);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      text.setLength(0);
    }

    void open(String tag) {
      indent();
      text.append('<').append(tag).append(">\n");
      depth++;
    }

    void close(String tag) {
      depth--;
      indent();
      text.append("</").append(tag).append(">\n");
    }

    void leaf(String tag, String value) {
      indent();
      text.append('<').append(tag).append('>');
      escape(value);
      text.append("</").append(tag).append(">\n");
    }

    void leafWithAttribute(String tag, String attribute, String attributeValue, String value) {
      indent();
      text.append('<').append(tag).append(' ').append(attribute).append("=\"");
      escape(attributeValue);
      text.append("\">");
      escape(value);
      text.append("</").append(tag).append(">\n");
    }

    private void indent() {
      text.append("  ".repeat(depth));
    }

    private void escape(String value) {
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '&' -> text.append("&amp;");
          case '<' -> text.append("&lt;");
          case '>' -> text.append("&gt;");
          case '"' -> text.append("&quot;");
          case '\'' -> text.append("&apos;");
          default -> text.append(c);
        }
      }
    }
  }
}
