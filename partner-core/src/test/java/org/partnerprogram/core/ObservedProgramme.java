package org.partnerprogram.core;

import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccount;
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
import org.partnerprogram.core.port.out.UseCaseOutcome;
import org.partnerprogram.core.port.out.WorkProgress;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;

/**
 * An in-memory programme with an observer that records what it hears, a ticker that moves 5 ms on
 * every reading, and steps that give partners a payable balance in November 2026.
 */
final class ObservedProgramme {
  static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
  static final Instant DECEMBER_FIRST = Instant.parse("2026-12-01T08:00:00Z");
  static final long TICK = 5_000_000L;

  final MutableClock clock = MutableClock.at("2026-11-02T09:00:00Z");
  final InMemoryStorage storage = new InMemoryStorage();
  final Recorder recorder = new Recorder();
  final AtomicLong ticks = new AtomicLong();
  final PartnerProgram program;

  /** With the given observer, or the recorder if null. */
  ObservedProgramme(ProgramObserver observer) {
    program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .random(new SplittableRandom(7))
            .observer(observer == null ? recorder : observer)
            .name("hosting-nl")
            .ticker(() -> ticks.addAndGet(TICK))
            .build();
    program
        .rates()
        .change(
            RateChange.programmeWide(Acts.TEST)
                .setAll(Map.of(RateTarget.group("shared-hosting"), Rate.percent("25"))));
  }

  /** With the recorder as its observer. */
  ObservedProgramme() {
    this(null);
  }

  /** An observer that throws from everything, for the tests that it is ignored. */
  static ProgramObserver throwing() {
    return new ProgramObserver() {
      @Override
      public UseCaseScope started(String useCase) {
        return outcome -> {
          throw new IllegalStateException("observer broken at the end of " + useCase);
        };
      }

      @Override
      public void progressed(WorkProgress progress) {
        throw new IllegalStateException("observer broken in progress");
      }
    };
  }

  /**
   * Enrols partner {@code n} (account {@code cust-n}, holder {@code Holder n}) with a referred
   * customer whose paid order of 100.00 earns 25.00.
   */
  PartnerId partnerWithBalance(int n) {
    return partnerWithBalance(n, "NL91ABNA0417164300", "Holder " + n);
  }

  /** As {@link #partnerWithBalance(int)}, paid to the given account. */
  PartnerId partnerWithBalance(int n, String iban, String holder) {
    PartnerId id =
        program
            .partners()
            .enroll(
                EnrollPartnerCommand.of("cust-" + n)
                    .withPayoutAccount(PayoutAccount.of(iban, holder)))
            .partner()
            .id();
    String code = "code-" + n;
    program.referrals().issueVanityCode(id, code);
    program.referrals().recordTouch(RecordTouchCommand.of(code, "visitor-" + n));
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
                    org.partnerprogram.core.domain.CustomerAccountId.of("buyer-" + n),
                    clock.instant(),
                    List.of(line(1, "shared-hosting", "100.00")))));
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

  static ExportPayoutsCommand export(YearMonth month) {
    return new ExportPayoutsCommand(
        month,
        PainVersion.PAIN_001_001_03,
        SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
        LocalDate.parse("2026-12-02"),
        Acts.TEST);
  }

  /** Everything an observer heard, in order. */
  static final class Recorder implements ProgramObserver {
    final List<String> started = Collections.synchronizedList(new ArrayList<>());
    final List<UseCaseOutcome> outcomes = Collections.synchronizedList(new ArrayList<>());
    final List<WorkProgress> progress = Collections.synchronizedList(new ArrayList<>());

    @Override
    public UseCaseScope started(String useCase) {
      started.add(useCase);
      return outcomes::add;
    }

    @Override
    public void progressed(WorkProgress work) {
      progress.add(work);
    }

    UseCaseOutcome last() {
      return outcomes.get(outcomes.size() - 1);
    }
  }
}
