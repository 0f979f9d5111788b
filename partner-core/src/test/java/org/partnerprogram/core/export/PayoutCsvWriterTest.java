package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.testkit.Gens;

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
        Optional.of(PayoutAccount.of("NL91ABNA0417164300", holder)),
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
  void theDocumentedColumnTableIsTheHeaderTheWriterWrites() throws IOException {
    String source =
        Files.readString(
            Path.of("src/main/java/org/partnerprogram/core/export/PayoutCsvWriter.java"));
    Matcher row =
        Pattern.compile("<tr><td>(\\d+)</td><td>\\{@code ([a-z_]+)\\}</td>").matcher(source);
    List<String> documented = new ArrayList<>();
    while (row.find()) {
      assertThat(Integer.parseInt(row.group(1)))
          .as("numbered in order: %s", row.group(2))
          .isEqualTo(documented.size() + 1);
      documented.add(row.group(2));
    }
    assertThat(documented).isEqualTo(PayoutCsvWriter.COLUMNS);
    for (CsvFormat format : CsvFormat.values()) {
      String header = csv(format).replace("\uFEFF", "");
      assertThat(header)
          .as("%s", format)
          .isEqualTo(String.join(String.valueOf(format.separator()), documented) + "\r\n");
    }
  }

  @Test
  void everyStatusWrittenIsOneTheContractNames() {
    List<String> written = new ArrayList<>();
    for (PayoutStatus status : PayoutStatus.values()) {
      Payout p = payout("Jan", "10.00");
      Payout in =
          new Payout(
              p.payoutId(),
              p.partnerId(),
              p.period(),
              p.amount(),
              p.account(),
              status,
              p.createdAt(),
              p.createdAt(),
              status == PayoutStatus.FAILED ? Optional.of("AC04") : Optional.empty());
      List<List<String>> rows = excelRows(csv(CsvFormat.EXCEL_SEMICOLON, in));
      written.add(rows.get(1).get(PayoutCsvWriter.COLUMNS.indexOf("status")));
    }
    assertThat(written).containsExactly("EXPORTED", "EXPORTED", "PAID", "FAILED");
  }

  @Test
  void dutchAndGermanExcelReadTheAmountExactlyAndTheIbanAsText() {
    qt().forAll(Gens.money(Currency.getInstance("EUR"), 10_000_000, false))
        .assuming(m -> m.amount().signum() > 0)
        .checkAssert(
            amount -> {
              Payout p = payout("Jörg Müller;=HYPERLINK(\"x\")", amount.amount().toPlainString());
              List<List<String>> rows = excelRows(csv(CsvFormat.EXCEL_SEMICOLON, p));
              assertThat(rows.get(0)).isEqualTo(PayoutCsvWriter.COLUMNS);
              assertThat(rows).hasSize(2);
              List<String> row = rows.get(1);
              assertThat(row).hasSize(PayoutCsvWriter.COLUMNS.size()).doesNotContain("");
              String cell = row.get(PayoutCsvWriter.COLUMNS.indexOf("amount"));
              for (Locale locale : List.of(Locale.forLanguageTag("nl-NL"), Locale.GERMANY)) {
                DecimalFormat excel = (DecimalFormat) NumberFormat.getNumberInstance(locale);
                excel.setParseBigDecimal(true);
                ParsePosition pos = new ParsePosition(0);
                BigDecimal read = (BigDecimal) excel.parse(cell, pos);
                assertThat(pos.getIndex())
                    .as("%s reads all of %s", locale, cell)
                    .isEqualTo(cell.length());
                assertThat(read).as("%s reads %s", locale, cell).isEqualTo(amount.amount());
              }
              String iban = row.get(PayoutCsvWriter.COLUMNS.indexOf("iban"));
              assertThat(iban).isEqualTo("NL91ABNA0417164300").matches("[A-Z]{2}[0-9]{2}[A-Z0-9]+");
              assertThat(row.get(PayoutCsvWriter.COLUMNS.indexOf("holder_name")))
                  .isEqualTo("Jörg Müller;'=HYPERLINK(\"x\")");
              assertThat(row.get(PayoutCsvWriter.COLUMNS.indexOf("period"))).isEqualTo("2026-11");
            });
  }

  /** The file as Excel splits it: without the byte-order mark, on semicolons outside quotes. */
  private static List<List<String>> excelRows(String file) {
    assertThat(file).startsWith("\uFEFF");
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 1; i < file.length(); i++) {
      char c = file.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < file.length() && file.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == ';') {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\r' && file.startsWith("\r\n", i)) {
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
        i++;
      } else {
        cell.append(c);
      }
    }
    assertThat(cell).isEmpty();
    assertThat(row).isEmpty();
    return rows;
  }

  @Test
  void theRemittanceColumnIsTheSepaFilesTextForThePayout() {
    Payout p = payout("Jan", "10.00");
    assertThat(csv(CsvFormat.RFC_4180, p)).contains("," + Remittance.of(TERMS, p) + ",");
    assertThat(Remittance.of(TERMS, p)).isEqualTo("Partnerprogramma 2026-11 p-88dn");
  }
}
