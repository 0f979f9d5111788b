package org.partnerprogram.core.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.core.export.SepaCreditTransferWriterTest.DEBTOR;
import static org.partnerprogram.core.export.SepaCreditTransferWriterTest.batch;
import static org.partnerprogram.core.export.SepaCreditTransferWriterTest.transfer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;

/** The field-by-field checks of a SEPA batch, each at its edge, and its control sum. */
class SepaBatchTest {
  private static final Iban IBAN = Iban.parse("NL91ABNA0417164300");

  private static String fieldOf(Runnable r) {
    try {
      r.run();
    } catch (InvalidInputException e) {
      return e.field();
    }
    throw new AssertionError("accepted");
  }

  @Test
  void theControlSumAddsEveryTransfer() {
    SepaBatch b =
        batch(
            DEBTOR,
            transfer("E1", "Jan", "NL91ABNA0417164300", "1.10"),
            transfer("E2", "Piet", "NL91ABNA0417164300", "2.25"),
            transfer("E3", "Kees", "NL91ABNA0417164300", "0.01"));
    assertThat(b.controlSum()).isEqualTo(Money.of("3.36", "EUR"));
    assertThat(batch(DEBTOR, transfer("E1", "Jan", "NL91ABNA0417164300", "7.00")).controlSum())
        .isEqualTo(Money.of("7.00", "EUR"));
  }

  @Test
  void identifiersAreOneToThirtyFiveSepaCharactersWithoutSpacesOrLeadingOrDoubleSlashes() {
    assertThat(transfer("X".repeat(35), "Jan", "NL91ABNA0417164300", "1.00").endToEndId())
        .hasSize(35);
    assertThat(transfer("a/b-c?d:e(f)g.h,i'j+k", "Jan", "NL91ABNA0417164300", "1.00").endToEndId())
        .isEqualTo("a/b-c?d:e(f)g.h,i'j+k");
    for (String bad : new String[] {"", "/E1", "E//1", "E_1", "E;1"}) {
      assertThat(fieldOf(() -> transfer(bad, "Jan", "NL91ABNA0417164300", "1.00")))
          .as(bad)
          .isEqualTo("endToEndId");
    }
    assertThat(fieldOf(() -> new SepaTransfer(null, "Jan", IBAN, Money.of("1", "EUR"), "r")))
        .isEqualTo("endToEndId");
    assertThat(
            fieldOf(
                () ->
                    new SepaBatch(
                        "PP 1",
                        Instant.EPOCH,
                        LocalDate.of(2026, 12, 2),
                        DEBTOR,
                        List.of(transfer("E1", "Jan", "NL91ABNA0417164300", "1.00")))))
        .isEqualTo("messageId");
  }

  @Test
  void everyPartOfATransferAndABatchIsRequired() {
    Money one = Money.of("1.00", "EUR");
    assertThat(fieldOf(() -> new SepaTransfer("E1", " ", IBAN, one, "r")))
        .isEqualTo("creditorName");
    assertThat(fieldOf(() -> new SepaTransfer("E1", null, IBAN, one, "r")))
        .isEqualTo("creditorName");
    assertThat(fieldOf(() -> new SepaTransfer("E1", "Jan", IBAN, null, "r"))).isEqualTo("amount");
    assertThat(fieldOf(() -> new SepaTransfer("E1", "Jan", IBAN, Money.of("-1.00", "EUR"), "r")))
        .isEqualTo("amount");
    assertThat(fieldOf(() -> new SepaTransfer("E1", "Jan", IBAN, one, " ")))
        .isEqualTo("remittance");
    assertThat(fieldOf(() -> new SepaTransfer("E1", "Jan", IBAN, one, null)))
        .isEqualTo("remittance");
    assertThat(fieldOf(() -> new SepaTransfer("E1", "Jan", null, one, "r")))
        .isEqualTo("creditorIban");
    List<SepaTransfer> one1 = List.of(new SepaTransfer("E1", "Jan", IBAN, one, "r"));
    LocalDate date = LocalDate.of(2026, 12, 2);
    assertThat(fieldOf(() -> new SepaBatch("M", null, date, DEBTOR, one1))).isEqualTo("batch");
    assertThat(fieldOf(() -> new SepaBatch("M", Instant.EPOCH, null, DEBTOR, one1)))
        .isEqualTo("batch");
    assertThat(fieldOf(() -> new SepaBatch("M", Instant.EPOCH, date, null, one1)))
        .isEqualTo("batch");
    assertThat(fieldOf(() -> new SepaBatch("M", Instant.EPOCH, date, DEBTOR, null)))
        .isEqualTo("transfers");
    assertThat(
            fieldOf(
                () -> new SepaBatch("M", Instant.EPOCH, LocalDate.of(3000, 1, 1), DEBTOR, one1)))
        .isEqualTo("requestedExecutionDate");
  }

  @Test
  void theDebtorNeedsANameAnIbanAndAtMostAWellFormedBic() {
    assertThat(new SepaDebtor("Hosting", IBAN, Optional.of("ABNANL2A")).bic()).contains("ABNANL2A");
    assertThat(new SepaDebtor("Hosting", IBAN, Optional.of("ABNANL2AXXX")).bic())
        .contains("ABNANL2AXXX");
    assertThat(fieldOf(() -> new SepaDebtor(" ", IBAN, Optional.empty()))).isEqualTo("debtorName");
    assertThat(fieldOf(() -> new SepaDebtor(null, IBAN, Optional.empty()))).isEqualTo("debtorName");
    assertThat(fieldOf(() -> new SepaDebtor("H", null, Optional.empty()))).isEqualTo("debtorIban");
    @SuppressWarnings("NullOptional") // a null Optional is the input under test
    Optional<String> noBic = null;
    assertThat(fieldOf(() -> new SepaDebtor("H", IBAN, noBic))).isEqualTo("debtorBic");
    assertThat(fieldOf(() -> new SepaDebtor("H", IBAN, Optional.of("ABNANL2AX"))))
        .isEqualTo("debtorBic");
  }
}
