package org.partnerprogram.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.partnerprogram.testkit.ProgramFixture.eur;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.PeriodCloseLine.CarryOverReason;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.testkit.Acts;

/** A partner's statement of a closed month. */
class StatementServiceTest extends ServiceTestWorld.EnrolledPartner {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final YearMonth DECEMBER = YearMonth.of(2026, 12);
  private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void theStatementExplainsEveryLineWithoutCustomerData() {
    CustomerAccountId c = f.referredCustomer("customer-secret-42");
    f.record(
        f.order(
            "order-7",
            c,
            line(1, "shared-hosting", "100.00"),
            line(2, "vps", "40.00"),
            line(3, "domain", "9.99")));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-7"), OrderId.of("order-7"), f.clock.instant()));
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                EventId.of("r-7"),
                OrderId.of("order-7"),
                f.clock.instant(),
                java.util.Map.of(2, eur("20.00"))));
    f.clock.set(DECEMBER_FIRST);
    close(NOVEMBER);

    PartnerStatement statement =
        f.program.payouts().statement(StatementQuery.of(f.partner.id(), NOVEMBER));

    assertThat(statement.total()).isEqualTo(eur("27.50"));
    assertThat(statement.settlement()).isInstanceOf(PartnerStatement.Settlement.PaidOut.class);
    assertThat(statement.lines())
        .extracting(PartnerStatement.Line::amount)
        .containsExactly(eur("25.00"), eur("5.00"), eur("-2.50"), eur("0.00"));
    assertThat(statement.lines().get(1).rateVersion()).contains("v1");
    // The domain does not participate: listed with nothing earned, so the partner sees why.
    assertThat(statement.lines().get(3))
        .satisfies(
            l -> {
              assertThat(l.kind()).isEqualTo(PartnerStatement.LineKind.NOT_PARTICIPATING);
              assertThat(l.productId().value()).isEqualTo("domain-product");
              assertThat(l.base()).isEqualTo(eur("9.99"));
              assertThat(l.rate()).isEmpty();
            });
    assertThat(statement.toText()).containsPattern("not participating +order-7 +3 domain-product");
    assertThat(statement.toText())
        .contains("order-7")
        .contains("vps-product")
        .contains("12.5 %")
        .contains("-2.50")
        .doesNotContain("customer-secret-42");
    assertThat(statement.toJson())
        .startsWith("{\"schemaVersion\":2,\"programName\":\"Partner programme\",\"partnerId\"")
        .contains("\"total\":27.50,")
        .contains("\"ratePercent\":12.5,\"rateFixedAmount\":null,")
        .doesNotContain("customer-secret-42");
    assertThatThrownBy(
            () -> f.program.payouts().statement(StatementQuery.of(f.partner.id(), DECEMBER)))
        .isInstanceOf(IllegalTransitionException.class);
  }

  /** Period closes, payouts, exports and statements at the edges the broader suites skip. */
  @Nested
  class Edges extends ServiceTestWorld.EnrolledPartner {
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");

    private PartnerStatement statement(Partner partner) {
      return f.program.payouts().statement(StatementQuery.of(partner.id(), NOVEMBER));
    }

    @Test
    void aCarriedOverStatementListsTheEntriesKnownAtTheCloseInOrderAndNamesTheRateVersion() {
      f.program
          .rates()
          .change(
              RateChange.forPartner(f.partner.id(), Acts.TEST)
                  .setAll(Map.of(RateTarget.group("vps"), Rate.percent("20")))
                  .from(f.clock.instant().plusSeconds(1)));
      f.clock.advance(java.time.Duration.ofSeconds(2));
      CustomerAccountId c = f.referredCustomer("c-1");
      // recorded b before a, and line 2 before line 1 within a: the statement sorts them
      f.record(f.order("o-b", c, line(1, "shared-hosting", "40.00")));
      f.record(f.order("o-a", c, line(2, "vps", "10.00"), line(1, "shared-hosting", "4.00")));
      for (String id : List.of("o-b", "o-a")) {
        f.program
            .commissions()
            .recordPayment(
                new RecordPaymentCommand(
                    EventId.of("pay-" + id), OrderId.of(id), f.clock.instant()));
      }
      // placed in November, paid in November, but only reported after the close: not part of
      // November's statement
      f.record(f.order("o-c", c, line(1, "shared-hosting", "8.00")));
      Instant paidInNovember = f.clock.instant();
      f.program.partners().suspend(f.partner.id(), Acts.because("fraud review"));
      f.clock.set(DECEMBER_FIRST);
      close(f, NOVEMBER);
      f.clock.advance(java.time.Duration.ofMinutes(1));
      f.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(EventId.of("pay-o-c"), OrderId.of("o-c"), paidInNovember));

      PartnerStatement s = statement(f.partner);
      assertThat(s.settlement())
          .isEqualTo(
              new PartnerStatement.Settlement.CarriedOver(
                  eur("13.00"), CarryOverReason.PARTNER_SUSPENDED));
      assertThat(s.lines())
          .extracting(l -> l.orderId().value() + "/" + l.lineNumber() + "/" + l.kind())
          .containsExactly("o-a/1/EARNED", "o-a/2/EARNED", "o-b/1/EARNED");
      assertThat(s.lines())
          .extracting(l -> l.rateVersion().orElseThrow())
          .containsExactly("v1", "override v1", "v1");
      assertThat(s.total()).isEqualTo(eur("13.00"));
      assertThat(s.lines())
          .allSatisfy(l -> assertThat(l.kind()).isEqualTo(PartnerStatement.LineKind.EARNED));
    }
  }
}
