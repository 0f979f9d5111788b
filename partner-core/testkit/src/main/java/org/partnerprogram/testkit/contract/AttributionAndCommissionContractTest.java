package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.CustomerIsPartnerException;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ProcessedEvent;
import org.partnerprogram.core.domain.ProductGroupId;
import org.partnerprogram.core.domain.ProductId;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RecordedOrder;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.testkit.CustomerErasureScenario;
import org.partnerprogram.testkit.LedgerEntries;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of the attribution and commission ports ({@link
 * org.partnerprogram.core.port.out.TouchStore}, {@link
 * org.partnerprogram.core.port.out.AttributionStore}, {@link
 * org.partnerprogram.core.port.out.OrderStore}, {@link
 * org.partnerprogram.core.port.out.LedgerStore} and {@link
 * org.partnerprogram.core.port.out.ProcessedEventStore}) that every {@link ProgramStorage} must
 * pass, beside {@link ProgramStorageContractTest}. A storage adapter proves itself with a subclass
 * that hands out fresh, empty storage.
 *
 * <p>Longer than 500 lines on purpose: one port's contract is one class an integrator extends once,
 * and its length is the number of cases it checks.
 *
 * @param <S> the storage type under test
 */
public abstract class AttributionAndCommissionContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  /** An instant with microseconds, the precision every adapter keeps. */
  protected static final Instant T0 = Instant.parse("2026-03-15T10:15:30.123456Z");

  /** Ledger entries that occurred at {@link #T0}: each test names the parts it cares about. */
  private static final LedgerEntries ENTRIES = LedgerEntries.occurredAt(T0);

  private static final Currency EUR = Currency.getInstance("EUR");
  private static final PartnerId P1 = PartnerId.of("p-1");
  private static final PartnerId P2 = PartnerId.of("p-2");

  // ---------------------------------------------------------------- helpers and fixtures

  private static Money eur(String amount) {
    return Money.of(amount, "EUR");
  }

  private static Touch touch(String code, PartnerId partner, String visitor, Instant at) {
    return new Touch(
        ReferralCode.parse(code), partner, VisitorId.of(visitor), at, Optional.empty());
  }

  private static AttributionRecord attributed(String customer, PartnerId partner, Instant at) {
    return new AttributionRecord(
        CustomerAccountId.of(customer),
        new AttributionDecision.Attributed(
            partner, ReferralCode.parse("JAN-1"), at, AttributionDecision.Rule.LAST_TOUCH),
        Optional.of(partner),
        Optional.of(VisitorId.of("v-" + customer)),
        Optional.empty(),
        true,
        false,
        at.plusSeconds(60),
        at.plusSeconds(61));
  }

  private static AttributionRecord refused(
      String customer, Optional<PartnerId> candidate, AttributionDecision.Reason reason) {
    return new AttributionRecord(
        CustomerAccountId.of(customer),
        new AttributionDecision.NotAttributed(reason),
        candidate,
        Optional.empty(),
        Optional.empty(),
        false,
        false,
        T0,
        T0);
  }

  private static OrderLine line(int number, String product, String net) {
    return OrderLine.of(number, product, eur(net));
  }

  private static RecordedOrder earning(String orderId, String customer, OrderLine... lines) {
    return new RecordedOrder(
        new Order(OrderId.of(orderId), CustomerAccountId.of(customer), T0, List.of(lines)),
        Optional.of(P1),
        Optional.empty(),
        EventId.of("order-" + orderId),
        T0.plusMillis(1));
  }

  private static CommissionLine priced(
      String orderId, int line, String net, String commission, Optional<Rate> rate) {
    return new CommissionLine(
        OrderId.of(orderId),
        line,
        P1,
        ProductId.of("hosting"),
        eur(net),
        rate,
        rate.map(r -> new CommissionLine.RateVersionRef(Optional.empty(), 1)),
        eur(commission),
        T0,
        EventId.of("order-" + orderId));
  }

  private static ProcessedEvent processed(String id, String fingerprint) {
    return new ProcessedEvent(EventId.of(id), "payment", fingerprint, T0);
  }

  // ---------------------------------------------------------------- TouchStore

  @Test
  void noTouchesForAnUnknownVisitorOrPartner() {
    assertThat(tx(() -> storage.touches().findByVisitor(VisitorId.of("nobody"), T0, T0))).isEmpty();
    assertThat(tx(() -> storage.touches().countByPartner(P1))).isZero();
  }

  @Test
  void touchesOfAVisitorInARangeComeBackByTimeThenCodeWithBoundsInclusive() {
    Touch withPath =
        new Touch(
            ReferralCode.parse("zed-1"),
            P2,
            VisitorId.of("v-1"),
            T0.plusSeconds(10),
            Optional.of(LandingPath.of("/hosting/vps-" + "x".repeat(180))));
    List<Touch> touches =
        List.of(
            touch("beta-1", P1, "v-1", T0.plusSeconds(20)),
            withPath,
            touch("alpha-1", P1, "v-1", T0.plusSeconds(10)),
            touch("alpha-1", P1, "v-1", T0), // the lower bound
            touch("alpha-1", P1, "v-1", T0.minus(1, ChronoUnit.MICROS)), // just outside
            touch("alpha-1", P1, "v-1", T0.plusSeconds(30).plus(1, ChronoUnit.MICROS)),
            touch("alpha-1", P1, "v-2", T0.plusSeconds(10)), // another visitor
            touch("alpha-1", P1, "v-1", T0.plusSeconds(30))); // the upper bound
    tx(
        () -> {
          touches.forEach(storage.touches()::insert);
          return null;
        });

    List<Touch> found =
        tx(() -> storage.touches().findByVisitor(VisitorId.of("v-1"), T0, T0.plusSeconds(30)));

    assertThat(found)
        .containsExactly(touches.get(3), touches.get(2), withPath, touches.get(0), touches.get(7));
    assertThat(tx(() -> storage.touches().countByPartner(P1))).isEqualTo(7);
    assertThat(tx(() -> storage.touches().countByPartner(P2))).isEqualTo(1);
  }

  @Test
  void equalTouchesAreBothStored() {
    Touch t = touch("jan-1", P1, "v-1", T0);
    tx(
        () -> {
          storage.touches().insert(t);
          storage.touches().insert(t);
          return null;
        });
    assertThat(tx(() -> storage.touches().findByVisitor(VisitorId.of("v-1"), T0, T0)))
        .containsExactly(t, t);
  }

  @Test
  void touchesAtTheEdgesOfTheStorableRangeAreFoundWithWideBounds() {
    Touch first = touch("jan-1", P1, "v-1", Instant.EPOCH);
    Touch last = touch("jan-1", P1, "v-1", Instant.parse("2999-12-31T23:59:59.999999Z"));
    tx(
        () -> {
          storage.touches().insert(last);
          storage.touches().insert(first);
          return null;
        });
    assertThat(
            tx(
                () ->
                    storage.touches().findByVisitor(VisitorId.of("v-1"), Instant.MIN, Instant.MAX)))
        .containsExactly(first, last);
  }

  /** Stores the touches in one unit of work. */
  private void store(Touch... touches) {
    tx(
        () -> {
          for (Touch t : touches) {
            storage.touches().insert(t);
          }
          return null;
        });
  }

  private List<Touch> allTouchesOf(String visitor) {
    return tx(
        () -> storage.touches().findByVisitor(VisitorId.of(visitor), Instant.MIN, Instant.MAX));
  }

  /** One batch of the purge, in its own unit of work. */
  private PurgedTouches purge(Instant fromInclusive, Instant cutoff, int limit) {
    return tx(() -> storage.touches().deleteTouchedBetween(fromInclusive, cutoff, limit));
  }

  @Test
  void deletingBeforeACutoffKeepsATouchExactlyAtIt() {
    Touch before = touch("jan-1", P1, "v-1", T0.minus(1, ChronoUnit.MICROS));
    Touch at = touch("jan-1", P1, "v-1", T0);
    Touch after = touch("jan-1", P1, "v-1", T0.plus(1, ChronoUnit.MICROS));
    store(after, at, before);

    assertThat(purge(Instants.MIN, T0, 100)).isEqualTo(PurgedTouches.of(1, before.at()));

    assertThat(allTouchesOf("v-1")).containsExactly(at, after);
  }

  @Test
  void deletingHonoursTheLimitOldestFirstAndThenFindsNothingMore() {
    List<Touch> expired = new ArrayList<>();
    for (int i = 5; i >= 1; i--) {
      expired.add(touch("jan-1", P1, "v-" + i, T0.minusSeconds(i)));
    }
    Touch kept = touch("jan-1", P1, "v-0", T0);
    store(expired.toArray(Touch[]::new));
    store(kept, expired.get(0)); // an equal touch stored twice: both go, one at a time

    List<PurgedTouches> batches = new ArrayList<>();
    for (int round = 0; round < 5; round++) {
      batches.add(purge(Instants.MIN, T0, 2));
    }

    assertThat(batches)
        .containsExactly(
            PurgedTouches.of(2, T0.minusSeconds(5)),
            PurgedTouches.of(2, T0.minusSeconds(3)),
            PurgedTouches.of(2, T0.minusSeconds(1)),
            PurgedTouches.NONE,
            PurgedTouches.NONE);
    assertThat(tx(() -> storage.touches().countByPartner(P1))).isEqualTo(1);
    assertThat(allTouchesOf("v-0")).containsExactly(kept);
  }

  @Test
  void theFirstBatchTakesTheOldestTouches() {
    Touch oldest = touch("jan-1", P1, "v-1", T0.minusSeconds(30));
    Touch older = touch("jan-1", P2, "v-2", T0.minusSeconds(20));
    Touch old = touch("jan-1", P1, "v-1", T0.minusSeconds(10));
    store(old, oldest, older);

    assertThat(purge(Instants.MIN, T0, 2)).isEqualTo(PurgedTouches.of(2, older.at()));

    assertThat(allTouchesOf("v-1")).containsExactly(old);
    assertThat(allTouchesOf("v-2")).isEmpty();
  }

  @Test
  void theLowerBoundIsInclusiveAndKeepsEverythingBeforeIt() {
    Instant from = T0.minusSeconds(20);
    Touch earlier = touch("jan-1", P1, "v-1", from.minus(1, ChronoUnit.MICROS));
    Touch atFrom = touch("jan-1", P1, "v-2", from);
    Touch atFromAgain = touch("beta-1", P2, "v-3", from);
    Touch later = touch("jan-1", P1, "v-4", T0.minusSeconds(10));
    store(later, atFrom, earlier, atFromAgain);

    assertThat(purge(from, T0, 10)).isEqualTo(PurgedTouches.of(3, later.at()));

    assertThat(allTouchesOf("v-1")).containsExactly(earlier);
    assertThat(allTouchesOf("v-2")).isEmpty();
    assertThat(allTouchesOf("v-3")).isEmpty();
    assertThat(allTouchesOf("v-4")).isEmpty();
    // between two microseconds, the bound keeps the touch at the microsecond before it
    Instant justAfter = earlier.at().plusNanos(1);
    assertThat(purge(justAfter, T0, 10)).isEqualTo(PurgedTouches.NONE);
    assertThat(allTouchesOf("v-1")).containsExactly(earlier);
    // a range that is empty, or reversed, deletes nothing
    assertThat(purge(T0, T0, 10)).isEqualTo(PurgedTouches.NONE);
    assertThat(purge(T0, earlier.at(), 10)).isEqualTo(PurgedTouches.NONE);
    assertThat(allTouchesOf("v-1")).containsExactly(earlier);
  }

  /**
   * The purge's keyset: each batch starts at the latest instant the one before it deleted. Touches
   * at one instant that a batch's limit splits are all found by the next batch, however many share
   * the instant, and none before it is taken again or lost.
   */
  @Test
  void batchesFromTheLatestInstantDeletedLoseNoTouchAtAnInstantSplitByTheLimit() {
    Instant shared = T0.minusSeconds(5);
    List<Touch> all = new ArrayList<>();
    all.add(touch("jan-1", P1, "v-a", T0.minusSeconds(9)));
    all.add(touch("jan-1", P1, "v-b", T0.minusSeconds(7)));
    for (int i = 0; i < 5; i++) {
      all.add(touch(i % 2 == 0 ? "jan-1" : "beta-1", i % 2 == 0 ? P1 : P2, "v-s" + i, shared));
    }
    all.add(touch("jan-1", P1, "v-s0", shared)); // an equal touch stored twice
    all.add(touch("jan-1", P1, "v-c", T0.minus(1, ChronoUnit.MICROS)));
    Touch kept = touch("jan-1", P1, "v-k", T0);
    List<Touch> shuffled = new ArrayList<>(all);
    Collections.reverse(shuffled);
    shuffled.add(2, kept);
    store(shuffled.toArray(Touch[]::new));

    List<PurgedTouches> batches = new ArrayList<>();
    Instant from = Instants.MIN;
    PurgedTouches batch;
    do {
      batch = purge(from, T0, 3);
      batches.add(batch);
      from = batch.latest().orElse(from);
    } while (batch.deleted() == 3);

    assertThat(batches)
        .containsExactly(
            PurgedTouches.of(3, shared), // the two before it and one of the six at it
            PurgedTouches.of(3, shared), // three more at it
            PurgedTouches.of(3, T0.minus(1, ChronoUnit.MICROS)), // the last two at it, and after
            PurgedTouches.NONE);
    assertThat(batches.stream().mapToInt(PurgedTouches::deleted).sum()).isEqualTo(all.size());
    assertThat(tx(() -> storage.touches().countByPartner(P1))).isEqualTo(1);
    assertThat(tx(() -> storage.touches().countByPartner(P2))).isZero();
    assertThat(allTouchesOf("v-k")).containsExactly(kept);
    assertThat(purge(Instants.MIN, T0, 3)).isEqualTo(PurgedTouches.NONE);
  }

  @Test
  void deletingLeavesOtherTouchesOfEveryVisitorAndPartnerAlone() {
    Touch expired = touch("jan-1", P1, "v-1", T0.minusSeconds(60));
    Touch young = touch("jan-1", P1, "v-1", T0.plusSeconds(60));
    Touch otherPartner = touch("beta-1", P2, "v-2", T0.plusSeconds(1));
    Touch otherVisitor = touch("jan-1", P1, "v-3", T0);
    store(expired, young, otherPartner, otherVisitor);

    assertThat(purge(Instants.MIN, T0, 10)).isEqualTo(PurgedTouches.of(1, expired.at()));
    assertThat(purge(Instants.MIN, T0, 10)).isEqualTo(PurgedTouches.NONE);
    assertThat(purge(Instants.MIN, Instant.EPOCH, 10)).isEqualTo(PurgedTouches.NONE);
    assertThat(purge(Instant.MIN, Instant.MAX, 10).deleted()).isEqualTo(3);

    assertThat(allTouchesOf("v-1")).isEmpty();
    assertThat(tx(() -> storage.touches().countByPartner(P1))).isZero();
    assertThat(tx(() -> storage.touches().countByPartner(P2))).isZero();
  }

  @Test
  void aLimitBelowOneIsRefused() {
    store(touch("jan-1", P1, "v-1", T0.minusSeconds(60)));

    assertThatThrownBy(() -> purge(Instants.MIN, T0, 0))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(allTouchesOf("v-1")).hasSize(1);
  }

  @Test
  void aFailedUnitOfWorkKeepsTheTouchesItDeleted() {
    Touch expired = touch("jan-1", P1, "v-1", T0.minusSeconds(60));
    store(expired);

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      storage.touches().deleteTouchedBetween(Instants.MIN, T0, 10);
                      throw new IllegalStateException("the host's work failed");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(allTouchesOf("v-1")).containsExactly(expired);
  }

  // ---------------------------------------------------------------- AttributionStore

  @Test
  void noDecisionForAnUnknownCustomerAndZeroCounts() {
    assertThat(tx(() -> storage.attributions().findByCustomer(CustomerAccountId.of("none"))))
        .isEmpty();
    AttributionCounts counts = tx(() -> storage.attributions().countsByPartner(P1));
    assertThat(counts.clicks()).isZero();
    assertThat(counts.signupsAttributed()).isZero();
    assertThat(counts.signupsRefused()).isEmpty();
  }

  @Test
  void everyRuleOfAnAttributionRoundTripsWithItsInputs() {
    List<AttributionRecord> records = new ArrayList<>();
    for (AttributionDecision.Rule rule : AttributionDecision.Rule.values()) {
      records.add(
          new AttributionRecord(
              CustomerAccountId.of("cust-" + rule),
              new AttributionDecision.Attributed(
                  P1, ReferralCode.parse("A".repeat(ReferralCode.MAX_LENGTH)), T0, rule),
              Optional.of(P1),
              Optional.of(VisitorId.of("v".repeat(VisitorId.MAX_LENGTH))),
              Optional.of(ReferralCode.parse("typed-1")),
              rule != AttributionDecision.Rule.FIRST_TOUCH,
              rule == AttributionDecision.Rule.TYPED_CODE,
              T0.plusSeconds(1),
              Instant.parse("2999-12-31T23:59:59.999999Z")));
    }
    for (AttributionRecord r : records) {
      assertThat(tx(() -> storage.attributions().insert(r))).isTrue();
    }
    for (AttributionRecord r : records) {
      assertThat(tx(() -> storage.attributions().findByCustomer(r.customer()))).contains(r);
    }
  }

  @Test
  void everyReasonOfARefusalRoundTripsWithAndWithoutACandidate() {
    List<AttributionRecord> records = new ArrayList<>();
    for (AttributionDecision.Reason reason : AttributionDecision.Reason.values()) {
      records.add(refused("none-" + reason, Optional.empty(), reason));
      records.add(refused("p1-" + reason, Optional.of(P1), reason));
    }
    for (AttributionRecord r : records) {
      assertThat(tx(() -> storage.attributions().insert(r))).isTrue();
    }
    for (AttributionRecord r : records) {
      assertThat(tx(() -> storage.attributions().findByCustomer(r.customer()))).contains(r);
    }
  }

  @Test
  void aSecondDecisionForACustomerIsRefusedWritesNothingAndLeavesTheUnitUsable() {
    AttributionRecord first = attributed("cust-1", P1, T0);
    assertThat(tx(() -> storage.attributions().insert(first))).isTrue();

    boolean[] results =
        tx(
            () ->
                new boolean[] {
                  storage
                      .attributions()
                      .insert(
                          refused("cust-1", Optional.of(P2), AttributionDecision.Reason.NO_TOUCH)),
                  storage.attributions().insert(attributed("cust-2", P2, T0))
                });

    assertThat(results).containsExactly(false, true);
    assertThat(tx(() -> storage.attributions().findByCustomer(first.customer()))).contains(first);
    assertThat(tx(() -> storage.attributions().findByCustomer(CustomerAccountId.of("cust-2"))))
        .isPresent();
  }

  @Test
  void referralCountsAreTheClicksWithTheDecisionsOfThePartnerAlone() {
    PartnerId quiet = PartnerId.of("p-quiet");
    PartnerId decidedOnly = PartnerId.of("p-decided");
    tx(
        () -> {
          storage.touches().insert(touch("alpha-1", P1, "v-1", T0));
          storage.touches().insert(touch("alpha-1", P1, "v-2", T0.plusSeconds(1)));
          storage.touches().insert(touch("alpha-2", P1, "v-3", T0.plusSeconds(2)));
          storage.touches().insert(touch("beta-1", P2, "v-4", T0));
          storage.attributions().insert(attributed("a-1", P1, T0));
          storage.attributions().insert(attributed("a-2", P2, T0));
          storage.attributions().insert(attributed("a-3", decidedOnly, T0));
          storage
              .attributions()
              .insert(refused("r-1", Optional.of(P1), AttributionDecision.Reason.CODE_REVOKED));
          storage
              .attributions()
              .insert(
                  refused(
                      "r-2", Optional.of(decidedOnly), AttributionDecision.Reason.SELF_REFERRAL));
          return null;
        });

    for (PartnerId partner : List.of(P1, P2, quiet, decidedOnly)) {
      AttributionCounts decided = tx(() -> storage.attributions().countsByPartner(partner));
      long clicks = tx(() -> storage.touches().countByPartner(partner));
      assertThat(tx(() -> storage.referralCounts(partner)))
          .as("%s: the two stores' answers together", partner)
          .isEqualTo(
              new AttributionCounts(clicks, decided.signupsAttributed(), decided.signupsRefused()));
    }
    assertThat(tx(() -> storage.referralCounts(P1)))
        .isEqualTo(
            new AttributionCounts(3, 1, Map.of(AttributionDecision.Reason.CODE_REVOKED, 1L)));
    assertThat(tx(() -> storage.referralCounts(P2)))
        .isEqualTo(new AttributionCounts(1, 1, Map.of()));
    assertThat(tx(() -> storage.referralCounts(quiet))).isEqualTo(AttributionCounts.none());
    assertThat(tx(() -> storage.referralCounts(decidedOnly)))
        .isEqualTo(
            new AttributionCounts(0, 1, Map.of(AttributionDecision.Reason.SELF_REFERRAL, 1L)));
  }

  @Test
  void countsPerPartnerAddUpAttributedAndRefusedByReason() {
    tx(
        () -> {
          storage.attributions().insert(attributed("a-1", P1, T0));
          storage.attributions().insert(attributed("a-2", P1, T0));
          storage.attributions().insert(attributed("a-3", P2, T0));
          storage
              .attributions()
              .insert(refused("r-1", Optional.of(P1), AttributionDecision.Reason.SELF_REFERRAL));
          storage
              .attributions()
              .insert(refused("r-2", Optional.of(P1), AttributionDecision.Reason.SELF_REFERRAL));
          storage
              .attributions()
              .insert(refused("r-3", Optional.of(P1), AttributionDecision.Reason.OUTSIDE_WINDOW));
          storage
              .attributions()
              .insert(refused("r-4", Optional.of(P2), AttributionDecision.Reason.CODE_REVOKED));
          storage
              .attributions()
              .insert(refused("r-5", Optional.empty(), AttributionDecision.Reason.NO_TOUCH));
          return null;
        });

    AttributionCounts counts = tx(() -> storage.attributions().countsByPartner(P1));

    assertThat(counts.clicks()).isZero();
    assertThat(counts.signupsAttributed()).isEqualTo(2);
    assertThat(counts.signupsRefused())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                AttributionDecision.Reason.SELF_REFERRAL, 2L,
                AttributionDecision.Reason.OUTSIDE_WINDOW, 1L));
  }

  @Test
  void concurrentDecisionsForOneCustomerStoreExactlyOne() throws Exception {
    for (int round = 0; round < 5; round++) {
      String customer = "cust-race-" + round;
      List<AttributionRecord> candidates = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        candidates.add(attributed(customer, PartnerId.of("p-" + i), T0.plusSeconds(i)));
      }
      List<Boolean> results = race(8, i -> () -> storage.attributions().insert(candidates.get(i)));

      assertThat(results).containsOnlyOnce(true);
      AttributionRecord winner = candidates.get(results.indexOf(true));
      assertThat(tx(() -> storage.attributions().findByCustomer(CustomerAccountId.of(customer))))
          .contains(winner);
    }
  }

  // ---------------------------------------------------------------- OrderStore

  @Test
  void anUnknownOrderIsAbsentEverywhere() {
    OrderId unknown = OrderId.of("none");
    assertThat(tx(() -> storage.orders().find(unknown))).isEmpty();
    assertThat(tx(() -> storage.orders().countByCustomer(CustomerAccountId.of("none")))).isZero();
    assertThat(tx(() -> storage.orders().paidAt(unknown))).isEmpty();
    assertThat(tx(() -> storage.orders().markPaid(unknown, T0))).isFalse();
    assertThat(tx(() -> storage.orders().refundedByLine(unknown))).isEmpty();
  }

  @Test
  void anOrderRoundTripsWithItsLinesInLineNumberOrder() {
    String description = "Zoë’s \uD83D\uDE00 hosting " + "é".repeat(200 - 16);
    assertThat(description.codePointCount(0, description.length()))
        .isEqualTo(OrderLine.MAX_DESCRIPTION_LENGTH);
    RecordedOrder order =
        earning(
            "order-1",
            "cust-1",
            // In line-number order: the in-memory adapter returns lines as given (see README).
            line(1, "domain", "0.00"),
            line(2, "hosting", "19.99"),
            new OrderLine(
                3,
                ProductId.of("vps-l"),
                Optional.of(ProductGroupId.of("vps")),
                // the order's total is the largest amount: the 15-digit line and 19.99
                eur("999999999999979.01"),
                Optional.of(description)));
    assertThat(tx(() -> storage.orders().insert(order))).isTrue();

    RecordedOrder read = tx(() -> storage.orders().find(OrderId.of("order-1"))).orElseThrow();

    assertThat(read.order().lines()).extracting(OrderLine::lineNumber).containsExactly(1, 2, 3);
    assertThat(read).isEqualTo(order);
    assertThat(read.order().lines().get(2)).isEqualTo(order.order().line(3));
    assertThat(read.order().lines().get(2).net().amount())
        .isEqualByComparingTo(new BigDecimal("999999999999979.01"));
    assertThat(read.partnerId()).contains(P1);
    assertThat(read.notEarning()).isEmpty();
    assertThat(read.sourceEvent()).isEqualTo(order.sourceEvent());
    assertThat(read.recordedAt()).isEqualTo(order.recordedAt());
    assertThat(read.order().placedAt()).isEqualTo(T0);
  }

  @Test
  void everyReasonForNotEarningRoundTripsAndZeroDecimalCurrenciesKeepTheirScale() {
    int i = 0;
    for (RecordedOrder.NotEarningReason reason : RecordedOrder.NotEarningReason.values()) {
      RecordedOrder order =
          new RecordedOrder(
              new Order(
                  OrderId.of("o-" + i++),
                  CustomerAccountId.of("cust-1"),
                  T0,
                  List.of(OrderLine.of(1, "hosting", Money.of("1500", "JPY")))),
              Optional.empty(),
              Optional.of(reason),
              EventId.of("e-" + reason),
              T0);
      assertThat(tx(() -> storage.orders().insert(order))).isTrue();
      assertThat(tx(() -> storage.orders().find(order.order().orderId()))).contains(order);
    }
    assertThat(tx(() -> storage.orders().countByCustomer(CustomerAccountId.of("cust-1"))))
        .isEqualTo(RecordedOrder.NotEarningReason.values().length);
  }

  @Test
  void aSecondOrderWithTheSameIdIsRefusedWritesNothingAndLeavesTheUnitUsable() {
    RecordedOrder first = earning("order-1", "cust-1", line(1, "hosting", "10.00"));
    assertThat(tx(() -> storage.orders().insert(first))).isTrue();

    boolean[] results =
        tx(
            () ->
                new boolean[] {
                  storage
                      .orders()
                      .insert(
                          earning(
                              "order-1",
                              "cust-2",
                              line(1, "vps", "20.00"),
                              line(2, "vps", "30.00"))),
                  storage.orders().insert(earning("order-2", "cust-2", line(1, "vps", "5.00")))
                });

    assertThat(results).containsExactly(false, true);
    assertThat(tx(() -> storage.orders().find(OrderId.of("order-1")))).contains(first);
    assertThat(tx(() -> storage.orders().countByCustomer(CustomerAccountId.of("cust-2"))))
        .isEqualTo(1);
  }

  @Test
  void concurrentInsertsOfOneOrderStoreItOnceWithoutFailing() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "order-" + round;
      List<Boolean> results =
          race(
              8,
              i ->
                  () ->
                      storage
                          .orders()
                          .insert(earning(id, "cust-" + i, line(1, "vps", (i + 1) + ".00"))));

      assertThat(results).containsOnlyOnce(true);
      int winner = results.indexOf(true);
      assertThat(tx(() -> storage.orders().find(OrderId.of(id))))
          .contains(earning(id, "cust-" + winner, line(1, "vps", (winner + 1) + ".00")));
    }
  }

  @Test
  void anOrderIsMarkedPaidOnceAndKeepsItsFirstPayment() {
    tx(() -> storage.orders().insert(earning("order-1", "cust-1", line(1, "hosting", "10.00"))));
    OrderId id = OrderId.of("order-1");
    assertThat(tx(() -> storage.orders().paidAt(id))).isEmpty();

    assertThat(tx(() -> storage.orders().markPaid(id, T0.plusSeconds(5)))).isTrue();
    assertThat(tx(() -> storage.orders().markPaid(id, T0.plusSeconds(9)))).isFalse();

    assertThat(tx(() -> storage.orders().paidAt(id))).contains(T0.plusSeconds(5));
  }

  @Test
  void concurrentPaymentsMarkAnOrderPaidOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      OrderId id = OrderId.of("order-" + round);
      tx(() -> storage.orders().insert(earning(id.value(), "cust-1", line(1, "vps", "10.00"))));

      List<Boolean> results = race(8, i -> () -> storage.orders().markPaid(id, T0.plusSeconds(i)));

      assertThat(results).containsOnlyOnce(true);
      assertThat(tx(() -> storage.orders().paidAt(id)))
          .contains(T0.plusSeconds(results.indexOf(true)));
    }
  }

  @Test
  void refundsAreSummedPerLineAndLinesWithoutRefundsAreAbsent() {
    OrderId id = OrderId.of("order-1");
    tx(
        () ->
            storage
                .orders()
                .insert(
                    earning(
                        "order-1",
                        "cust-1",
                        line(1, "hosting", "10.00"),
                        line(2, "vps", "20.00"),
                        line(3, "vps", "30.00"))));
    tx(
        () -> {
          storage.orders().addRefund(id, 1, EventId.of("r-1"), eur("2.50"));
          storage.orders().addRefund(id, 3, EventId.of("r-1"), eur("0.01"));
          storage.orders().addRefund(id, 1, EventId.of("r-2"), eur("7.49"));
          return null;
        });

    assertThat(tx(() -> storage.orders().refundedByLine(id)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, eur("9.99"), 3, eur("0.01")));
  }

  @Test
  void aSecondRefundOfOneLineByOneEventIsAConflictAndWritesNothing() {
    OrderId id = OrderId.of("order-1");
    tx(
        () ->
            storage
                .orders()
                .insert(
                    earning(
                        "order-1", "cust-1", line(1, "hosting", "10.00"), line(2, "vps", "5.00"))));
    tx(
        () -> {
          storage.orders().addRefund(id, 1, EventId.of("r-1"), eur("2.50"));
          return null;
        });

    assertThatThrownBy(
            () ->
                tx(
                    () -> {
                      storage.orders().addRefund(id, 2, EventId.of("r-1"), eur("1.00"));
                      storage.orders().addRefund(id, 1, EventId.of("r-1"), eur("3.00"));
                      return null;
                    }))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> storage.orders().refundedByLine(id)))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, eur("2.50")));
  }

  @Test
  void anOrderIsFoundWithItsRefundsAsFindAndRefundedByLineReturnThem() {
    OrderId id = OrderId.of("order-1");
    RecordedOrder order =
        earning(
            "order-1",
            "cust-1",
            line(3, "vps", "30.00"),
            line(1, "hosting", "10.00"),
            line(2, "domain", "0.00"));
    tx(() -> storage.orders().insert(order));
    tx(() -> storage.orders().insert(earning("order-2", "cust-1", line(1, "vps", "5.00"))));

    OrderStore.OrderWithRefunds unrefunded =
        tx(() -> storage.orders().findWithRefunds(id)).orElseThrow();
    assertThat(unrefunded.recorded()).isEqualTo(order);
    assertThat(unrefunded.recorded().order().lines())
        .extracting(OrderLine::lineNumber)
        .containsExactly(1, 2, 3);
    assertThat(unrefunded.refundedByLine()).isEmpty();

    tx(
        () -> {
          storage.orders().addRefund(id, 3, EventId.of("r-1"), eur("2.50"));
          storage.orders().addRefund(id, 1, EventId.of("r-1"), eur("0.01"));
          storage.orders().addRefund(id, 3, EventId.of("r-2"), eur("7.49"));
          storage.orders().addRefund(OrderId.of("order-2"), 1, EventId.of("r-3"), eur("1.00"));
          return null;
        });
    OrderStore.OrderWithRefunds refunded =
        tx(() -> storage.orders().findWithRefunds(id)).orElseThrow();

    assertThat(refunded.recorded()).isEqualTo(tx(() -> storage.orders().find(id)).orElseThrow());
    assertThat(refunded.refundedByLine())
        .isEqualTo(tx(() -> storage.orders().refundedByLine(id)))
        .containsExactlyEntriesOf(new TreeMap<>(Map.of(1, eur("0.01"), 3, eur("9.99"))));
    assertThat(tx(() -> storage.orders().findWithRefunds(OrderId.of("none")))).isEmpty();
  }

  // ---------------------------------------------------------------- LedgerStore: lines

  @Test
  void pricedLinesRoundTripWithEveryKindOfRateAndVersion() {
    tx(
        () ->
            storage
                .orders()
                .insert(earning("order-1", "cust-1", line(1, "a", "1.00"), line(2, "b", "1.00"))));
    CommissionLine percentage =
        priced("order-1", 3, "19.99", "2.47", Optional.of(Rate.percent("12.3456")));
    CommissionLine fixed =
        new CommissionLine(
            OrderId.of("order-1"),
            1,
            P1,
            ProductId.of("vps"),
            eur("999999999999999.00"),
            Optional.of(Rate.fixed(eur("5.00"))),
            Optional.of(new CommissionLine.RateVersionRef(Optional.of(P1), 7)),
            eur("5.00"),
            T0,
            EventId.of("order-order-1"));
    CommissionLine notParticipating = priced("order-1", 2, "9.99", "0.00", Optional.empty());
    CommissionLine wholeNet =
        priced("order-1", 4, "0.00", "0.00", Optional.of(Rate.percent("100")));

    for (CommissionLine l : List.of(percentage, fixed, notParticipating, wholeNet)) {
      assertThat(tx(() -> storage.ledger().insertLine(l))).isTrue();
    }

    assertThat(tx(() -> storage.ledger().linesOfOrder(OrderId.of("order-1"))))
        .containsExactly(fixed, notParticipating, percentage, wholeNet);
    assertThat(tx(() -> storage.ledger().linesOfOrder(OrderId.of("none")))).isEmpty();
  }

  @Test
  void aSecondPriceForAnOrderLineIsRefusedWritesNothingAndLeavesTheUnitUsable() {
    CommissionLine first = priced("order-1", 1, "10.00", "1.00", Optional.of(Rate.percent("10")));
    assertThat(tx(() -> storage.ledger().insertLine(first))).isTrue();

    boolean[] results =
        tx(
            () ->
                new boolean[] {
                  storage
                      .ledger()
                      .insertLine(
                          priced("order-1", 1, "10.00", "2.00", Optional.of(Rate.percent("20")))),
                  storage
                      .ledger()
                      .insertLine(
                          priced("order-1", 2, "10.00", "2.00", Optional.of(Rate.percent("20"))))
                });

    assertThat(results).containsExactly(false, true);
    assertThat(tx(() -> storage.ledger().linesOfOrder(OrderId.of("order-1"))))
        .first()
        .isEqualTo(first);
  }

  @Test
  void concurrentPricesOfOneOrderLineStoreOneWithoutFailing() throws Exception {
    for (int round = 0; round < 5; round++) {
      String order = "order-" + round;
      List<Boolean> results =
          race(
              8,
              i ->
                  () ->
                      storage
                          .ledger()
                          .insertLine(
                              priced(
                                  order, 1, "10.00", i + ".00", Optional.of(Rate.percent("10")))));

      assertThat(results).containsOnlyOnce(true);
      int winner = results.indexOf(true);
      assertThat(tx(() -> storage.ledger().linesOfOrder(OrderId.of(order))))
          .containsExactly(
              priced(order, 1, "10.00", winner + ".00", Optional.of(Rate.percent("10"))));
    }
  }

  // ---------------------------------------------------------------- LedgerStore: entries

  @Test
  void entriesOfEveryKindRoundTripExactly() {
    List<LedgerEntry> entries = new ArrayList<>();
    int line = 1;
    for (LedgerEntry.Kind kind : LedgerEntry.Kind.values()) {
      entries.add(
          ENTRIES
              .of(kind, P1)
              .order("order-1")
              .line(line++)
              .amount(eur("12.34"))
              .event("e-1")
              .payableAt(T0.plus(Duration.ofDays(30)))
              .build());
    }
    entries.add(
        ENTRIES
            .earned(P1)
            .order("order-1")
            .line(line)
            .amount(Money.of("123", "JPY"))
            .event("e-1")
            .payableAt(Instant.parse("2999-12-31T23:59:59.999999Z"))
            .build());
    for (LedgerEntry e : entries) {
      assertThat(tx(() -> storage.ledger().append(e))).isTrue();
    }
    // ordered by line number, then kind: the adjustments (line 0, no order) first
    assertThat(tx(() -> storage.ledger().entriesOfEvent(EventId.of("e-1"))))
        .containsExactlyElementsOf(
            entries.stream()
                .sorted(
                    java.util.Comparator.comparingInt(LedgerEntry::lineNumber)
                        .thenComparing(LedgerEntry::kind))
                .toList());
    assertThat(tx(() -> storage.ledger().entriesOfOrder(OrderId.of("order-1"))))
        .noneMatch(e -> e.kind().adjustment())
        .hasSize(entries.size() - 3);
    assertThat(tx(() -> storage.ledger().entriesOfOrder(OrderId.of("none")))).isEmpty();
    assertThat(tx(() -> storage.ledger().entriesOfEvent(EventId.of("none")))).isEmpty();
  }

  @Test
  void aSecondEntryWithTheSameEventOrderLineAndKindIsRefusedAndLeavesTheUnitUsable() {
    LedgerEntry first =
        ENTRIES.earned(P1).order("order-1").amount(eur("1.00")).event("pay-1").build();
    assertThat(tx(() -> storage.ledger().append(first))).isTrue();

    boolean[] results =
        tx(
            () ->
                new boolean[] {
                  storage
                      .ledger()
                      .append(
                          ENTRIES
                              .earned(P2)
                              .order("order-1")
                              .amount(eur("9.00"))
                              .event("pay-1")
                              .recordedAt(T0.plusSeconds(1))
                              .build()),
                  storage
                      .ledger()
                      .append(
                          ENTRIES
                              .reversed(P1)
                              .order("order-1")
                              .amount(eur("1.00"))
                              .event("pay-1")
                              .build()),
                  storage
                      .ledger()
                      .append(
                          ENTRIES
                              .earned(P1)
                              .order("order-1")
                              .line(2)
                              .amount(eur("1.00"))
                              .event("pay-1")
                              .build()),
                  storage
                      .ledger()
                      .append(
                          ENTRIES
                              .earned(P1)
                              .order("order-1")
                              .amount(eur("1.00"))
                              .event("pay-2")
                              .build())
                });

    assertThat(results).containsExactly(false, true, true, true);
    assertThat(tx(() -> storage.ledger().entriesOfOrder(OrderId.of("order-1"))))
        .hasSize(4)
        .contains(first);
  }

  @Test
  void appendingSeveralEntriesSkipsDuplicatesAndLeavesTheUnitUsable() {
    LedgerEntry stored =
        ENTRIES.earned(P1).order("order-1").amount(eur("1.00")).event("pay-1").build();
    tx(() -> storage.ledger().append(stored));
    LedgerEntry line2 =
        ENTRIES.earned(P1).order("order-1").line(2).amount(eur("2.00")).event("pay-1").build();
    LedgerEntry line3 =
        ENTRIES.earned(P1).order("order-1").line(3).amount(eur("3.00")).event("pay-1").build();
    LedgerEntry line3Again =
        ENTRIES.earned(P2).order("order-1").line(3).amount(eur("9.00")).event("pay-1").build();
    LedgerEntry line4 =
        ENTRIES.earned(P1).order("order-1").line(4).amount(eur("4.00")).event("pay-1").build();
    LedgerEntry storedAgain =
        ENTRIES.earned(P2).order("order-1").amount(eur("8.00")).event("pay-1").build();

    tx(
        () -> {
          storage.ledger().appendAll(List.of());
          storage.ledger().appendAll(List.of(line2, storedAgain, line3, line3Again, line4));
          // The unit goes on after the skipped duplicates.
          assertThat(
                  storage
                      .ledger()
                      .append(
                          ENTRIES
                              .earned(P1)
                              .order("order-1")
                              .line(5)
                              .amount(eur("5.00"))
                              .event("pay-1")
                              .build()))
              .isTrue();
          return null;
        });

    List<LedgerEntry> entries = tx(() -> storage.ledger().entriesOfEvent(EventId.of("pay-1")));
    assertThat(entries).hasSize(5).startsWith(stored, line2, line3, line4);
    assertThat(entries.get(4).amount()).isEqualTo(eur("5.00"));
    // All new, in one call, as a payment of many lines appends them.
    List<LedgerEntry> many = new ArrayList<>();
    for (int line = 1; line <= 60; line++) {
      many.add(
          ENTRIES.accrued(P2).order("order-2").line(line).amount(eur("0.01")).event("o-2").build());
    }
    tx(
        () -> {
          storage.ledger().appendAll(many);
          return null;
        });
    assertThat(tx(() -> storage.ledger().entriesOfEvent(EventId.of("o-2"))))
        .containsExactlyElementsOf(many);
  }

  @Test
  void entriesOfAnOrderComeByRecordingTimeThenLineThenKindAndOfAnEventByLineThenKind() {
    LedgerEntry late =
        ENTRIES
            .accrued(P1)
            .order("order-1")
            .amount(eur("1.00"))
            .event("e-0")
            .recordedAt(T0.plusSeconds(9))
            .build();
    LedgerEntry reversed2 =
        ENTRIES.reversed(P1).order("order-1").line(2).amount(eur("1.00")).event("e-1").build();
    LedgerEntry earned2 =
        ENTRIES.earned(P1).order("order-1").line(2).amount(eur("1.00")).event("e-1").build();
    LedgerEntry cancelled3 =
        ENTRIES.cancelled(P1).order("order-1").line(3).amount(eur("1.00")).event("e-1").build();
    LedgerEntry accrued3 =
        ENTRIES.accrued(P1).order("order-1").line(3).amount(eur("1.00")).event("e-1").build();
    LedgerEntry otherOrder =
        ENTRIES.accrued(P1).order("order-2").amount(eur("1.00")).event("e-1").build();
    tx(
        () -> {
          for (LedgerEntry e :
              List.of(late, cancelled3, reversed2, otherOrder, accrued3, earned2)) {
            storage.ledger().append(e);
          }
          return null;
        });

    assertThat(tx(() -> storage.ledger().entriesOfOrder(OrderId.of("order-1"))))
        .containsExactly(earned2, reversed2, accrued3, cancelled3, late);
    assertThat(tx(() -> storage.ledger().entriesOfEvent(EventId.of("e-1"))))
        .containsExactly(otherOrder, earned2, reversed2, accrued3, cancelled3);
  }

  @Test
  void recentEntriesAreThePartnersNewestFirstThenByEntryId() {
    List<LedgerEntry> p1 = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      // Pairs share a recording instant, so the entry id decides between them.
      p1.add(
          ENTRIES
              .accrued(P1)
              .order("order-" + i)
              .amount(eur("1.00"))
              .event("e-" + i)
              .recordedAt(T0.plusSeconds(i / 2))
              .build());
    }
    LedgerEntry p2 =
        ENTRIES
            .accrued(P2)
            .order("order-x")
            .amount(eur("1.00"))
            .event("e-x")
            .recordedAt(T0.plusSeconds(99))
            .build();
    tx(
        () -> {
          p1.forEach(storage.ledger()::append);
          storage.ledger().append(p2);
          return null;
        });
    List<LedgerEntry> expected = new ArrayList<>(p1);
    expected.sort(
        Comparator.comparing(LedgerEntry::recordedAt)
            .thenComparing(LedgerEntry::entryId)
            .reversed());

    assertThat(tx(() -> storage.ledger().recentEntries(P1, 5)))
        .containsExactlyElementsOf(expected.subList(0, 5));
    assertThat(tx(() -> storage.ledger().recentEntries(P1, 100)))
        .containsExactlyElementsOf(expected);
    assertThat(tx(() -> storage.ledger().recentEntries(PartnerId.of("p-none"), 1))).isEmpty();
  }

  @Test
  void entryIdsWithAndWithoutTheSignBitSortAsUuidsDo() {
    List<UUID> ids =
        new ArrayList<>(
            List.of(
                UUID.fromString("00000000-0000-0000-0000-000000000001"),
                UUID.fromString("7fffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("80000000-0000-0000-0000-000000000000"),
                UUID.fromString("ffffffff-ffff-ffff-ffff-ffffffffffff"),
                UUID.fromString("00000000-0000-0000-8000-000000000000"),
                UUID.fromString("00000000-0000-0000-7fff-ffffffffffff")));
    tx(
        () -> {
          int i = 0;
          for (UUID id : ids) {
            storage
                .ledger()
                .append(
                    ENTRIES
                        .accrued(P1)
                        .entryId(id)
                        .order("order-1")
                        .line(++i)
                        .amount(eur("1.00"))
                        .base(eur("1.00"))
                        .event("e-1")
                        .build());
          }
          return null;
        });
    List<UUID> expected = new ArrayList<>(ids);
    Collections.sort(expected, Comparator.reverseOrder());

    assertThat(tx(() -> storage.ledger().recentEntries(P1, 10)))
        .extracting(LedgerEntry::entryId)
        .containsExactlyElementsOf(expected);
  }

  @Test
  void concurrentAppendsOfOneEntryKeyStoreExactlyOne() throws Exception {
    for (int round = 0; round < 5; round++) {
      String event = "pay-" + round;
      List<Boolean> results =
          race(
              8,
              i ->
                  () ->
                      storage
                          .ledger()
                          .append(
                              ENTRIES
                                  .earned(P1)
                                  .order("order-1")
                                  .amount(eur("1.00"))
                                  .event(event)
                                  .build()));
      assertThat(results).containsOnlyOnce(true);
      assertThat(tx(() -> storage.ledger().entriesOfEvent(EventId.of(event)))).hasSize(1);
    }
  }

  // ---------------------------------------------------------------- LedgerStore: balance

  @Test
  void aPartnerWithoutEntriesHasAZeroBalance() {
    assertThat(tx(() -> storage.ledger().balance(P1, EUR, T0))).isEqualTo(Balance.zero(EUR));
  }

  @Test
  void theBalanceAddsUpEveryKindAndSeparatesHeldFromPayableAtTheInstant() {
    Instant due = T0.plus(Duration.ofDays(14));
    Instant later = due.plus(1, ChronoUnit.MICROS);
    tx(
        () -> {
          storage
              .ledger()
              .append(ENTRIES.accrued(P1).order("o-1").amount(eur("10.00")).event("a").build());
          storage
              .ledger()
              .append(ENTRIES.accrued(P1).order("o-2").amount(eur("7.00")).event("a").build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .earned(P1)
                      .order("o-1")
                      .amount(eur("6.00"))
                      .event("p")
                      .payableAt(due)
                      .build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .earned(P1)
                      .order("o-2")
                      .amount(eur("3.00"))
                      .event("p")
                      .payableAt(later)
                      .build());
          storage
              .ledger()
              .append(ENTRIES.cancelled(P1).order("o-1").amount(eur("1.00")).event("c").build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .reversed(P1)
                      .order("o-1")
                      .amount(eur("2.00"))
                      .event("r")
                      .payableAt(due)
                      .build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .reversed(P1)
                      .order("o-2")
                      .amount(eur("0.50"))
                      .event("r")
                      .payableAt(later)
                      .build());
          // Not counted: another partner, another currency.
          storage
              .ledger()
              .append(
                  ENTRIES
                      .earned(P2)
                      .order("o-3")
                      .amount(eur("99.00"))
                      .event("p")
                      .payableAt(due)
                      .build());
          storage
              .ledger()
              .append(
                  ENTRIES
                      .earned(P1)
                      .order("o-4")
                      .amount(Money.of("500", "JPY"))
                      .event("p")
                      .payableAt(due)
                      .build());
          return null;
        });

    Balance atDue = tx(() -> storage.ledger().balance(P1, EUR, due));
    assertThat(atDue)
        .isEqualTo(
            new Balance(
                eur("7.00"),
                eur("2.50"),
                eur("4.00"),
                eur("0.00"),
                eur("0.00"),
                eur("9.00"),
                eur("2.50"),
                eur("0.00")));

    Balance before = tx(() -> storage.ledger().balance(P1, EUR, due.minus(1, ChronoUnit.MICROS)));
    assertThat(before.held()).isEqualTo(eur("6.50"));
    assertThat(before.payable()).isEqualTo(eur("0.00"));

    Balance after = tx(() -> storage.ledger().balance(P1, EUR, later));
    assertThat(after.held()).isEqualTo(eur("0.00"));
    assertThat(after.payable()).isEqualTo(eur("6.50"));

    assertThat(tx(() -> storage.ledger().balance(P1, Currency.getInstance("JPY"), due)).payable())
        .isEqualTo(Money.of("500", "JPY"));
  }

  @Test
  void aReversalAfterPayoutMakesThePayableBalanceNegative() {
    tx(
        () -> {
          storage
              .ledger()
              .append(ENTRIES.reversed(P1).order("o-1").amount(eur("4.25")).event("r").build());
          storage
              .ledger()
              .append(ENTRIES.earned(P1).order("o-2").amount(eur("1.00")).event("p").build());
          return null;
        });
    Balance balance = tx(() -> storage.ledger().balance(P1, EUR, T0));
    assertThat(balance.payable()).isEqualTo(eur("-3.25"));
    assertThat(balance.reversed()).isEqualTo(eur("4.25"));
    assertThat(balance.earned()).isEqualTo(eur("1.00"));
  }

  // ---------------------------------------------------------------- ProcessedEventStore

  @Test
  void aClaimedEventReadsBackAndAnUnknownOneIsAbsent() {
    ProcessedEvent event = processed("e".repeat(EventId.MAX_LENGTH), "f".repeat(64));
    assertThat(tx(() -> storage.processedEvents().claim(event))).isTrue();
    assertThat(tx(() -> storage.processedEvents().find(event.eventId()))).contains(event);
    assertThat(tx(() -> storage.processedEvents().find(EventId.of("none")))).isEmpty();
  }

  @Test
  void aSecondClaimIsRefusedKeepsTheFirstAndLeavesTheUnitUsable() {
    ProcessedEvent first = processed("e-1", "first");
    assertThat(tx(() -> storage.processedEvents().claim(first))).isTrue();

    boolean[] results =
        tx(
            () ->
                new boolean[] {
                  storage.processedEvents().claim(processed("e-1", "second")),
                  storage.processedEvents().claim(processed("e-2", "other"))
                });

    assertThat(results).containsExactly(false, true);
    assertThat(tx(() -> storage.processedEvents().find(EventId.of("e-1")))).contains(first);
    assertThat(tx(() -> storage.processedEvents().find(EventId.of("e-2")))).isPresent();
  }

  @Test
  void concurrentClaimsOfOneEventSucceedOnceWithoutFailing() throws Exception {
    for (int round = 0; round < 10; round++) {
      String id = "e-race-" + round;
      List<Boolean> results =
          race(8, i -> () -> storage.processedEvents().claim(processed(id, "f-" + i)));

      assertThat(results).containsOnlyOnce(true);
      assertThat(tx(() -> storage.processedEvents().find(EventId.of(id))))
          .map(ProcessedEvent::fingerprint)
          .contains("f-" + results.indexOf(true));
    }
  }

  // ---------------------------------------------------------------- through the facade

  @Test
  void aSignupIsAttributedOnceThroughTheProgramme() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");

    AttributionRecord stored =
        tx(() -> storage.attributions().findByCustomer(customer)).orElseThrow();
    assertThat(stored.decision())
        .isInstanceOfSatisfying(
            AttributionDecision.Attributed.class,
            a -> {
              assertThat(a.partnerId()).isEqualTo(f.partner.id());
              assertThat(a.code()).isEqualTo(ReferralCode.parse("jan-hosting"));
            });
    SignupAttribution again =
        f.program
            .referrals()
            .attributeSignup(
                AttributeSignupCommand.newCustomer("new-1")
                    .visitor("v-other")
                    .at(f.clock.instant()));
    assertThat(again.alreadyDecided()).isTrue();
    assertThat(again.decision()).isEqualTo(stored.decision());
    AttributionCounts referrals =
        f.program.partners().overview(f.partner.id()).orElseThrow().referrals();
    assertThat(referrals.clicks()).isEqualTo(1);
    assertThat(referrals.signupsAttributed()).isEqualTo(1);
    assertThat(referrals.signupsRefused()).isEmpty();
  }

  @Test
  void anOrderIsRecordedPaidAndPartlyRefundedThroughTheProgramme() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.program
        .commissions()
        .recordOrder(
            new RecordOrderCommand(
                EventId.of("order-1"),
                f.order(
                    "order-1",
                    customer,
                    ProgramFixture.line(1, "shared-hosting", "100.00"),
                    ProgramFixture.line(2, "domain", "9.99"))));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-1"), OrderId.of("order-1"), f.clock.instant()));
    RecordRefundCommand refund =
        RecordRefundCommand.perLine(
            EventId.of("refund-1"),
            OrderId.of("order-1"),
            f.clock.instant(),
            Map.of(1, eur("40.00")));
    f.program.commissions().recordRefund(refund);
    assertThat(f.program.commissions().recordRefund(refund).redelivery()).isTrue();

    Balance balance = f.program.partners().overview(f.partner.id()).orElseThrow().balance();
    assertThat(balance)
        .isEqualTo(
            new Balance(
                eur("0.00"),
                eur("0.00"),
                eur("15.00"),
                eur("0.00"),
                eur("0.00"),
                eur("25.00"),
                eur("10.00"),
                eur("0.00")));
    assertThat(tx(() -> storage.orders().refundedByLine(OrderId.of("order-1"))))
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, eur("40.00")));
    assertThat(tx(() -> storage.ledger().linesOfOrder(OrderId.of("order-1"))))
        .extracting(CommissionLine::commission)
        .containsExactly(eur("25.00"), eur("0.00"));
  }

  @Test
  void erasingACustomerReplacesTheirIdsByPseudonymsAndLeavesTheBooksAsTheyWere() {
    CustomerErasureScenario scenario = CustomerErasureScenario.on(storage);
    PseudonymKey key = ProgramFixture.PSEUDONYM_KEY;
    CustomerAccountId pseudonym = key.pseudonymOf(CustomerErasureScenario.CUSTOMER);
    VisitorId visitorPseudonym = key.pseudonymOf(CustomerErasureScenario.VISITOR);
    ProgramFixture f = scenario.fixture;
    f.clock.advance(Duration.ofMinutes(5));

    CustomerErasure erasure = scenario.erase();

    // the customer's decision and the bystander's (same browser), two orders, one click, and the
    // one customer.attributed event that carried the account id (the scenario opted in)
    assertThat(erasure).isEqualTo(new CustomerErasure(pseudonym, f.clock.instant(), 2, 2, 1, 1));
    assertThat(scenario.booksAsOfBefore()).isEqualTo(scenario.before);
    tx(
        () -> {
          assertThat(storage.attributions().findByCustomer(CustomerErasureScenario.CUSTOMER))
              .isEmpty();
          AttributionRecord erased = storage.attributions().findByCustomer(pseudonym).orElseThrow();
          assertThat(erased.visitorId()).contains(visitorPseudonym);
          assertThat(erased.decision()).isInstanceOf(AttributionDecision.Attributed.class);
          assertThat(
                  storage
                      .attributions()
                      .findByCustomer(CustomerErasureScenario.BYSTANDER)
                      .orElseThrow()
                      .visitorId())
              .contains(visitorPseudonym);
          assertThat(storage.orders().countByCustomer(CustomerErasureScenario.CUSTOMER)).isZero();
          assertThat(storage.orders().countByCustomer(pseudonym)).isEqualTo(2);
          assertThat(storage.orders().find(OrderId.of("order-e1")).orElseThrow().order().customer())
              .isEqualTo(pseudonym);
          assertThat(storage.orders().countByCustomer(CustomerErasureScenario.BYSTANDER))
              .isEqualTo(1);
          Instant from = ProgramFixture.START.minus(Duration.ofDays(1));
          Instant to = f.clock.instant();
          assertThat(storage.touches().findByVisitor(CustomerErasureScenario.VISITOR, from, to))
              .isEmpty();
          assertThat(storage.touches().findByVisitor(visitorPseudonym, from, to))
              .singleElement()
              .satisfies(t -> assertThat(t.partnerId()).isEqualTo(f.partner.id()));
          return null;
        });

    // a second erasure changes nothing and returns the first one's record, also later
    f.clock.advance(Duration.ofDays(3));
    assertThat(scenario.erase()).isEqualTo(erasure);
    assertThat(scenario.booksAsOfBefore()).isEqualTo(scenario.before);
    // the order's host event delivered again, also under another event id, is still recognised
    Order orderE2 =
        new Order(
            OrderId.of("order-e2"),
            CustomerErasureScenario.CUSTOMER,
            ProgramFixture.START,
            List.of(ProgramFixture.line(1, "vps", "80.00")));
    for (String eventId : List.of("order-order-e2", "order-e2-again")) {
      assertThat(
              f.program
                  .commissions()
                  .recordOrder(new RecordOrderCommand(EventId.of(eventId), orderE2))
                  .redelivery())
          .as("order-e2 delivered as %s after the erasure", eventId)
          .isTrue();
    }
  }

  @Test
  void erasingAnUnknownCustomerOrAPartnerOrNothingIsRefusedAndChangesNothing() {
    CustomerErasureScenario scenario = CustomerErasureScenario.on(storage);
    ProgramFixture f = scenario.fixture;
    CustomerAccountId unknown = CustomerAccountId.of("never-seen-7");

    assertThatThrownBy(() -> f.program.privacy().eraseCustomer(unknown))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.program.privacy().eraseCustomer(unknown))
        .as("no erasure was recorded for the unknown customer")
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> f.program.privacy().eraseCustomer(null))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("customer"));
    CustomerAccountId aPseudonym =
        ProgramFixture.PSEUDONYM_KEY.pseudonymOf(CustomerErasureScenario.CUSTOMER);
    assertThatThrownBy(() -> f.program.privacy().eraseCustomer(aPseudonym))
        .isInstanceOfSatisfying(
            InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("customer"));
    // the partner's own account (it referred customers; a partner's erasure has its own rules)
    CustomerAccountId partnerAccount = f.partner.customerAccountId();
    assertThatThrownBy(() -> f.program.privacy().eraseCustomer(partnerAccount))
        .isInstanceOfSatisfying(
            CustomerIsPartnerException.class,
            e -> assertThat(e.partnerId()).isEqualTo(f.partner.id()));

    assertThat(scenario.booksAsOfBefore()).isEqualTo(scenario.before);
    tx(
        () -> {
          assertThat(storage.attributions().findByCustomer(CustomerErasureScenario.CUSTOMER))
              .isPresent();
          assertThat(storage.orders().countByCustomer(CustomerErasureScenario.CUSTOMER))
              .isEqualTo(2);
          assertThat(storage.partners().findByCustomerAccount(partnerAccount)).isPresent();
          assertThat(storage.erasures().findCustomerErasure(aPseudonym)).isEmpty();
          return null;
        });
  }

  @Test
  void idsAreReplacedExactlyInTheirRowsOnlyAndAnErasureIsRecordedOnce() {
    PseudonymKey key = ProgramFixture.PSEUDONYM_KEY;
    CustomerAccountId c1 = CustomerAccountId.of("c-1");
    CustomerAccountId c1Pseudonym = key.pseudonymOf(c1);
    VisitorId v1 = VisitorId.of("v-c-1");
    VisitorId v1Pseudonym = key.pseudonymOf(v1);
    Touch first = touch("JAN-1", P1, "v-c-1", T0);
    Touch second = touch("JAN-1", P1, "v-c-1", T0.plusSeconds(5));
    Touch other = touch("JAN-1", P1, "v-c-10", T0);
    store(first, second, other);
    AttributionRecord decision = attributed("c-1", P1, T0);
    AttributionRecord sameBrowser =
        new AttributionRecord(
            CustomerAccountId.of("c-2"),
            decision.decision(),
            decision.candidatePartner(),
            Optional.of(v1),
            Optional.empty(),
            true,
            false,
            T0.plusSeconds(90),
            T0.plusSeconds(91));
    AttributionRecord unrelated = attributed("c-10", P1, T0);
    RecordedOrder o1 = earning("o-1", "c-1", line(1, "hosting", "10.00"));
    RecordedOrder o2 = earning("o-2", "c-1", line(1, "hosting", "20.00"));
    RecordedOrder o10 = earning("o-10", "c-10", line(1, "hosting", "30.00"));
    tx(
        () -> {
          storage.attributions().insert(decision);
          storage.attributions().insert(sameBrowser);
          storage.attributions().insert(unrelated);
          storage.orders().insert(o1);
          storage.orders().insert(o2);
          storage.orders().insert(o10);
          return null;
        });

    tx(
        () -> {
          assertThat(storage.touches().replaceVisitor(v1, v1Pseudonym)).isEqualTo(2);
          assertThat(storage.attributions().replaceCustomer(c1, c1Pseudonym)).isEqualTo(1);
          assertThat(storage.attributions().replaceVisitor(v1, v1Pseudonym)).isEqualTo(2);
          assertThat(storage.orders().replaceCustomer(c1, c1Pseudonym)).isEqualTo(2);
          // nothing left to replace: a second pass changes nothing
          assertThat(storage.touches().replaceVisitor(v1, v1Pseudonym)).isZero();
          assertThat(storage.attributions().replaceCustomer(c1, c1Pseudonym)).isZero();
          assertThat(storage.attributions().replaceVisitor(v1, v1Pseudonym)).isZero();
          assertThat(storage.orders().replaceCustomer(c1, c1Pseudonym)).isZero();
          return null;
        });

    assertThat(allTouchesOf("v-c-1")).isEmpty();
    assertThat(allTouchesOf(v1Pseudonym.value()))
        .containsExactly(first.withVisitor(v1Pseudonym), second.withVisitor(v1Pseudonym));
    assertThat(allTouchesOf("v-c-10")).containsExactly(other);
    tx(
        () -> {
          assertThat(storage.attributions().findByCustomer(c1)).isEmpty();
          assertThat(storage.attributions().findByCustomer(c1Pseudonym))
              .contains(decision.withCustomer(c1Pseudonym).withVisitor(v1Pseudonym));
          assertThat(storage.attributions().findByCustomer(CustomerAccountId.of("c-2")))
              .contains(sameBrowser.withVisitor(v1Pseudonym));
          assertThat(storage.attributions().findByCustomer(CustomerAccountId.of("c-10")))
              .contains(unrelated);
          assertThat(storage.orders().find(OrderId.of("o-1")))
              .contains(o1.withCustomer(c1Pseudonym));
          assertThat(storage.orders().find(OrderId.of("o-2")))
              .contains(o2.withCustomer(c1Pseudonym));
          assertThat(storage.orders().find(OrderId.of("o-10"))).contains(o10);
          assertThat(storage.orders().countByCustomer(c1Pseudonym)).isEqualTo(2);
          return null;
        });

    CustomerErasure erasure = new CustomerErasure(c1Pseudonym, T0, 2, 2, 2, 0);
    assertThat(tx(() -> storage.erasures().insertCustomerErasure(erasure))).isTrue();
    assertThat(
            tx(
                () ->
                    storage
                        .erasures()
                        .insertCustomerErasure(
                            new CustomerErasure(c1Pseudonym, T0.plusSeconds(1), 0, 0, 0, 0))))
        .as("one erasure per pseudonym")
        .isFalse();
    assertThat(tx(() -> storage.erasures().findCustomerErasure(c1Pseudonym))).contains(erasure);
    assertThat(
            tx(
                () ->
                    storage
                        .erasures()
                        .findCustomerErasure(key.pseudonymOf(CustomerAccountId.of("c-10")))))
        .isEmpty();
  }
}
