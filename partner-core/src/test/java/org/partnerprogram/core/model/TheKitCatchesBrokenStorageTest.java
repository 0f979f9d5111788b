package org.partnerprogram.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.Invariants;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.ProgrammeModel;
import org.partnerprogram.testkit.ProgrammeModel.Action;
import org.partnerprogram.testkit.ProgrammeModel.Adjust;
import org.partnerprogram.testkit.ProgrammeModel.Click;
import org.partnerprogram.testkit.ProgrammeModel.Close;
import org.partnerprogram.testkit.ProgrammeModel.Line;
import org.partnerprogram.testkit.ProgrammeModel.Pay;
import org.partnerprogram.testkit.ProgrammeModel.PlaceOrder;
import org.partnerprogram.testkit.ProgrammeModel.Redeliver;
import org.partnerprogram.testkit.ProgrammeModel.Refund;
import org.partnerprogram.testkit.ProgrammeModel.Signup;

/** Two deliberately broken adapters fail the model check, and a correct one passes it. */
class TheKitCatchesBrokenStorageTest {
  private static final ProgrammeModel.Settings SETTINGS =
      new ProgrammeModel.Settings(200, 30, ProgrammeModel.Settings.DEFAULT_SEED);

  /** A refund delivered twice: the second delivery must be recognised. */
  private static final List<Action> REFUND_TWICE =
      List.of(
          new Click(0, 0),
          new Signup(0, true),
          new PlaceOrder(0, List.of(new Line(0, 10_000))),
          new Refund(0, 0, 500),
          new Redeliver(1));

  /** Commission paid out in November, then more earned and paid out in December. */
  private static final List<Action> TWO_MONTHS =
      List.of(
          new Click(0, 0),
          new Signup(0, true),
          new PlaceOrder(0, List.of(new Line(0, 10_000))),
          new Pay(0),
          new Close(false),
          new PlaceOrder(0, List.of(new Line(0, 4_000))),
          new Pay(1),
          new Close(false));

  @Test
  void theFixedSequencesPassOnCorrectStorage() {
    ProgrammeModel.run(InMemoryStorage::new, REFUND_TWICE);
    ProgrammeModel.run(InMemoryStorage::new, TWO_MONTHS);
  }

