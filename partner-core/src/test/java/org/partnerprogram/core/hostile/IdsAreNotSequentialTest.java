package org.partnerprogram.core.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;

/**
 * Codes, partner ids and payout ids are not enumerable: generated with the default randomness
 * (SecureRandom), in creation order they show no increment pattern, and referral links carry only
 * the code. The same check flags sequential and time-ordered ids (negative controls).
 */
class IdsAreNotSequentialTest {
  private static final int PARTNERS = 200;

  /** Problems an id sequence (in creation order) has that random ids almost never have. */
  static List<String> patterns(List<String> ids) {
    List<String> found = new ArrayList<>();
    if (new HashSet<>(ids).size() != ids.size()) {
      found.add("repeats");
    }
    int sharedPrefix = 0;
    int ascending = 0;
    int sameLength = 0;
    for (int i = 1; i < ids.size(); i++) {
      String a = ids.get(i - 1);
      String b = ids.get(i);
      int common = 0;
      while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) {
        common++;
      }
      if (a.length() == b.length()) {
        sameLength++;
        // Random ids from a 30+ letter alphabet share a long prefix next to each other almost
        // never.
        if (common >= a.length() - 4 && a.length() > 6) {
          sharedPrefix++;
        }
      }
      if (a.compareTo(b) < 0) {
        ascending++;
      }
    }
    int pairs = ids.size() - 1;
    if (sharedPrefix > pairs / 20) {
      found.add(sharedPrefix + " of " + pairs + " neighbours differ only in their last characters");
    }
    // Sequential or time-ordered ids sort in creation order; random ones do so about half the time.
    if (ascending > pairs * 0.7 || ascending < pairs * 0.3) {
      found.add(ascending + " of " + pairs + " neighbours are in sorted order");
    }
    if (sameLength < pairs) {
      found.add("lengths vary like a counter");
    }
    return found;
  }

  @Test
  void theCheckFlagsSequentialAndTimeOrderedIds() {
    List<String> counter = new ArrayList<>();
    List<String> timeOrdered = new ArrayList<>();
    List<String> shortCounter = new ArrayList<>();
    for (int i = 0; i < PARTNERS; i++) {
      counter.add(String.format("PO%024d", 1_000 + i));
      timeOrdered.add(
          Long.toString(1_764_000_000_000L + 7L * i * i, 36).toUpperCase(java.util.Locale.ROOT)
              + "X7Q2");
      shortCounter.add("p_" + (i + 1));
    }
    assertThat(patterns(counter)).isNotEmpty();
    assertThat(patterns(timeOrdered)).isNotEmpty();
    assertThat(patterns(shortCounter)).isNotEmpty();
  }

  @Test
  void generatedIdsAndCodesHaveNoIncrementPattern() {
    MutableClock clock = MutableClock.at(Instant.parse("2026-11-02T09:00:00Z"));
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage())
            .clock(clock)
            .build(); // the default randomness: SecureRandom
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(java.util.Map.of(RateTarget.group("shared-hosting"), Rate.percent("25"))));
    List<String> partnerIds = new ArrayList<>();
    List<String> enrolmentCodes = new ArrayList<>();
    List<String> issuedCodes = new ArrayList<>();
    for (int i = 0; i < PARTNERS; i++) {
      PartnerId id =
          program
              .partners()
              .enroll(
                  EnrollPartnerCommand.of("cust-" + i)
                      .withPayoutAccount(PayoutAccount.of("NL91ABNA0417164300", "Partner " + i)))
              .partner()
              .id();
      partnerIds.add(id.value());
      PartnerOverview overview = program.partners().overview(id).orElseThrow();
      overview.links().forEach(l -> enrolmentCodes.add(l.code().value()));
      String code = program.referrals().issueCode(id).code().value();
      issuedCodes.add(code);
      // One paid order per partner, so the close creates a payout per partner.
      String customer = "c-" + i;
      program.referrals().recordTouch(RecordTouchCommand.of(code, "v-" + i));
      program
          .referrals()
          .attributeSignup(
              AttributeSignupCommand.newCustomer(customer).visitor("v-" + i).at(clock.instant()));
      program
          .commissions()
          .recordOrder(
              new RecordOrderCommand(
                  EventId.of("order-" + i),
                  new Order(
                      OrderId.of("o-" + i),
                      CustomerAccountId.of(customer),
                      clock.instant(),
                      List.of(line(1, "shared-hosting", "100.00")))));
      program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(
                  EventId.of("pay-" + i), OrderId.of("o-" + i), clock.instant()));
    }
    clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    List<String> payoutIds =
        closeAndList(program, YearMonth.of(2026, 11)).stream()
            .sorted(java.util.Comparator.comparing(p -> partnerIds.indexOf(p.partnerId().value())))
            .map(p -> p.payoutId().value())
            .toList();

    assertThat(payoutIds).hasSize(PARTNERS);
    assertThat(patterns(partnerIds)).as("partner ids").isEmpty();
    assertThat(patterns(issuedCodes)).as("issued codes").isEmpty();
    assertThat(patterns(payoutIds)).as("payout ids").isEmpty();
    if (enrolmentCodes.size() >= PARTNERS) {
      assertThat(patterns(enrolmentCodes)).as("codes issued at enrolment").isEmpty();
    }

    // A referral link carries the code and nothing that counts: no partner id, no number.
    PartnerOverview first =
        program.partners().overview(PartnerId.of(partnerIds.get(0))).orElseThrow();
    for (PartnerOverview.ReferralLink link : first.links()) {
      assertThat(link.url().toString())
          .isEqualTo("https://example.nl/?ref=" + link.code().value())
          .doesNotContain(partnerIds.get(0));
    }
    assertThat(first.links()).isNotEmpty();
  }

  private static List<Payout> closeAndList(PartnerProgram program, YearMonth month) {
    program.payouts().close(month, Acts.TEST);
    List<Payout> payouts = new java.util.ArrayList<>();
    program.payouts().forEachPayout(month, payouts::add);
    return payouts;
  }
}
