package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;

class PayoutCsvWriterTest {
  private static final ProgramTerms TERMS =
      ProgramTerms.builder()
          .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
          .build();
  private static final String DANGEROUS = "=+-@\t\r";

  private static Payout payout(String holder, String amount) {
    Instant at = Instant.parse("2026-12-01T08:00:00Z");
    return new Payout(
        PayoutId.of("PO" + "A".repeat(24)),
        PartnerId.of("p_88dn"),
        YearMonth.of(2026, 11),
        Money.of(amount, "EUR"),
        PayoutAccount.of("NL91ABNA0417164300", holder),
        PayoutStatus.CREATED,
        at,
        at,
        Optional.empty());
  }

  private static String csv(CsvFormat format, Payout... payouts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (PayoutCsvWriter writer = PayoutCsvWriter.to(out, TERMS, format)) {
      for (Payout p : payouts) {
        writer.write(p);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Every piece a reader could take for a cell, splitting on any separator and line break. */
  private static List<String> naiveCells(String file) {
    return List.of(file.split("[,;\t\n]|\r\n", -1));
  }

  @Test
  void aNameLikeJanFormulaXHasItsFormulaDefusedAndIsQuotedWhereItHoldsTheSeparator() {
    assertThat(PayoutCsvWriter.cell("Jan;=1+1;x", ',')).isEqualTo("Jan;'=1+1;x");
    assertThat(PayoutCsvWriter.cell("Jan;=1+1;x", ';')).isEqualTo("\"Jan;'=1+1;x\"");
    assertThat(PayoutCsvWriter.cell("Jan de Vries", ',')).isEqualTo("Jan de Vries");
    assertThat(PayoutCsvWriter.cell("=SUM(A1)", ',')).isEqualTo("'=SUM(A1)");
    assertThat(PayoutCsvWriter.cell("+31", ',')).isEqualTo("'+31");
    assertThat(PayoutCsvWriter.cell("@x", ',')).isEqualTo("'@x");
    assertThat(PayoutCsvWriter.cell("\tx", ',')).isEqualTo("'\tx");
    assertThat(PayoutCsvWriter.cell("a=b", ',')).isEqualTo("a=b");
    assertThat(PayoutCsvWriter.cell("Vries, Jan", ',')).isEqualTo("\"Vries, Jan\"");
    assertThat(PayoutCsvWriter.cell("Vries, Jan", ';')).isEqualTo("Vries, Jan");
    assertThat(PayoutCsvWriter.cell("Jan \"JJ\"", ';')).isEqualTo("\"Jan \"\"JJ\"\"\"");
    assertThat(PayoutCsvWriter.cell("a\nb", ',')).isEqualTo("\"a\nb\"");
    assertThat(PayoutCsvWriter.cell("x,-1", ';')).isEqualTo("x,'-1");
  }

  @Test
  void noCellOfTheFileStartsAFormulaHoweverTheFileIsSplit() {
    String alphabet = "aJ =+-@\t\r\n,;\"'1";
    qt().forAll(
            lists()
                .of(integers().between(0, alphabet.length() - 1))
                .ofSizeBetween(1, 12)
                .map(
                    indexes -> {
                      StringBuilder b = new StringBuilder("x");
                      indexes.forEach(i -> b.append(alphabet.charAt(i)));
                      return b.toString();
                    }))
        .checkAssert(
            tail -> {
              String value = tail;
              for (char separator : new char[] {',', ';'}) {
                for (String piece : naiveCells(PayoutCsvWriter.cell(value, separator))) {
                  String cell = piece.startsWith("\"") ? piece.substring(1) : piece;
                  assertThat(cell.isEmpty() || DANGEROUS.indexOf(cell.charAt(0)) < 0)
                      .as("cell %s of %s", cell, value)
                      .isTrue();
                }
              }
            });
  }

  @Test
  void theRfcFormatIsCommaSeparatedWithADecimalPointAndNoByteOrderMark() {
    String file = csv(CsvFormat.RFC_4180, payout("Jan de Vries", "1234.50"));
    assertThat(file)
        .isEqualTo(
            "reference,partner_id,period,amount,currency,iban,holder_name,remittance,status\r\n"
                + "PO"
                + "A".repeat(24)
                + ",p_88dn,2026-11,1234.50,EUR,NL91ABNA0417164300,Jan de Vries,"
                + "Partnerprogramma 2026-11 p-88dn,EXPORTED\r\n");
  }

  @Test
  void theExcelFormatHasAByteOrderMarkSemicolonsAndADecimalComma() {
    String file = csv(CsvFormat.EXCEL_SEMICOLON, payout("Jan; de Vries", "1234.50"));
    assertThat(file)
        .startsWith("\uFEFFreference;partner_id;period;amount;")
        .contains(";1234,50;EUR;")
        .contains(";\"Jan; de Vries\";")
        .endsWith(";EXPORTED\r\n");
  }

  @Test
  void theRemittanceColumnIsTheSepaFilesTextForThePayout() {
    Payout p = payout("Jan", "10.00");
    assertThat(csv(CsvFormat.RFC_4180, p)).contains("," + Remittance.of(TERMS, p) + ",");
    assertThat(Remittance.of(TERMS, p)).isEqualTo("Partnerprogramma 2026-11 p-88dn");
  }
}
