package org.partnerprogram.examples.observability;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/** A month of an in-memory programme with the given observer: partners earn, then it closes. */
final class ObservedMonth {
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

  final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  final PartnerProgram program;

  ObservedMonth(ProgramObserver observer) {
    program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(new InMemoryStorage())
            .clock(clock)
            .observer(observer)
            .build();
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(Map.of(RateTarget.group("shared-hosting"), Rate.percent("25"))));
  }

  /** Partner {@code n} with a referred customer whose paid order of 100.00 earns 25.00. */
  PartnerId partnerWithBalance(int n) {
    PartnerId id =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-" + n)
                    .withPayoutAccount("NL91ABNA0417164300", "Holder " + n))
            .partner()
            .id();
    program.referrals().issueVanityCode(id, "code-" + n);
    program.referrals().recordTouch(RecordTouchCommand.of("code-" + n, "visitor-" + n));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer("buyer-" + n)
                .visitor("visitor-" + n)
                .at(clock.instant()));
    program
        .commissions()
        .recordOrder(
            RecordOrderCommand.of(
                "order-" + n,
                new Order(
                    OrderId.of("o-" + n),
                    CustomerAccountId.of("buyer-" + n),
                    clock.instant(),
                    List.of(ProgramFixture.line(1, "shared-hosting", "100.00")))));
    pay(n);
    return id;
  }

  void pay(int n) {
    program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-" + n), OrderId.of("o-" + n), clock.instant()));
  }

  /** Moves to December and closes November. */
  void closeNovember() {
    clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    program.payouts().close(NOVEMBER, Acts.TEST);
  }

  void exportNovember() {
    program
        .payouts()
        .export(
            new ExportPayoutsCommand(
                NOVEMBER,
                PainVersion.PAIN_001_001_03,
                SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
                LocalDate.parse("2026-12-02"),
                Acts.TEST));
  }
}
