package org.partnerprogram.testkit;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * A partner with a history to erase, for the erasure contract and for an adapter's own scan of
 * everything it stores: two payout accounts (so a history), a vanity code, a click on it, a
 * customer attributed by the click and one who typed the code, a paid order, a closed month whose
 * payout was paid, then the partner left; the clock is then set past the bookkeeping retention of
 * that payout, so the partner can be erased. Events carry account ids ({@code
 * publishCustomerAccountIds()}), so the outbox holds the partner's account id too.
 *
 * <p>The texts are chosen so that they cannot occur by accident in anything else the programme
 * stores, so a scan for them as substrings has no false positives.
 */
public final class PartnerErasureScenario {
  /** The partner's host customer account. */
  public static final CustomerAccountId ACCOUNT = CustomerAccountId.of("Pk3ErasedPartnerZr8");

  /** The first payout account's IBAN. */
  public static final String FIRST_IBAN = "BE68539007547034";

  /** The first account's holder. */
  public static final String FIRST_HOLDER = "Hq5Erased Firstholder";

  /** The current payout account's IBAN, the one the payout went to. */
  public static final String IBAN = "DE89370400440532013000";

  /** The current account's holder. */
  public static final String HOLDER = "Hq5Erased Holder";

  /** The partner's vanity code, as chosen. */
  public static final String VANITY = "erase-me-xv7";

  /** The month closed and paid out. */
  public static final YearMonth CLOSED_MONTH = YearMonth.of(2026, 11);

  /** When the payout was marked paid: the partner's latest bookkeeping record. */
  public static final Instant PAID_AT = Instant.parse("2026-12-03T10:00:00Z");

  /** The end of the bookkeeping retention (7 years) of {@link #PAID_AT}. */
  public static final Instant RETAINED_UNTIL =
      PAID_AT.atZone(ZoneId.of("Europe/Amsterdam")).plusYears(7).toInstant();

  /** The programme. */
  public final ProgramFixture fixture;

  /** The partner to erase. */
  public final PartnerId partner;

  private PartnerErasureScenario(ProgramStorage storage) {
    fixture = ProgramFixture.on(storage, t -> t, PartnerProgram.Builder::publishCustomerAccountIds);
    PartnerProgram program = fixture.program;
    partner =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of(ACCOUNT.value())
                    .withPayoutAccount(FIRST_IBAN, FIRST_HOLDER))
            .partner()
            .id();
    program.partners().updatePayoutAccount(partner, PayoutAccount.of(IBAN, HOLDER));
    program.referrals().issueVanityCode(partner, VANITY);
    program.referrals().recordTouch(RecordTouchCommand.of(VANITY, "v-erased-partner-1"));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("c-erased-partner-1")
                .visitor("v-erased-partner-1")
                .at(fixture.clock.instant()));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("c-erased-partner-2")
                .typedCode(VANITY.toUpperCase(java.util.Locale.ROOT))
                .at(fixture.clock.instant()));
    fixture.record(
        fixture.order(
            "order-p1",
            CustomerAccountId.of("c-erased-partner-1"),
            ProgramFixture.line(1, "shared-hosting", "100.00")));
    program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-p1", "order-p1", fixture.clock.instant()));
    fixture.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    program.payouts().close(CLOSED_MONTH, Acts.TEST);
    fixture.clock.set(PAID_AT);
    fixture.payoutsOf(CLOSED_MONTH).stream()
        .filter(p -> p.partnerId().equals(partner))
        .forEach(p -> program.payouts().markPaid(p.payoutId(), PAID_AT, Acts.TEST));
    program.partners().leave(partner);
    fixture.clock.set(RETAINED_UNTIL);
  }

  /**
   * Builds the scenario on fresh, empty storage; the clock stands at {@link #RETAINED_UNTIL}.
   *
   * @param storage the storage; fresh and empty
   * @return the scenario
   */
  public static PartnerErasureScenario on(ProgramStorage storage) {
    return new PartnerErasureScenario(storage);
  }

  /**
   * Erases the partner.
   *
   * @return the erasure
   */
  public PartnerErasure erase() {
    return fixture.program.privacy().erasePartner(partner);
  }

  /**
   * The texts that must not appear anywhere after the erasure: the account id, both IBANs (in full
   * and their last digits as a masked IBAN shows them), both holder names and the vanity code (as
   * stored, in upper case).
   *
   * @return the texts
   */
  public static List<String> erasedTexts() {
    return List.of(
        ACCOUNT.value(),
        FIRST_IBAN,
        IBAN,
        "*7034",
        "*3000",
        FIRST_HOLDER,
        HOLDER,
        VANITY.toUpperCase(java.util.Locale.ROOT));
  }

  /**
   * A visitor id of a click made with the vanity code before the erasure.
   *
   * @return the id
   */
  public static VisitorId visitor() {
    return VisitorId.of("v-erased-partner-1");
  }
}