  @Test
  void aStorageThatForgetsIdempotencyFailsTheModelCheck() {
    assertThatThrownBy(() -> ProgrammeModel.run(BrokenStorages::forgetsIdempotency, REFUND_TWICE))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after action 5 Redeliver(event 1)");
    assertThatThrownBy(() -> ProgrammeModel.check(BrokenStorages::forgetsIdempotency, SETTINGS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Model check failed on sequence")
        .hasMessageContaining("-Dpartner.modelcheck.seed=")
        .hasMessageContaining("Redeliver")
        .satisfies(e -> assertThat(shrunkLength(e)).isLessThanOrEqualTo(6));
  }

  @Test
  void aStorageThatPaysAnEntryTwiceFailsTheModelCheckAndTheInvariants() {
    assertThatThrownBy(() -> ProgrammeModel.run(BrokenStorages::paysEntriesTwice, TWO_MONTHS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after action 8 Close")
        .hasMessageContaining("close of 2026-12 paid (by partner) {0=EUR 35.00}")
        .hasMessageContaining("model expects {0=EUR 10.00}");
    assertThatThrownBy(() -> ProgrammeModel.check(BrokenStorages::paysEntriesTwice, SETTINGS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Model check failed on sequence")
        .hasMessageContaining("Close")
        .satisfies(e -> assertThat(shrunkLength(e)).isLessThanOrEqualTo(8));
  }

  @Test
  void aStorageThatBooksADebitAsACreditFailsTheModelCheck() {
    List<Action> debit = List.of(new Adjust(0, -500), new Close(false));
    ProgrammeModel.run(InMemoryStorage::new, debit);
    assertThatThrownBy(() -> ProgrammeModel.run(BrokenStorages::creditsDebits, debit))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after action 1 Adjust(partner 0, -5.00)")
        .hasMessageContaining("adjusted EUR 5.00");
    assertThatThrownBy(() -> ProgrammeModel.check(BrokenStorages::creditsDebits, SETTINGS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Model check failed on sequence")
        .hasMessageContaining("Adjust")
        .satisfies(e -> assertThat(shrunkLength(e)).isLessThanOrEqualTo(3));
  }

  @Test
  void aStorageThatForgetsReattributionsFailsTheModelCheck() {
    List<Action> moved =
        List.of(
            new ProgrammeModel.Enrol(),
            new ProgrammeModel.Reattribute(0, 1),
            new PlaceOrder(0, List.of(new Line(0, 10_000))));
    ProgrammeModel.run(InMemoryStorage::new, moved);
    assertThatThrownBy(() -> ProgrammeModel.run(BrokenStorages::forgetsReattributions, moved))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after action 3 Order")
        .hasMessageContaining("earns for partner 0, model expects 1");
    assertThatThrownBy(() -> ProgrammeModel.check(BrokenStorages::forgetsReattributions, SETTINGS))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Model check failed on sequence")
        .hasMessageContaining("Reattribute");
  }

  @Test
  void theStoragesOwnInvariantsAreCheckedAfterEveryActionAndShrunk() {
    // A storage whose own bookkeeping goes wrong once anything is paid out: the model agrees with
    // every port, only the storage's check can see it.
    Function<ProgramStorage, List<String>> paidMeansBroken =
        storage ->
            storage
                .transactions()
                .execute(
                    () ->
                        storage.payouts().payoutsOfPeriod(YearMonth.of(2026, 11)).isEmpty()
                            ? List.<String>of()
                            : List.of("totals of partner 0 differ from the ledger"));
    ProgrammeModel.run(InMemoryStorage::new, REFUND_TWICE, paidMeansBroken);
    assertThatThrownBy(() -> ProgrammeModel.run(InMemoryStorage::new, TWO_MONTHS, paidMeansBroken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("after action 5 Close")
        .hasMessageContaining("the storage disagrees with itself")
        .hasMessageContaining("totals of partner 0 differ from the ledger");
    assertThatThrownBy(() -> ProgrammeModel.check(InMemoryStorage::new, SETTINGS, paidMeansBroken))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Model check failed on sequence")
        .hasMessageContaining("totals of partner 0 differ from the ledger");
  }

  @Test
  void theInvariantCheckerAloneCatchesTheEntryPaidTwice() {
    var storage = BrokenStorages.paysEntriesTwice();
    // drive the broken storage with the fixture directly, then only ask the invariant checker
    var f = ProgramFixture.on(storage, b -> b);
    var customer = f.referredCustomer("c");
    f.record(f.order("o-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    pay(f, "o-1");
    close(f, YearMonth.of(2026, 11));
    f.record(f.order("o-2", customer, ProgramFixture.line(1, "shared-hosting", "40.00")));
    pay(f, "o-2");
    close(f, YearMonth.of(2026, 12));
    assertThatThrownBy(
            () ->
                Invariants.payoutsPayTheirEntries(
                    storage, List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("is paid by payouts");
    assertThatThrownBy(
            () ->
                Invariants.conservation(
                    storage,
                    Currency.getInstance("EUR"),
                    List.of(f.partner.id()),
                    f.clock.instant(),
                    List.of(YearMonth.of(2026, 11), YearMonth.of(2026, 12))))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining(
            "live payouts EUR 60.00 + unassigned entries EUR 0.00 != earned EUR 35.00");
  }

  private static void pay(ProgramFixture f, String order) {
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-" + order), OrderId.of(order), f.clock.instant()));
  }

  private static void close(ProgramFixture f, YearMonth month) {
    f.clock.set(
        month
            .plusMonths(1)
            .atDay(1)
            .atStartOfDay(ZoneId.of("Europe/Amsterdam"))
            .toInstant()
            .plusSeconds(3600));
    f.program.payouts().close(month, Acts.TEST);
  }

  private static int shrunkLength(Throwable e) {
    String message = e.getMessage();
    int at = message.indexOf("Shrunk to ");
    return Integer.parseInt(message.substring(at + 10, message.indexOf(' ', at + 10)));
  }
}
