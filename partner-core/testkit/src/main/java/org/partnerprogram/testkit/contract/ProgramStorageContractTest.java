package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Order;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.RecordedOrder.NotEarningReason;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.domain.event.PartnerEnrolled;
import org.partnerprogram.core.domain.event.PartnerSuspended;
import org.partnerprogram.core.domain.event.RateVersionAdded;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ResolvedTouch;
import org.partnerprogram.testkit.Acts;
import org.partnerprogram.testkit.MutableClock;
import org.partnerprogram.testkit.ProgramFixture;
import org.partnerprogram.testkit.StoredPartners;

/**
 * The contract every {@link ProgramStorage} must pass: each documented behaviour of each port
 * method, its transaction boundary and its outbox. A storage adapter proves itself with a subclass
 * of a few lines that hands out fresh, empty storage:
 *
 * <pre>{@code
 * class MyStorageContractTest extends ProgramStorageContractTest<MyStorage> {
 *   @Override
 *   protected MyStorage newStorage() {
 *     return MyStorage.create(freshDatabase());
 *   }
 *
 *   @Override
 *   protected List<UUID> publishedEventIds(MyStorage storage) {
 *     return storage.committedEventIds();
 *   }
 * }
 * }</pre>
 *
 * <p>Concurrency tests start real threads that race on one storage; an adapter that serialises
 * units of work passes them trivially, a database adapter must get them right with unique keys and
 * row locks.
 *
 * <p>Longer than 500 lines on purpose: one port's contract is one class an integrator extends once,
 * and its length is the number of cases it checks.
 *
 * @param <S> the storage type under test
 */
