package org.partnerprogram.core.export;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * Writes a {@link SepaBatch} as a pain.001 customer credit transfer initiation (UTF-8 XML), valid
 * against the version's schema: one payment block (TRF, service level SEPA, charges SLEV), names
 * and remittance text transliterated into the SEPA character set and cut to the schema's lengths,
 * NbOfTxs and CtrlSum computed from the transfers. The output depends on the batch only, so a
 * re-export is byte-identical.
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
    Xml x = new Xml();
    x.text.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    x.open("Document xmlns=\"" + version.namespace() + "\"");
    x.open("CstmrCdtTrfInitn");
    x.open("GrpHdr");
    x.leaf("MsgId", batch.messageId());
    x.leaf("CreDtTm", CREATED.format(batch.createdAt().truncatedTo(ChronoUnit.SECONDS)));
    x.leaf("NbOfTxs", Integer.toString(batch.transfers().size()));
    x.leaf("CtrlSum", batch.controlSum().amount().toPlainString());
    x.open("InitgPty");
    x.leaf("Nm", SepaText.of(batch.debtor().name(), 70));
    x.close("InitgPty");
    x.close("GrpHdr");

    x.open("PmtInf");
    x.leaf("PmtInfId", batch.messageId());
    x.leaf("PmtMtd", "TRF");
    x.leaf("NbOfTxs", Integer.toString(batch.transfers().size()));
    x.leaf("CtrlSum", batch.controlSum().amount().toPlainString());
    x.open("PmtTpInf");
    x.open("SvcLvl");
    x.leaf("Cd", "SEPA");
    x.close("SvcLvl");
    x.close("PmtTpInf");
    if (version == PainVersion.PAIN_001_001_09) {
      x.open("ReqdExctnDt");
      x.leaf("Dt", batch.requestedExecutionDate().toString());
      x.close("ReqdExctnDt");
    } else {
      x.leaf("ReqdExctnDt", batch.requestedExecutionDate().toString());
    }
    x.open("Dbtr");
    x.leaf("Nm", SepaText.of(batch.debtor().name(), 70));
    x.close("Dbtr");
    x.open("DbtrAcct");
    x.open("Id");
    x.leaf("IBAN", batch.debtor().iban().value());
    x.close("Id");
    x.close("DbtrAcct");
    x.open("DbtrAgt");
    x.open("FinInstnId");
    if (batch.debtor().bic().isPresent()) {
      x.leaf(version.bicElement(), batch.debtor().bic().get());
    } else {
      x.open("Othr");
      x.leaf("Id", "NOTPROVIDED");
      x.close("Othr");
    }
    x.close("FinInstnId");
    x.close("DbtrAgt");
    x.leaf("ChrgBr", "SLEV");
    for (SepaTransfer t : batch.transfers()) {
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
    }
    x.close("PmtInf");
    x.close("CstmrCdtTrfInitn");
    x.close("Document");
    return x.text.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A tiny, deterministic XML writer: two-space indentation, escaped text. */
  private static final class Xml {
    private final StringBuilder text = new StringBuilder();
    private int depth;

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
