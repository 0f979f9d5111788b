package org.partnerprogram.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's demo: its printed numbers agree with the files it writes. */
class ProgrammeMonthTest {
  @TempDir Path dir;

  private static BigDecimal single(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    assertThat(m.find()).as(regex).isTrue();
    return new BigDecimal(m.group(1));
  }

  @Test
  void theMonthsNumbersAgreeWithTheSepaFileTheCsvAndTheStatements() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    ProgrammeMonth.Summary summary =
        ProgrammeMonth.run(
            ProgrammeMonth.h2(), dir, new PrintStream(printed, true, StandardCharsets.UTF_8));

    String sepa = Files.readString(dir.resolve("payouts-2026-11.pain.001.001.03.xml"));
    List<String> csv = Files.readAllLines(dir.resolve("payouts-2026-11.csv"));
    BigDecimal statementTotals = BigDecimal.ZERO;
    int statements = 0;
    try (var files = Files.list(dir)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        String json = Files.readString(file);
        assertThat(json).doesNotContain("customer-5");
        if (!json.contains("\"payoutId\":null")) {
          statementTotals = statementTotals.add(single(json, "\"total\":(-?[0-9.]+),"));
        }
        statements++;
      }
    }

    assertThat(statements).isEqualTo(3);
    assertThat(summary.payouts()).isPositive();
    assertThat(single(sepa, "<CtrlSum>([0-9.]+)</CtrlSum>"))
        .isEqualTo(summary.payoutTotal().amount());
    assertThat(single(sepa, "<NbOfTxs>([0-9]+)</NbOfTxs>"))
        .isEqualTo(BigDecimal.valueOf(summary.payouts()));
    assertThat(csv).hasSize(summary.payouts() + 1);
    assertThat(statementTotals).isEqualTo(summary.payoutTotal().amount());
    assertThat(summary.earned().minus(summary.reversed()))
        .isGreaterThanOrEqualTo(summary.payoutTotal());
    assertThat(summary.reversed().isPositive()).as("the refund reversed commission").isTrue();
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out)
        .contains("[6/6] Done")
        .contains("Payouts 2026-11")
        .contains(summary.payoutTotal().toString());
    assertThat(sepa).contains("Fatma Yilmaz").contains("Zoe van den Berg-Orsted");
  }
}
