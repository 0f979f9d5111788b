package org.partnerprogram.core;

import static org.partnerprogram.testkit.ProgramFixture.line;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.SplittableRandom;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The worlds the service tests of this package start from, and the helpers they share, kept in one
 * place so that the test classes hold only their tests.
 *
 * <p>A test class extends {@link EmptyProgramme} (no partner yet, its own clock, storage and seeded
 * random) or {@link EnrolledPartner} (the kit's {@link ProgramFixture}: one enrolled partner with a
 * referral code). JUnit makes a new instance for every test, so each test gets a fresh world.
 */
final class ServiceTestWorld {
  private ServiceTestWorld() {}

  /** The pseudonym key of every programme here. */
  static final PseudonymKey KEY = PseudonymKey.of(new byte[32]);

  /**
   * A programme on the given storage and clock with the example link template, drawing random codes
   * from the given seed.
   */
  static PartnerProgram programOn(InMemoryStorage storage, Clock clock, long seed) {
    return PartnerProgram.builder()
        .pseudonymKey(KEY)
        .terms(
            ProgramTerms.builder()
                .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                .build())
        .storage(storage)
        .clock(clock)
        .random(new SplittableRandom(seed))
        .build();
  }

  /** A programme with no partner yet, in memory, at 2026-11-01T09:00Z, with random seed 42. */
  abstract static class EmptyProgramme {
    final MutableClock clock = MutableClock.at("2026-11-01T09:00:00Z");
    final InMemoryStorage storage = new InMemoryStorage();
    final PartnerProgram program = programOn(storage, clock, 42);

    Partner enrol(String account) {
      return program.partners().enroll(EnrollPartnerCommand.of(account)).partner();
    }

    PartnerOverview overview(PartnerId id) {
      return program.partners().overview(id).orElseThrow();
    }

    <E extends ProgramEvent> List<E> events(Class<E> type) {
      return storage.publishedEvents().stream().filter(type::isInstance).map(type::cast).toList();
    }
  }

  /** The kit's in-memory programme with its one enrolled partner, and the usual steps on it. */
  abstract static class EnrolledPartner {
    final ProgramFixture f = ProgramFixture.inMemory();

    /** The enrolled partner's balance. */
    Balance balance() {
      return overview().balance();
    }

    /** The enrolled partner's overview. */
    PartnerOverview overview() {
      return f.program.partners().overview(f.partner.id()).orElseThrow();
    }

    /** The ledger entries of one order. */
    List<LedgerEntry> entries(String orderId) {
      return f.storage
          .transactions()
          .execute(() -> f.storage.ledger().entriesOfOrder(OrderId.of(orderId)));
    }

    /** Records the payment of an order now. */
    PaymentResult pay(String eventId, String orderId) {
      return f.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(
                  EventId.of(eventId), OrderId.of(orderId), f.clock.instant()));
    }

    /** A referred customer's paid one-line order (commission 25 % of net). */
    void paidOrder(String id, String net) {
      paidOrder(f, id, net);
    }

    PeriodCloseResult close(YearMonth month) {
      return close(f, month);
    }

    /** A new referred customer {@code c-<id>}'s paid one-line order on the given fixture. */
    static void paidOrder(ProgramFixture fx, String id, String net) {
      paidOrderOf(fx, id, fx.referredCustomer("c-" + id), net);
    }

    /** The given customer's one-line order {@code id}, paid now with event {@code pay-<id>}. */
    static void paidOrderOf(ProgramFixture fx, String id, CustomerAccountId customer, String net) {
      fx.record(fx.order(id, customer, line(1, "shared-hosting", net)));
      fx.program
          .commissions()
          .recordPayment(
              new RecordPaymentCommand(
                  EventId.of("pay-" + id), OrderId.of(id), fx.clock.instant()));
    }

    static PeriodCloseResult close(ProgramFixture fx, YearMonth month) {
      return fx.program.payouts().close(month, Acts.TEST);
    }
  }
}
