package org.partnerprogram.core.model;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.testkit.Invariants.ClosedPeriod;
import org.partnerprogram.testkit.Invariants.PayoutView;

/** The closed-period snapshot allows the payout life cycle and nothing else. */
class InvariantsTest {
  private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  private static final PartnerId PARTNER = PartnerId.random(new SplittableRandom(1));
  private static final PayoutId PAYOUT = PayoutId.random(new SplittableRandom(2));
  private static final PayoutAccount ACCOUNT =
      PayoutAccount.of("NL91ABNA0417164300", "Jan de Vries");

  private static ClosedPeriod closed(String amount, PayoutStatus status, PayoutAccount account) {
    Money money = Money.of(amount, "EUR");
    return new ClosedPeriod(
        NOVEMBER,
        List.of(new PayoutView(PAYOUT, PARTNER, money, Optional.of(account), status)),
        List.of(
            new PeriodCloseLine(NOVEMBER, PARTNER, money, Optional.of(PAYOUT), Optional.empty())));
  }

  @Test
  void payoutsMayMoveAlongTheirLifeCycle() {
    ClosedPeriod created = closed("25.00", PayoutStatus.CREATED, ACCOUNT);
    ClosedPeriod exported = closed("25.00", PayoutStatus.EXPORTED, ACCOUNT);
    assertThatCode(() -> created.assertUnchanged(exported)).doesNotThrowAnyException();
    assertThatCode(() -> exported.assertUnchanged(closed("25.00", PayoutStatus.PAID, ACCOUNT)))
        .doesNotThrowAnyException();
    assertThatCode(() -> created.assertUnchanged(closed("25.00", PayoutStatus.FAILED, ACCOUNT)))
        .doesNotThrowAnyException();
  }

  @Test
  void anythingElseThatChangesInAClosedMonthFails() {
    ClosedPeriod paid = closed("25.00", PayoutStatus.PAID, ACCOUNT);
    assertThatThrownBy(() -> paid.assertUnchanged(closed("25.00", PayoutStatus.FAILED, ACCOUNT)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("went from PAID to FAILED");
    ClosedPeriod created = closed("25.00", PayoutStatus.CREATED, ACCOUNT);
    assertThatThrownBy(
            () -> created.assertUnchanged(closed("25.01", PayoutStatus.CREATED, ACCOUNT)))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("close lines of closed month 2026-11 changed");
    assertThatThrownBy(
            () ->
                created.assertUnchanged(
                    closed(
                        "25.00",
                        PayoutStatus.CREATED,
                        PayoutAccount.of("NL91ABNA0417164300", "Someone Else"))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("payout of closed month 2026-11 changed");
    assertThatThrownBy(
            () -> created.assertUnchanged(new ClosedPeriod(NOVEMBER, List.of(), created.lines())))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("closed month 2026-11 had 1 payouts, now 0");
  }
}
