package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.strings;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.testkit.Gens;
import org.quicktheories.core.Gen;

class SepaProperties {
  private static Gen<List<SepaTransfer>> transfers() {
    Gen<SepaTransfer> transfer =
        Gens.ibans()
            .zip(
                integers().between(1, 99_999_999),
                strings().allPossible().ofLengthBetween(1, 90),
                (Iban iban, Integer cents, String name) ->
                    new SepaTransfer(
                        "E",
                        name.isBlank() ? "x" : name,
                        iban,
                        Money.of(BigDecimal.valueOf(cents, 2), Money.of("0", "EUR").currency()),
                        "Partnerprogramma " + name));
    return lists()
        .of(transfer)
        .ofSizeBetween(1, 30)
        .map(
            list -> {
              List<SepaTransfer> numbered = new ArrayList<>();
              for (int i = 0; i < list.size(); i++) {
                SepaTransfer t = list.get(i);
                numbered.add(
                    new SepaTransfer(
                        "PP-" + i, t.creditorName(), t.creditorIban(), t.amount(), t.remittance()));
              }
              return numbered;
            });
  }

  @Test
  void everyBatchValidatesAgainstBothSchemasWithRightControlSumsAndReexportsIdentically() {
    qt().withExamples(200)
        .forAll(transfers())
        .checkAssert(
            list -> {
              SepaBatch batch =
                  SepaCreditTransferWriterTest.batch(
                      SepaCreditTransferWriterTest.DEBTOR, list.toArray(SepaTransfer[]::new));
              for (PainVersion version : PainVersion.values()) {
                byte[] xml = SepaCreditTransferWriter.write(batch, version);
                try {
                  SepaCreditTransferWriterTest.validate(xml, version);
                } catch (Exception e) {
                  throw new AssertionError(
                      version
                          + " rejected: "
                          + e.getMessage()
                          + "\n"
                          + new String(xml, StandardCharsets.UTF_8),
                      e);
                }
                String text = new String(xml, StandardCharsets.UTF_8);
                BigDecimal sum = BigDecimal.ZERO;
                Matcher amounts =
                    Pattern.compile("<InstdAmt Ccy=\"EUR\">([0-9.]+)</InstdAmt>").matcher(text);
                int count = 0;
                while (amounts.find()) {
                  sum = sum.add(new BigDecimal(amounts.group(1)));
                  count++;
                }
                assertThat(count).isEqualTo(list.size());
                assertThat(text).contains("<CtrlSum>" + sum.toPlainString() + "</CtrlSum>");
                assertThat(text).contains("<NbOfTxs>" + list.size() + "</NbOfTxs>");
                assertThat(SepaCreditTransferWriter.write(batch, version)).isEqualTo(xml);
              }
            });
  }

  @Test
  void transliteratedTextOnlyHoldsSepaCharactersAndFitsItsField() {
    qt().forAll(strings().allPossible().ofLengthBetween(0, 200), integers().between(1, 140))
        .checkAssert(
            (text, max) -> {
              String sepa = SepaText.of(text, max);
              assertThat(sepa.length()).isBetween(1, max);
              for (int i = 0; i < sepa.length(); i++) {
                char c = sepa.charAt(i);
                assertThat(SepaText.isSepa(c)).as("character U+%04X", (int) c).isTrue();
              }
            });
  }
}
