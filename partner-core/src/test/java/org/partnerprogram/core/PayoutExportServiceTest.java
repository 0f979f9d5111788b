package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidIbanException;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.SepaSchemas;

/** The bank files of a closed month. */
class PayoutExportServiceTest extends ServiceTestWorld.EnrolledPartner {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

  @Test
  void theBankFilesValidateAndAReexportIsByteIdentical() throws Exception {
    paidOrder("o-1", "100.00");
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);
    ExportPayoutsCommand command =
        new ExportPayoutsCommand(
            NOVEMBER,
            PainVersion.PAIN_001_001_03,
            DEBTOR,
            LocalDate.parse("2026-12-02"),
            Acts.TEST);

    PayoutExport first = f.program.payouts().export(command);
    PayoutExport second = f.program.payouts().export(command);

    SepaSchemas.validate(first.sepaXml(), PainVersion.PAIN_001_001_03);
    assertThat(second.sepaXml()).isEqualTo(first.sepaXml());
    assertThat(new String(first.sepaXml(), StandardCharsets.UTF_8))
        .contains("<CtrlSum>25.00</CtrlSum>")
        .contains("<MsgId>PP-2026-11</MsgId>");
    assertThat(first.csvText().lines())
        .hasSize(2)
        .element(1)
        .asString()
        .contains("25.00,EUR,NL91ABNA0417164300,Jan de Vries,Partnerprogramma 2026-11 ")
        .endsWith(",EXPORTED");
    assertThat(f.payoutsOf(close(NOVEMBER).month()))
        .extracting(p -> p.status())
        .containsExactly(PayoutStatus.EXPORTED);
    PayoutExport v09 =
        f.program
            .payouts()
            .export(
                new ExportPayoutsCommand(
                    NOVEMBER,
                    PainVersion.PAIN_001_001_09,
                    DEBTOR,
                    LocalDate.parse("2026-12-02"),
                    Acts.TEST));
    SepaSchemas.validate(v09.sepaXml(), PainVersion.PAIN_001_001_09);
  }

  @Test
  void exportingAMonthWithoutPayoutsOrNotClosedIsRefused() {
    f.clock.set(DECEMBER_FIRST);
    ExportPayoutsCommand november =
        new ExportPayoutsCommand(
            NOVEMBER,
            PainVersion.PAIN_001_001_03,
            DEBTOR,
            LocalDate.parse("2026-12-02"),
            Acts.TEST);
    assertThatThrownBy(() -> f.program.payouts().export(november))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("not closed");
    close(NOVEMBER);
    assertThatThrownBy(() -> f.program.payouts().export(november))
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("no payout");
    assertThatThrownBy(() -> SepaDebtor.of("Hosting B.V.", "NL00ABNA0417164300"))
        .isInstanceOf(InvalidIbanException.class);
  }

  /** Period closes, payouts, exports and statements at the edges the broader suites skip. */
  @Nested
  class Edges extends ServiceTestWorld.EnrolledPartner {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
    private static final SepaDebtor DEBTOR = SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300");

    @Test
    void aFailedPayoutIsLeftOutOfTheExport() {
      paidOrder(f, "o-1", "100.00");
      f.clock.set(DECEMBER_FIRST);
      Payout payout = f.payoutsOf(close(f, NOVEMBER).month()).get(0);
      f.program.payouts().markFailed(payout.payoutId(), Acts.because("account closed"));
      assertThatThrownBy(
              () ->
                  f.program
                      .payouts()
                      .export(
                          new ExportPayoutsCommand(
                              NOVEMBER,
                              PainVersion.PAIN_001_001_03,
                              DEBTOR,
                              LocalDate.parse("2026-12-02"),
                              Acts.TEST)))
          .isInstanceOf(IllegalTransitionException.class)
          .hasMessageContaining("no payout");
    }
  }
}