public abstract class ProgramStorageContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  /** An instant with microseconds, the precision every adapter keeps. */
  protected static final Instant T0 = Instant.parse("2026-03-15T10:15:30.123456Z");

  /** Partners enrolled at {@link #T0}: each test names the parts it cares about. */
  private static final StoredPartners PARTNERS = StoredPartners.enrolledAt(T0);

  /** How often a race is repeated. */
  protected static final int RACE_ROUNDS = 20;

  /**
   * The ids of the events that were committed through the storage's outbox, in publication order.
   *
   * @param storage the storage
   * @return the ids; empty if none
   */
  protected abstract List<UUID> publishedEventIds(S storage);

  // ---------------------------------------------------------------- helpers and fixtures

  /** Runs the work as one unit of work of the storage under test. */
  protected final void txRun(Runnable work) {
    storage
        .transactions()
        .execute(
            () -> {
              work.run();
              return null;
            });
  }

  protected static PayoutAccount anAccount() {
    return PayoutAccount.of("NL91ABNA0417164300", "A. Partner");
  }

  protected static Partner aPartner(String id, String account) {
    return PARTNERS.partner(id).customer(account).payoutAccount(anAccount()).build();
  }

  protected static IssuedCode aCode(String code, String partnerId, Instant issuedAt) {
    return new IssuedCode(
        ReferralCode.parse(code), PartnerId.of(partnerId), false, issuedAt, Optional.empty());
  }

  protected static RateVersion aVersion(
      Optional<PartnerId> scope, int number, Instant effectiveFrom, Map<RateTarget, Rate> rates) {
    return RateVersion.builder()
        .partnerId(scope)
        .number(number)
        .effectiveFrom(effectiveFrom)
        .putAllRates(rates)
        .createdAt(T0)
        .build();
  }

  protected static RateVersion aVersion(Optional<PartnerId> scope, int number, Instant from) {
    return aVersion(scope, number, from, Map.of(RateTarget.product("hosting"), Rate.percent("10")));
  }

  protected static final Optional<PartnerId> PROGRAMME = Optional.empty();

  private static PartnerEnrolled anEvent(String partnerId) {
    return new PartnerEnrolled(
        UUID.randomUUID(),
        T0,
        PartnerId.of(partnerId),
        ProgramFixture.PSEUDONYM_KEY.pseudonymOf(CustomerAccountId.of("c-" + partnerId)),
        Optional.empty());
  }

  private EventPublisher outbox() {
    return storage
        .outbox()
        .orElseThrow(() -> new AssertionError("the storage under test must offer an outbox"));
  }

  // ---------------------------------------------------------------- PartnerStore

  @Test
  void absentPartnersAreEmpty() {
    assertThat(tx(() -> storage.partners().findById(PartnerId.of("p-none")))).isEmpty();
    assertThat(tx(() -> storage.partners().findByCustomerAccount(CustomerAccountId.of("none"))))
        .isEmpty();
  }

  @Test
  void severalPartnersAreFoundAtOnceByIdAndUnknownIdsAreAbsent() {
    Partner one = aPartner("p-1", "cust-1");
    Partner three = aPartner("p-3", "cust-3");
    tx(() -> storage.partners().insert(one));
    tx(() -> storage.partners().insert(aPartner("p-2", "cust-2")));
    tx(() -> storage.partners().insert(three));

    assertThat(
            tx(
                () ->
                    storage
                        .partners()
                        .findAllById(
                            List.of(three.id(), PartnerId.of("p-none"), one.id(), three.id()))))
        .containsOnly(entry(one.id(), one), entry(three.id(), three));
    assertThat(tx(() -> storage.partners().findAllById(List.of()))).isEmpty();
  }

  @Test
  void insertedPartnerReadsBackEqualByIdAndByAccount() {
    Partner partner = aPartner("p-1", "cust-1");
    assertThat(tx(() -> storage.partners().insert(partner))).isTrue();

    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(partner);
    assertThat(tx(() -> storage.partners().findByCustomerAccount(partner.customerAccountId())))
        .contains(partner);
  }

  @Test
  void partnerWithoutPayoutAccountReadsBackEqual() {
    Partner partner =
        PARTNERS
            .partner("p-2")
            .customer("cust-2")
            .status(PartnerStatus.SUSPENDED)
            .statusChangedAt(T0.plusSeconds(5))
            .version(3)
            .build();
    assertThat(tx(() -> storage.partners().insert(partner))).isTrue();
    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(partner);
  }

  @Test
  void aPartnerWhoRejoinedReadsBackWithItsLastAbsence() {
    Partner partner = aPartner("p-1", "cust-1");
    tx(() -> storage.partners().insert(partner));
    Partner left = partner.leave(T0.plusSeconds(60));
    txRun(() -> storage.partners().update(left));
    Partner rejoined = left.rejoin(T0.plusSeconds(3600).plusNanos(1000), Optional.empty());
    txRun(() -> storage.partners().update(rejoined));

    Partner read = tx(() -> storage.partners().findById(partner.id())).orElseThrow();
    assertThat(read).isEqualTo(rejoined);
    assertThat(read.lastAbsence())
        .contains(new Partner.Absence(T0.plusSeconds(60), T0.plusSeconds(3600).plusNanos(1000)));
    assertThat(tx(() -> storage.partners().findByCustomerAccount(partner.customerAccountId())))
        .contains(rejoined);
    assertThat(tx(() -> storage.partners().findAllById(List.of(partner.id()))))
        .containsExactly(entry(partner.id(), rejoined));

    Partner inserted =
        PARTNERS
            .partner("p-2")
            .customer("cust-2")
            .status(PartnerStatus.TERMINATED)
            .statusChangedAt(T0.plusSeconds(7200))
            .lastAbsence(T0.plusSeconds(60), T0.plusSeconds(120))
            .version(5)
            .build();
    assertThat(tx(() -> storage.partners().insert(inserted))).isTrue();
    assertThat(tx(() -> storage.partners().findById(inserted.id()))).contains(inserted);
  }

  @Test
  void instantsAndTextRoundTripExactly() {
    Instant earliest = Instant.EPOCH;
    Instant latest = Instant.parse("2999-12-31T23:59:59.999999Z");
    Partner partner =
        PARTNERS
            .partner("p-3")
            .customer("cust-3")
            .status(PartnerStatus.TERMINATED)
            .enrolledAt(earliest)
            .statusChangedAt(latest)
            .payoutAccount(PayoutAccount.of("DE89370400440532013000", "Zoë Ñandú-Øster Петров 😀"))
            .version(7)
            .build();
    assertThat(tx(() -> storage.partners().insert(partner))).isTrue();
    Partner read = tx(() -> storage.partners().findById(partner.id())).orElseThrow();
    assertThat(read).isEqualTo(partner);
    assertThat(read.enrolledAt()).isEqualTo(earliest);
    assertThat(read.statusChangedAt()).isEqualTo(latest);
  }

  @Test
  void longestValuesTheCoreAcceptsRoundTripUntruncated() {
    String longestId = "p-" + "x".repeat(PartnerId.MAX_LENGTH - 2);
    String longestAccount = "c".repeat(CustomerAccountId.MAX_LENGTH - 1) + "Z";
    // a letter (a name needs one) and 69 emoji: 70 code points of four bytes in UTF-8 but one
    String longestName = "Z" + "\uD83D\uDE00".repeat(PayoutAccount.MAX_HOLDER_NAME_LENGTH - 1);
    Partner partner =
        PARTNERS
            .partner(longestId)
            .customer(longestAccount)
            .payoutAccount(PayoutAccount.of("MT84MALT011000012345MTLCAST001S", longestName))
            .build();
    IssuedCode code =
        new IssuedCode(
            ReferralCode.parse("A".repeat(ReferralCode.MAX_LENGTH)),
            partner.id(),
            true,
            T0,
            Optional.empty());
    assertThat(tx(() -> storage.partners().insert(partner))).isTrue();
    assertThat(tx(() -> storage.codes().insert(code))).isTrue();

    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(partner);
    assertThat(tx(() -> storage.codes().find(code.code()))).contains(code);
  }

  @Test
  void customerAccountsAreComparedExactly() {
    assertThat(tx(() -> storage.partners().insert(aPartner("p-a", "cust-a")))).isTrue();
    assertThat(tx(() -> storage.partners().insert(aPartner("p-b", "CUST-A")))).isTrue();
    assertThat(tx(() -> storage.partners().findByCustomerAccount(CustomerAccountId.of("CUST-A"))))
        .map(Partner::id)
        .contains(PartnerId.of("p-b"));
  }

  @Test
  void secondPartnerForTheSameAccountIsRefusedAndWritesNothing() {
    Partner first = aPartner("p-1", "cust-1");
    assertThat(tx(() -> storage.partners().insert(first))).isTrue();

    assertThat(tx(() -> storage.partners().insert(aPartner("p-2", "cust-1")))).isFalse();

    assertThat(tx(() -> storage.partners().findByCustomerAccount(first.customerAccountId())))
        .contains(first);
    assertThat(tx(() -> storage.partners().findById(PartnerId.of("p-2")))).isEmpty();
  }

  @Test
  void duplicateInsertLeavesTheUnitOfWorkUsable() {
    Partner first = aPartner("p-1", "cust-1");
    Partner other = aPartner("p-9", "cust-9");
    tx(() -> storage.partners().insert(first));
    boolean stored =
        tx(
            () -> {
              boolean duplicate = storage.partners().insert(aPartner("p-2", "cust-1"));
              assertThat(duplicate).isFalse();
              return storage.partners().insert(other);
            });
    assertThat(stored).isTrue();
    assertThat(tx(() -> storage.partners().findById(other.id()))).contains(other);
  }

  @Test
  void sameIdForAnotherAccountIsAConflict() {
    tx(() -> storage.partners().insert(aPartner("p-1", "cust-1")));

    assertThatThrownBy(() -> tx(() -> storage.partners().insert(aPartner("p-1", "cust-2"))))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> storage.partners().findByCustomerAccount(CustomerAccountId.of("cust-2"))))
        .isEmpty();
  }

  @Test
  void updateReplacesThePartnerWithItsNextVersion() {
    Partner partner = aPartner("p-1", "cust-1");
    tx(() -> storage.partners().insert(partner));
    Partner suspended = partner.suspend(T0.plusSeconds(60));
    txRun(() -> storage.partners().update(suspended));
    Partner changed =
        suspended.withPayoutAccount(PayoutAccount.of("BE68539007547034", "B. Partner"));
    txRun(() -> storage.partners().update(changed));

    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(changed);
    assertThat(tx(() -> storage.partners().findByCustomerAccount(partner.customerAccountId())))
        .contains(changed);
  }

  @Test
  void updateBasedOnAStaleVersionIsRetryableAndWritesNothing() {
    Partner partner = aPartner("p-1", "cust-1");
    tx(() -> storage.partners().insert(partner));
    Partner suspended = partner.suspend(T0.plusSeconds(60));
    txRun(() -> storage.partners().update(suspended));

    Partner stale = partner.leave(T0.plusSeconds(120)); // also version 2
    assertThatThrownBy(() -> txRun(() -> storage.partners().update(stale)))
        .isInstanceOf(RetryableException.class);
    Partner skipping =
        suspended.reinstate(T0.plusSeconds(180)).leave(T0.plusSeconds(200)); // version 4
    assertThatThrownBy(() -> txRun(() -> storage.partners().update(skipping)))
        .isInstanceOf(RetryableException.class);

    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(suspended);
  }

  @Test
  void updateOfAnUnknownPartnerIsNotFound() {
    Partner ghost = aPartner("p-ghost", "cust-ghost").suspend(T0);
    assertThatThrownBy(() -> txRun(() -> storage.partners().update(ghost)))
        .isInstanceOf(NotFoundException.class);
    assertThat(tx(() -> storage.partners().findById(ghost.id()))).isEmpty();
  }

  @Test
  void payoutAccountHistoryIsEmptyForAnUnknownPartner() {
    assertThat(tx(() -> storage.partners().payoutAccountHistory(PartnerId.of("p-none")))).isEmpty();
  }

  @Test
  void payoutAccountHistoryIsOrderedByPartnerVersionAndKeptPerPartner() {
    PartnerId id = PartnerId.of("p-1");
    PayoutAccountChange v3 =
        new PayoutAccountChange(
            id, 3, PayoutAccount.of("BE68539007547034", "Third"), T0.plusSeconds(30));
    PayoutAccountChange v1 = new PayoutAccountChange(id, 1, anAccount(), T0);
    PayoutAccountChange v2 =
        new PayoutAccountChange(
            id, 2, PayoutAccount.of("DE89370400440532013000", "Second"), T0.plusSeconds(20));
    PayoutAccountChange other = new PayoutAccountChange(PartnerId.of("p-2"), 1, anAccount(), T0);
    txRun(
        () -> {
          storage.partners().appendPayoutAccountChange(v3);
          storage.partners().appendPayoutAccountChange(other);
          storage.partners().appendPayoutAccountChange(v1);
        });
    txRun(() -> storage.partners().appendPayoutAccountChange(v2));

    assertThat(tx(() -> storage.partners().payoutAccountHistory(id))).containsExactly(v1, v2, v3);
    assertThat(tx(() -> storage.partners().payoutAccountHistory(PartnerId.of("p-2"))))
        .containsExactly(other);
  }

  @Test
  void aSecondHistoryEntryForOnePartnerVersionIsAConflictAndWritesNothing() {
    PartnerId id = PartnerId.of("p-1");
    PayoutAccountChange first = new PayoutAccountChange(id, 1, anAccount(), T0);
    txRun(() -> storage.partners().appendPayoutAccountChange(first));

    PayoutAccountChange sameVersion =
        new PayoutAccountChange(
            id, 1, PayoutAccount.of("DE89370400440532013000", "Other"), T0.plusSeconds(5));
    assertThatThrownBy(() -> txRun(() -> storage.partners().appendPayoutAccountChange(sameVersion)))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> storage.partners().payoutAccountHistory(id))).containsExactly(first);
  }

  // ---------------------------------------------------------------- ReferralCodeStore

  @Test
  void neverIssuedCodeIsEmpty() {
    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("NONE-SUCH")))).isEmpty();
    assertThat(tx(() -> storage.codes().findByPartner(PartnerId.of("p-none")))).isEmpty();
  }

  @Test
  void issuedCodeReadsBackEqualWhateverTheCaseOfTheLookup() {
    IssuedCode code =
        new IssuedCode(
            ReferralCode.vanity("Summer-Sale"), PartnerId.of("p-1"), true, T0, Optional.empty());
    assertThat(tx(() -> storage.codes().insert(code))).isTrue();

    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("summer-sale")))).contains(code);
    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("SUMMER-SALE")))).contains(code);
    assertThat(ReferralCode.parse("abcd")).isEqualTo(ReferralCode.parse("ABCD"));
  }

  @Test
  void takenCodeIsRefusedWhateverTheCaseAndWritesNothing() {
    IssuedCode first = aCode("ABCD2345", "p-1", T0);
    tx(() -> storage.codes().insert(first));

    assertThat(tx(() -> storage.codes().insert(aCode("abcd2345", "p-2", T0.plusSeconds(1)))))
        .isFalse();

    assertThat(tx(() -> storage.codes().find(first.code()))).contains(first);
    assertThat(tx(() -> storage.codes().findByPartner(PartnerId.of("p-2")))).isEmpty();
  }

  @Test
  void revokedCodeIsNeverReissued() {
    IssuedCode first = aCode("ABCD2345", "p-1", T0);
    tx(() -> storage.codes().insert(first));
    Instant revokedAt = T0.plusSeconds(10);
    assertThat(tx(() -> storage.codes().revoke(first.code(), revokedAt))).isTrue();

    assertThat(tx(() -> storage.codes().insert(aCode("ABCD2345", "p-2", T0.plusSeconds(20)))))
        .isFalse();
    assertThat(tx(() -> storage.codes().insert(aCode("ABCD2345", "p-1", T0.plusSeconds(20)))))
        .isFalse();

    assertThat(tx(() -> storage.codes().find(first.code()))).contains(first.revoke(revokedAt));
  }

  @Test
  void revokeMarksALiveCodeOnce() {
    IssuedCode code = aCode("ABCD2345", "p-1", T0);
    tx(() -> storage.codes().insert(code));
    Instant first = T0.plusNanos(1_000);
    assertThat(tx(() -> storage.codes().revoke(ReferralCode.parse("abcd2345"), first))).isTrue();
    assertThat(tx(() -> storage.codes().revoke(code.code(), T0.plusSeconds(99)))).isFalse();

    IssuedCode stored = tx(() -> storage.codes().find(code.code())).orElseThrow();
    assertThat(stored.revokedAt()).contains(first);
    assertThat(stored.isLive()).isFalse();
  }

  @Test
  void revokingAnUnknownCodeReturnsFalseAndWritesNothing() {
    assertThat(tx(() -> storage.codes().revoke(ReferralCode.parse("NOPE-NOPE"), T0))).isFalse();
    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("NOPE-NOPE")))).isEmpty();
  }

  @Test
  void codesOfAPartnerAreOrderedByIssueTimeThenCodeAndIncludeRevokedOnes() {
    IssuedCode late = aCode("AAAA2222", "p-1", T0.plusSeconds(60));
    IssuedCode earlyB = aCode("BBBB3333", "p-1", T0);
    IssuedCode earlyA = aCode("CCCC4444", "p-1", T0.minusNanos(1_000));
    IssuedCode sameTimeA = aCode("AAAA9999", "p-1", T0);
    IssuedCode foreign = aCode("DDDD5555", "p-2", T0);
    txRun(
        () -> {
          storage.codes().insert(late);
          storage.codes().insert(earlyB);
          storage.codes().insert(foreign);
        });
    txRun(
        () -> {
          storage.codes().insert(earlyA);
          storage.codes().insert(sameTimeA);
        });
    Instant revokedAt = T0.plusSeconds(120);
    tx(() -> storage.codes().revoke(earlyB.code(), revokedAt));

    assertThat(tx(() -> storage.codes().findByPartner(PartnerId.of("p-1"))))
        .containsExactly(earlyA, sameTimeA, earlyB.revoke(revokedAt), late);
  }

  // ---------------------------------------------------------------- ProgramStorage.resolvedTouches

  @Test
  void resolvedTouchesJoinEachClickWithItsCodeAndPartnerAsStoredNow() {
    Partner active = aPartner("p-1", "acct-1");
    Partner suspended = aPartner("p-2", "acct-2").suspend(T0.plusSeconds(1));
    IssuedCode live = aCode("alpha-1", "p-1", T0);
    IssuedCode later = aCode("beta-1", "p-2", T0);
    Instant revokedAt = T0.plusSeconds(5);
    VisitorId visitor = VisitorId.of("v-1");
    Touch first =
        new Touch(live.code(), active.id(), visitor, T0, Optional.of(LandingPath.of("/")));
    Touch beta = aTouch(later, visitor, T0.plusSeconds(10));
    Touch alpha = aTouch(live, visitor, T0.plusSeconds(10));
    Touch last = aTouch(live, visitor, T0.plusSeconds(20)); // the upper bound
    List<Touch> touches =
        List.of(
            beta,
            last,
            alpha,
            first,
            aTouch(live, visitor, T0.minusNanos(1_000)), // just before the range
            aTouch(live, visitor, T0.plusSeconds(20).plusNanos(1_000)), // just after it
            aTouch(live, VisitorId.of("v-2"), T0.plusSeconds(10)), // another visitor
            new Touch( // a code that was never issued: left out
                ReferralCode.parse("gone-1"),
                active.id(),
                visitor,
                T0.plusSeconds(15),
                Optional.empty()));
    txRun(
        () -> {
          storage.partners().insert(active);
          storage.partners().insert(aPartner("p-2", "acct-2"));
          storage.codes().insert(live);
          storage.codes().insert(later);
          touches.forEach(storage.touches()::insert);
        });
    // Changed after the clicks: the answer carries the code and partner as they are now.
    txRun(
        () -> {
          storage.codes().revoke(later.code(), revokedAt);
          storage.partners().update(suspended);
        });

    List<ResolvedTouch> found = tx(() -> storage.resolvedTouches(visitor, T0, T0.plusSeconds(20)));

    IssuedCode revoked = later.revoke(revokedAt);
    assertThat(found)
        .containsExactly(
            new ResolvedTouch(first, live, active),
            new ResolvedTouch(alpha, live, active),
            new ResolvedTouch(beta, revoked, suspended),
            new ResolvedTouch(last, live, active));
    assertThat(tx(() -> storage.resolvedTouches(VisitorId.of("nobody"), T0, T0.plusSeconds(20))))
        .isEmpty();
    assertThat(tx(() -> storage.resolvedTouches(visitor, Instant.MIN, Instant.MAX)))
        .hasSize(6)
        .extracting(ResolvedTouch::touch)
        .doesNotContain(touches.get(7));
  }

  @Test
  void resolvedTouchesRefuseACodeWhosePartnerIsNotStored() {
    IssuedCode orphan = aCode("orphan-1", "p-9", T0);
    VisitorId visitor = VisitorId.of("v-1");
    txRun(
        () -> {
          storage.codes().insert(orphan);
          storage.touches().insert(aTouch(orphan, visitor, T0));
        });

    assertThatThrownBy(() -> tx(() -> storage.resolvedTouches(visitor, T0, T0)))
        .isInstanceOf(NotFoundException.class)
        .hasMessageContaining("p-9");
  }

  private static Touch aTouch(IssuedCode code, VisitorId visitor, Instant at) {
    return new Touch(code.code(), code.partnerId(), visitor, at, Optional.empty());
  }

  // ---------------------------------------------------------------- RateStore

  @Test
  void scopeWithoutVersionsIsEmpty() {
    assertThat(tx(() -> storage.rates().latest(PROGRAMME))).isEmpty();
    assertThat(tx(() -> storage.rates().inForceAt(PROGRAMME, T0))).isEmpty();
    assertThat(tx(() -> storage.rates().versions(PROGRAMME))).isEmpty();
    assertThat(tx(() -> storage.rates().versions(Optional.of(PartnerId.of("p-1"))))).isEmpty();
  }

  @Test
  void ratesRoundTripExactly() {
    Map<RateTarget, Rate> rates = new LinkedHashMap<>();
    rates.put(RateTarget.product("hosting"), Rate.percent("12.3456"));
    rates.put(RateTarget.product("zero"), Rate.percent("0"));
    rates.put(RateTarget.product("all"), Rate.percent("100"));
    rates.put(RateTarget.product("half"), Rate.percent("7.50"));
    rates.put(RateTarget.group("hosting"), Rate.fixed(Money.of("12.34", "EUR")));
    rates.put(RateTarget.group("vps"), Rate.fixed(Money.of("500", "JPY")));
    rates.put(RateTarget.group("bhd"), Rate.fixed(Money.of("1.234", "BHD")));
    rates.put(RateTarget.group("free"), Rate.fixed(Money.of("0", "EUR")));
    RateVersion version = aVersion(PROGRAMME, 1, T0, rates);
    assertThat(tx(() -> storage.rates().insert(version))).isTrue();

    RateVersion read = tx(() -> storage.rates().latest(PROGRAMME)).orElseThrow();
    assertThat(read).isEqualTo(version);
    assertThat(read.rates()).isEqualTo(rates);
    assertThat(((Rate.Percentage) read.rates().get(RateTarget.product("hosting"))).percent())
        .isEqualTo(new BigDecimal("12.3456"));
  }

  @Test
  void versionWithoutRatesRoundTrips() {
    RateVersion empty = aVersion(PROGRAMME, 1, T0, Map.of());
    assertThat(tx(() -> storage.rates().insert(empty))).isTrue();
    assertThat(tx(() -> storage.rates().versions(PROGRAMME))).containsExactly(empty);
  }

  @Test
  void versionsAreOrderedByNumberAndLatestIsTheHighest() {
    RateVersion v1 = aVersion(PROGRAMME, 1, T0);
    RateVersion v2 = aVersion(PROGRAMME, 2, T0.plusSeconds(3600));
    RateVersion v3 = aVersion(PROGRAMME, 3, T0.plusSeconds(7200));
    tx(() -> storage.rates().insert(v2));
    tx(() -> storage.rates().insert(v3));
    tx(() -> storage.rates().insert(v1));

    assertThat(tx(() -> storage.rates().versions(PROGRAMME))).containsExactly(v1, v2, v3);
    assertThat(tx(() -> storage.rates().latest(PROGRAMME))).contains(v3);
  }

  @Test
  void duplicateNumberOrEffectiveInstantIsRefusedAndWritesNothing() {
    RateVersion v1 = aVersion(PROGRAMME, 1, T0);
    tx(() -> storage.rates().insert(v1));

    RateVersion sameNumber =
        aVersion(
            PROGRAMME,
            1,
            T0.plusSeconds(60),
            Map.of(RateTarget.product("other"), Rate.percent("5")));
    RateVersion sameInstant =
        aVersion(PROGRAMME, 2, T0, Map.of(RateTarget.product("other"), Rate.percent("5")));
    assertThat(tx(() -> storage.rates().insert(sameNumber))).isFalse();
    assertThat(tx(() -> storage.rates().insert(sameInstant))).isFalse();

    assertThat(tx(() -> storage.rates().versions(PROGRAMME))).containsExactly(v1);
  }

  @Test
  void inForceAtPicksTheLatestStartedVersionAroundEachBoundary() {
    Instant second = T0.plusSeconds(3600);
    RateVersion v1 = aVersion(PROGRAMME, 1, T0, Map.of(RateTarget.product("a"), Rate.percent("1")));
    RateVersion v2 =
        aVersion(PROGRAMME, 2, second, Map.of(RateTarget.product("a"), Rate.percent("2")));
    tx(() -> storage.rates().insert(v1));
    tx(() -> storage.rates().insert(v2));

    assertThat(tx(() -> storage.rates().inForceAt(PROGRAMME, T0.minusNanos(1_000)))).isEmpty();
    assertThat(tx(() -> storage.rates().inForceAt(PROGRAMME, T0))).contains(v1);
    assertThat(tx(() -> storage.rates().inForceAt(PROGRAMME, second.minusNanos(1_000))))
        .contains(v1);
    assertThat(tx(() -> storage.rates().inForceAt(PROGRAMME, second))).contains(v2);
    assertThat(
            tx(
                () ->
                    storage
                        .rates()
                        .inForceAt(PROGRAMME, Instant.parse("2999-12-31T23:59:59.999999Z"))))
        .contains(v2);
  }

  @Test
  void inForceForReadsBothScopesAsInForceAtDoesAroundEachBoundary() {
    PartnerId p1 = PartnerId.of("p-1");
    PartnerId p2 = PartnerId.of("p-2");
    Instant override1 = T0.plusSeconds(1800);
    Instant programme2 = T0.plusSeconds(3600);
    Instant override2 = T0.plusSeconds(7200);
    List<RateVersion> versions =
        List.of(
            aVersion(
                PROGRAMME,
                1,
                T0,
                Map.of(
                    RateTarget.product("a"), Rate.percent("1"),
                    RateTarget.group("g"), Rate.fixed(Money.of("2.50", "EUR")))),
            aVersion(PROGRAMME, 2, programme2, Map.of(RateTarget.product("a"), Rate.percent("2"))),
            aVersion(
                Optional.of(p1), 1, override1, Map.of(RateTarget.product("a"), Rate.percent("20"))),
            aVersion(Optional.of(p1), 2, override2, Map.of()), // an override ended by no rates
            aVersion(
                Optional.of(p2), 1, override2, Map.of(RateTarget.product("b"), Rate.percent("7"))));
    versions.forEach(v -> assertThat(tx(() -> storage.rates().insert(v))).isTrue());

    for (Instant at :
        List.of(
            T0.minusNanos(1_000),
            T0,
            override1.minusNanos(1_000),
            override1,
            programme2,
            override2.minusNanos(1_000),
            override2,
            Instant.parse("2999-12-31T23:59:59.999999Z"))) {
      for (PartnerId partner : List.of(p1, p2, PartnerId.of("p-none"))) {
        RateStore.InForce both = tx(() -> storage.rates().inForceFor(partner, at));
        assertThat(both)
            .as("%s at %s", partner, at)
            .isEqualTo(
                new RateStore.InForce(
                    tx(() -> storage.rates().inForceAt(PROGRAMME, at)),
                    tx(() -> storage.rates().inForceAt(Optional.of(partner), at))));
      }
    }
    RateStore.InForce early = tx(() -> storage.rates().inForceFor(p1, override1));
    assertThat(early.programme()).contains(versions.get(0));
    assertThat(early.partner()).contains(versions.get(2));
    RateStore.InForce late = tx(() -> storage.rates().inForceFor(p1, override2));
    assertThat(late.programme()).contains(versions.get(1));
    assertThat(late.partner()).contains(versions.get(3));
    assertThat(tx(() -> storage.rates().inForceFor(p2, T0)))
        .isEqualTo(new RateStore.InForce(Optional.of(versions.get(0)), Optional.empty()));
    assertThat(tx(() -> storage.rates().inForceFor(p2, T0.minusNanos(1_000))))
        .isEqualTo(new RateStore.InForce(Optional.empty(), Optional.empty()));
  }

  @Test
  void scopesAreIndependent() {
    Optional<PartnerId> p1 = Optional.of(PartnerId.of("p-1"));
    Optional<PartnerId> p2 = Optional.of(PartnerId.of("p-2"));
    RateVersion wide =
        aVersion(PROGRAMME, 1, T0, Map.of(RateTarget.product("a"), Rate.percent("1")));
    RateVersion override = aVersion(p1, 1, T0, Map.of(RateTarget.product("a"), Rate.percent("20")));
    assertThat(tx(() -> storage.rates().insert(wide))).isTrue();
    assertThat(tx(() -> storage.rates().insert(override))).isTrue();

    assertThat(tx(() -> storage.rates().latest(PROGRAMME))).contains(wide);
    assertThat(tx(() -> storage.rates().latest(p1))).contains(override);
    assertThat(tx(() -> storage.rates().inForceAt(p1, T0))).contains(override);
    assertThat(tx(() -> storage.rates().versions(p1))).containsExactly(override);
    assertThat(tx(() -> storage.rates().latest(p2))).isEmpty();
    assertThat(tx(() -> storage.rates().inForceAt(p2, T0))).isEmpty();
  }

  // ---------------------------------------------------------------- TransactionBoundary + outbox

  @Test
  void executeReturnsTheWorksResultAndCommitsWritesAndEventsTogether() {
    PartnerEnrolled event = anEvent("p-1");
    String result =
        tx(
            () -> {
              storage.partners().insert(aPartner("p-1", "cust-1"));
              outbox().publish(event);
              return "done";
            });

    assertThat(result).isEqualTo("done");
    assertThat(tx(() -> storage.partners().findById(PartnerId.of("p-1")))).isPresent();
    assertThat(publishedEventIds(storage)).containsExactly(event.eventId());
  }

  @Test
  void failedUnitOfWorkStoresNothingAndPublishesNothing() {
    IllegalStateException boom = new IllegalStateException("boom");
    assertThatThrownBy(
            () ->
                txRun(
                    () -> {
                      storage.partners().insert(aPartner("p-1", "cust-1"));
                      storage
                          .partners()
                          .appendPayoutAccountChange(
                              new PayoutAccountChange(PartnerId.of("p-1"), 1, anAccount(), T0));
                      storage.codes().insert(aCode("ABCD2345", "p-1", T0));
                      storage.rates().insert(aVersion(PROGRAMME, 1, T0));
                      outbox().publish(anEvent("p-1"));
                      throw boom;
                    }))
        .isSameAs(boom);

    assertThat(tx(() -> storage.partners().findById(PartnerId.of("p-1")))).isEmpty();
    assertThat(tx(() -> storage.partners().payoutAccountHistory(PartnerId.of("p-1")))).isEmpty();
    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("ABCD2345")))).isEmpty();
    assertThat(tx(() -> storage.rates().versions(PROGRAMME))).isEmpty();
    assertThat(publishedEventIds(storage)).isEmpty();
  }

  @Test
  void failedUnitOfWorkUndoesUpdatesAndRevocations() {
    Partner partner = aPartner("p-1", "cust-1");
    IssuedCode code = aCode("ABCD2345", "p-1", T0);
    txRun(
        () -> {
          storage.partners().insert(partner);
          storage.codes().insert(code);
        });

    assertThatThrownBy(
            () ->
                txRun(
                    () -> {
                      storage.partners().update(partner.suspend(T0.plusSeconds(1)));
                      storage.codes().revoke(code.code(), T0.plusSeconds(1));
                      throw new ConflictException("refused");
                    }))
        .isInstanceOf(ConflictException.class);

    assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(partner);
    assertThat(tx(() -> storage.codes().find(code.code()))).contains(code);
  }

  @Test
  void nestedExecuteJoinsTheOuterUnitOfWork() {
    PartnerSuspended event =
        new PartnerSuspended(UUID.randomUUID(), T0, PartnerId.of("p-1"), "review");
    assertThatThrownBy(
            () ->
                txRun(
                    () -> {
                      storage.partners().insert(aPartner("p-1", "cust-1"));
                      Optional<Partner> seenInside =
                          storage
                              .transactions()
                              .execute(
                                  () -> {
                                    outbox().publish(event);
                                    storage.codes().insert(aCode("ABCD2345", "p-1", T0));
                                    return storage.partners().findById(PartnerId.of("p-1"));
                                  });
                      assertThat(seenInside).isPresent();
                      throw new IllegalStateException("outer fails after inner returned");
                    }))
        .isInstanceOf(IllegalStateException.class);

    assertThat(tx(() -> storage.partners().findById(PartnerId.of("p-1")))).isEmpty();
    assertThat(tx(() -> storage.codes().find(ReferralCode.parse("ABCD2345")))).isEmpty();
    assertThat(publishedEventIds(storage)).isEmpty();
  }

  @Test
  void eventsAreKeptInPublicationOrderAcrossUnits() {
    RateVersionAdded programmeWide =
        new RateVersionAdded(UUID.randomUUID(), T0, Optional.empty(), 1, T0.plusSeconds(60));
    PartnerEnrolled enrolled = anEvent("p-1");
    PartnerSuspended suspended =
        new PartnerSuspended(UUID.randomUUID(), T0, PartnerId.of("p-1"), "fraud review");
    txRun(
        () -> {
          outbox().publish(programmeWide);
          outbox().publish(enrolled);
        });
    txRun(() -> outbox().publish(suspended));

    assertThat(publishedEventIds(storage))
        .containsExactly(programmeWide.eventId(), enrolled.eventId(), suspended.eventId());
  }

  // ---------------------------------------------------------------- concurrency

  @Test
  void twoInsertsForOneAccountAtOnceStoreExactlyOnePartner() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      String account = "race-" + round;
      int r = round;
      List<Boolean> inserted =
          race(2, i -> () -> storage.partners().insert(aPartner("p-" + r + "-" + i, account)));

      assertThat(inserted).as("round %d", round).containsExactlyInAnyOrder(true, false);
      PartnerId winner = PartnerId.of("p-" + round + "-" + inserted.indexOf(true));
      assertThat(tx(() -> storage.partners().findByCustomerAccount(CustomerAccountId.of(account))))
          .map(Partner::id)
          .contains(winner);
    }
  }

  @Test
  void twoInsertsOfOneCodeAtOnceStoreItOnce() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      String code = "RACE-" + round;
      List<Boolean> inserted =
          race(2, i -> () -> storage.codes().insert(aCode(code, "p-" + i, T0)));

      assertThat(inserted).as("round %d", round).containsExactlyInAnyOrder(true, false);
      assertThat(tx(() -> storage.codes().find(ReferralCode.parse(code))))
          .map(IssuedCode::partnerId)
          .contains(PartnerId.of("p-" + inserted.indexOf(true)));
    }
  }

  @Test
  void twoInsertsOfOneRateVersionAtOnceStoreItOnce() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      Optional<PartnerId> scope = Optional.of(PartnerId.of("p-" + round));
      List<Boolean> inserted =
          race(
              2,
              i ->
                  () ->
                      storage
                          .rates()
                          .insert(
                              aVersion(
                                  scope,
                                  1,
                                  T0.plusSeconds(i),
                                  Map.of(RateTarget.product("p" + i), Rate.percent("1")))));

      assertThat(inserted).as("round %d", round).containsExactlyInAnyOrder(true, false);
      assertThat(tx(() -> storage.rates().versions(scope))).hasSize(1);
    }
  }

  @Test
  void twoUpdatesOfOneVersionAtOnceLetExactlyOneWin() throws Exception {
    for (int round = 0; round < RACE_ROUNDS; round++) {
      Partner partner = aPartner("p-" + round, "cust-" + round);
      tx(() -> storage.partners().insert(partner));
      List<Outcome<Partner>> outcomes =
          raceOutcomes(
              2,
              i ->
                  () -> {
                    Partner next = i == 0 ? partner.suspend(T0.plusSeconds(1)) : partner.leave(T0);
                    storage.partners().update(next);
                    return next;
                  });

      List<Partner> winners = new ArrayList<>();
      for (Outcome<Partner> o : outcomes) {
        if (o.failure() == null) {
          winners.add(o.result());
        } else {
          assertThat(o.failure()).isInstanceOf(RetryableException.class);
        }
      }
      assertThat(winners).as("round %d", round).hasSize(1);
      assertThat(tx(() -> storage.partners().findById(partner.id()))).contains(winners.get(0));
    }
  }

  @Test
  void twoEnrolmentsOfOneCustomerThroughTheFacadeMakeOnePartnerAndNoError() throws Exception {
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(Clock.fixed(T0, ZoneOffset.UTC))
            .random(new Random(42))
            .build();
    for (int round = 0; round < RACE_ROUNDS / 2; round++) {
      EnrollPartnerCommand command =
          EnrollPartnerCommand.of("enrol-" + round).withPayoutAccount(anAccount());
      int before = publishedEventIds(storage).size();
      List<EnrollmentResult> results = new ArrayList<>();
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<EnrollmentResult>> futures = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
          futures.add(
              pool.submit(
                  () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return program.partners().enroll(command);
                  }));
        }
        for (Future<EnrollmentResult> f : futures) {
          results.add(f.get(30, TimeUnit.SECONDS));
        }
      } finally {
        pool.shutdownNow();
      }

      assertThat(results)
          .extracting(EnrollmentResult::outcome)
          .containsExactlyInAnyOrder(
              EnrollmentResult.Outcome.NEW_PARTNER, EnrollmentResult.Outcome.ALREADY_MEMBER);
      assertThat(results.get(0).partner().id()).isEqualTo(results.get(1).partner().id());
      Partner stored =
          tx(() -> storage.partners().findByCustomerAccount(command.customerAccountId()))
              .orElseThrow();
      assertThat(stored.id()).isEqualTo(results.get(0).partner().id());
      assertThat(tx(() -> storage.codes().findByPartner(stored.id()))).hasSize(1);
      // enrolled, payout account changed, code issued: once.
      assertThat(publishedEventIds(storage)).hasSize(before + 3);
    }
  }

  // ---------------------------------------------------------------- leaving and enrolling again

  private List<IssuedCode> codesOf(PartnerId partner) {
    return tx(() -> storage.codes().findByPartner(partner));
  }

  private static Balance balanceOf(ProgramFixture f) {
    return f.program.partners().overview(f.partner.id()).orElseThrow().balance();
  }

  private static EnrollmentResult enrolAgain(ProgramFixture f) {
    return f.program
        .partners()
        .enroll(EnrollPartnerCommand.of(f.partner.customerAccountId().value()));
  }

  @Test
  void aCustomerWhoLeftEnrolsAgainAsTheSamePartnerWithOnlyAFreshCodeLive() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    List<IssuedCode> earlier = codesOf(f.partner.id());
    assertThat(earlier).hasSize(2).allMatch(IssuedCode::isLive); // the random one and jan-hosting
    f.clock.advance(Duration.ofDays(1));
    f.program.partners().leave(f.partner.id());
    f.clock.advance(Duration.ofDays(20));
    int eventsBefore = publishedEventIds(storage).size();

    EnrollmentResult again = enrolAgain(f);

    assertThat(again.outcome()).isEqualTo(EnrollmentResult.Outcome.REJOINED);
    Partner stored = tx(() -> storage.partners().findById(f.partner.id())).orElseThrow();
    assertThat(again.partner()).isEqualTo(stored);
    assertThat(stored.status()).isEqualTo(PartnerStatus.ACTIVE);
    assertThat(stored.enrolledAt()).isEqualTo(f.partner.enrolledAt());
    assertThat(stored.statusChangedAt()).isEqualTo(f.clock.instant());
    IssuedCode fresh = again.issuedCode().orElseThrow();
    List<IssuedCode> codes = codesOf(f.partner.id());
    assertThat(codes).filteredOn(IssuedCode::isLive).containsExactly(fresh);
    assertThat(codes)
        .filteredOn(c -> !c.isLive())
        .extracting(IssuedCode::code, IssuedCode::revokedAt)
        .containsExactlyInAnyOrder(
            earlier.stream()
                .map(c -> tuple(c.code(), Optional.of(f.clock.instant())))
                .toArray(Tuple[]::new));
    // rejoined, two codes revoked, one issued
    assertThat(publishedEventIds(storage)).hasSize(eventsBefore + 4);
    assertThat(
            f.program
                .referrals()
                .recordTouch(RecordTouchCommand.of("jan-hosting", "v-after-rejoin")))
        .isEqualTo(new TouchResult.Ignored(TouchResult.Why.CODE_REVOKED));
  }

  @Test
  void aRedeliveredReEnrolmentIsAlreadyAMemberAndWritesNothing() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.program.partners().leave(f.partner.id());
    f.clock.advance(Duration.ofDays(3));
    EnrollmentResult rejoined = enrolAgain(f);
    assertThat(rejoined.outcome()).isEqualTo(EnrollmentResult.Outcome.REJOINED);
    List<IssuedCode> codes = codesOf(f.partner.id());
    int events = publishedEventIds(storage).size();
    f.clock.advance(Duration.ofMinutes(5));

    EnrollmentResult redelivered =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of(f.partner.customerAccountId().value())
                    .withPayoutAccount(PayoutAccount.of("BE68539007547034", "Jan de Vries")));

    assertThat(redelivered.outcome()).isEqualTo(EnrollmentResult.Outcome.ALREADY_MEMBER);
    assertThat(redelivered.issuedCode()).isEmpty();
    assertThat(redelivered.partner()).isEqualTo(rejoined.partner());
    assertThat(tx(() -> storage.partners().findById(f.partner.id()))).contains(rejoined.partner());
    assertThat(codesOf(f.partner.id())).isEqualTo(codes);
    assertThat(tx(() -> storage.partners().payoutAccountHistory(f.partner.id()))).hasSize(1);
    assertThat(publishedEventIds(storage)).hasSize(events);
  }

  @Test
  void aPayoutAccountGivenAtReEnrolmentReplacesTheOneOnFileWithAHistoryRow() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    f.program.partners().leave(f.partner.id());
    f.clock.advance(Duration.ofDays(3));
    PayoutAccount other = PayoutAccount.of("BE68539007547034", "Jan de Vries");

    EnrollmentResult again =
        f.program
            .partners()
            .enroll(
                EnrollPartnerCommand.of(f.partner.customerAccountId().value())
                    .withPayoutAccount(other));

    assertThat(again.partner().payoutAccount()).contains(other);
    assertThat(tx(() -> storage.partners().findById(f.partner.id())).orElseThrow().payoutAccount())
        .contains(other);
    assertThat(tx(() -> storage.partners().payoutAccountHistory(f.partner.id())))
        .containsExactly(
            new PayoutAccountChange(
                f.partner.id(), 1, f.partner.payoutAccount().orElseThrow(), ProgramFixture.START),
            new PayoutAccountChange(
                f.partner.id(), again.partner().version(), other, f.clock.instant()));
  }

  @Test
  void balancesCarryOnUnchangedThroughLeavingAndEnrollingAgainEvenANegativeOne() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    f.record(f.order("order-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    f.program
        .commissions()
        .recordPayment(
            new RecordPaymentCommand(
                EventId.of("pay-1"), OrderId.of("order-1"), f.clock.instant()));
    f.record(f.order("order-2", customer, ProgramFixture.line(1, "vps", "20.00"))); // pending
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(f.program.payouts().close(YearMonth.of(2026, 11), Acts.TEST).payoutTotal())
        .isEqualTo(ProgramFixture.eur("25.00"));
    // a refund of paid-out commission: 40.00 of 100.00 takes back 10.00 of the 25.00 paid
    f.program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                EventId.of("refund-1"),
                OrderId.of("order-1"),
                f.clock.instant(),
                Map.of(1, ProgramFixture.eur("40.00"))));
    Balance before = balanceOf(f);
    assertThat(before.payable()).isEqualTo(ProgramFixture.eur("-10.00"));
    assertThat(before.pending()).isEqualTo(ProgramFixture.eur("2.50"));
    assertThat(before.inPayout()).isEqualTo(ProgramFixture.eur("25.00"));

    f.clock.advance(Duration.ofHours(1));
    f.program.partners().leave(f.partner.id());
    assertThat(balanceOf(f)).isEqualTo(before);
    f.clock.advance(Duration.ofDays(5));
    assertThat(enrolAgain(f).outcome()).isEqualTo(EnrollmentResult.Outcome.REJOINED);

    assertThat(balanceOf(f)).isEqualTo(before);
  }

  @Test
  void ordersPlacedWhileAwayEarnNothingEvenWhenReportedAfterTheRejoinAndLaterOnesEarnAgain() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    CustomerAccountId customer = f.referredCustomer("new-1");
    Instant beforeLeaving = f.clock.instant();
    f.clock.advance(Duration.ofDays(1));
    f.program.partners().leave(f.partner.id());
    f.clock.advance(Duration.ofDays(1));
    Instant whileAway = f.clock.instant();
    assertThat(recordVps(f, "away-1", customer, whileAway).notEarning())
        .contains(NotEarningReason.PARTNER_LEFT);
    f.clock.advance(Duration.ofDays(1));
    assertThat(enrolAgain(f).outcome()).isEqualTo(EnrollmentResult.Outcome.REJOINED);
    f.clock.advance(Duration.ofSeconds(1));

    // reported late, after the rejoin: placed while away earns nothing, placed before leaving does
    assertThat(recordVps(f, "away-2", customer, whileAway.plusSeconds(60)).notEarning())
        .contains(NotEarningReason.PARTNER_LEFT);
    OrderResult early = recordVps(f, "early", customer, beforeLeaving);
    assertThat(early.notEarning()).isEmpty();
    assertThat(early.lines())
        .extracting(l -> l.commission())
        .containsExactly(ProgramFixture.eur("2.50"));
    OrderResult back = recordVps(f, "back", customer, f.clock.instant());
    assertThat(back.notEarning()).isEmpty();
    assertThat(back.earningPartner()).contains(f.partner.id());
    assertThat(back.lines())
        .extracting(l -> l.commission())
        .containsExactly(ProgramFixture.eur("2.50"));
  }

  private static OrderResult recordVps(
      ProgramFixture f, String orderId, CustomerAccountId customer, Instant placedAt) {
    return f.program
        .commissions()
        .recordOrder(
            new RecordOrderCommand(
                EventId.of("order-" + orderId),
                new Order(
                    OrderId.of(orderId),
                    customer,
                    placedAt,
                    List.of(ProgramFixture.line(1, "vps", "20.00")))));
  }

  @Test
  void twoReEnrolmentsAtOnceRejoinOnceWithOneFreshCode() throws Exception {
    MutableClock clock = MutableClock.at(T0);
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(
                ProgramTerms.builder()
                    .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
                    .build())
            .storage(storage)
            .clock(clock)
            .random(new Random(7))
            .build();
    for (int round = 0; round < RACE_ROUNDS / 2; round++) {
      EnrollPartnerCommand command = EnrollPartnerCommand.of("rejoin-" + round);
      PartnerId id = program.partners().enroll(command).partner().id();
      program.partners().leave(id);
      clock.advance(Duration.ofSeconds(10));
      int before = publishedEventIds(storage).size();

      List<Outcome<EnrollmentResult>> outcomes =
          raceOutcomes(2, i -> () -> program.partners().enroll(command));

      List<EnrollmentResult.Outcome> results = new ArrayList<>();
      for (Outcome<EnrollmentResult> o : outcomes) {
        if (o.failure() != null) {
          // the loser of the race may be told to try again; it writes nothing
          assertThat(o.failure()).as("round %d", round).isInstanceOf(RetryableException.class);
        } else {
          results.add(o.result().outcome());
        }
      }
      assertThat(results).as("round %d", round).containsOnlyOnce(EnrollmentResult.Outcome.REJOINED);
      assertThat(results)
          .as("round %d", round)
          .doesNotContain(EnrollmentResult.Outcome.NEW_PARTNER);
      assertThat(codesOf(id)).filteredOn(IssuedCode::isLive).hasSize(1);
      assertThat(codesOf(id)).hasSize(2);
      // rejoined, one code revoked, one issued: once
      assertThat(publishedEventIds(storage)).as("round %d", round).hasSize(before + 3);
      assertThat(program.partners().enroll(command).outcome())
          .isEqualTo(EnrollmentResult.Outcome.ALREADY_MEMBER);
    }
  }
}
