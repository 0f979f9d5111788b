package org.partnerprogram.testkit.hostile;

import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * A realistic programme to throw hostile input at: two partners with vanity and random codes, a
 * rate card and a partner override, referred customers, paid and refunded orders in November, a
 * closed November with one payout paid and one still open, and an unpaid December order.
 */
public final class HostileWorld {
  /** The closed month. */
  public static final YearMonth CLOSED = YearMonth.of(2026, 11);

  /** The instant the world stands at after set-up (December, November closed). */
  public static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

  public final ProgramFixture fixture;
  public final PartnerProgram program;
  public final PartnerId partnerA;
  public final PartnerId partnerB;
  public final ReferralCode randomCodeB;
  public final CustomerAccountId customerA;
  public final CustomerAccountId customerB;
  public final List<Payout> payouts;

  private HostileWorld(ProgramStorage storage) {
    fixture = ProgramFixture.on(storage, terms -> terms);
    program = fixture.program;
    partnerA = fixture.partner.id();
    partnerB =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-partner-bea")
                    .withPayoutAccount(PayoutAccount.of("DE89370400440532013000", "Bea Müller")))
            .partner()
            .id();
    randomCodeB = program.referrals().issueCode(partnerB).code();
    program.referrals().issueVanityCode(partnerB, "bea-vps");
    program
        .rates()
        .change(
            RateChange.forPartner(partnerB, Acts.TEST)
                .setAll(Map.of(RateTarget.group("vps"), Rate.percent("15")))
                .from(fixture.clock.instant()));

    customerA = fixture.referredCustomer("c-hostile-a");
    program.referrals().recordTouch(RecordTouchCommand.of("bea-vps", "v-c-hostile-b"));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("c-hostile-b")
                .visitor("v-c-hostile-b")
                .at(fixture.clock.instant()));
    customerB = CustomerAccountId.of("c-hostile-b");

    fixture.record(
        fixture.order(
            "o-h1", customerA, line(1, "shared-hosting", "100.00"), line(2, "vps", "40.00")));
    fixture.record(fixture.order("o-h2", customerB, line(1, "vps", "80.00")));
    pay("o-h1");
    pay("o-h2");
    program
        .commissions()
        .recordRefund(
            RecordRefundCommand.wholeOrder(
                EventId.of("refund-o-h1"),
                OrderId.of("o-h1"),
                fixture.clock.instant(),
                ProgramFixture.eur("10.00")));

    fixture.clock.set(NOW);
    program.payouts().close(CLOSED, Acts.TEST);
    payouts = fixture.payoutsOf(CLOSED);
    program.payouts().markPaid(paidPayout().payoutId(), fixture.clock.instant(), Acts.TEST);
    fixture.record(fixture.order("o-h3", customerA, line(1, "shared-hosting", "20.00")));
  }

  private void pay(String order) {
    program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-" + order), OrderId.of(order), fixture.clock.instant()));
  }

  /**
   * Builds the world on a storage.
   *
   * @param storage empty storage
   * @return the world
   */
  public static HostileWorld on(ProgramStorage storage) {
    return new HostileWorld(storage);
  }

  /** The payout marked paid during set-up (partner A's). */
  public Payout paidPayout() {
    return payouts.stream().filter(p -> p.partnerId().equals(partnerA)).findFirst().orElseThrow();
  }

  /** A payout still open after set-up (partner B's). */
  public Optional<Payout> openPayout() {
    return payouts.stream().filter(p -> p.partnerId().equals(partnerB)).findFirst();
  }
}
