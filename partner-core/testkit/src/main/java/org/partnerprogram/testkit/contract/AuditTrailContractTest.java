package org.partnerprogram.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.out.AuditStore.AuditKey;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * The contract of the audit trail ({@code AuditStore}), which every {@link ProgramStorage} must
 * pass: appends chain from the genesis hash with gapless sequences and the head following them;
 * records come back exactly as appended (microsecond instants, texts, an absent partner); two
 * appenders racing make one gapless chain; each query (per partner, per actor, per period) pages by
 * keyset, newest first, without skipping or repeating a record; and the acts of a programme on this
 * storage each write one record, after which {@code audit().verify()} finds the chain intact.
 *
 * @param <S> the storage type under test
 */
public abstract class AuditTrailContractTest<S extends ProgramStorage>
    extends StorageContractSupport<S> {

  private static final Instant T0 = Instant.parse("2026-11-02T09:00:00.123456Z");
  private static final PartnerId ANNA = PartnerId.of("p-anna");
  private static final PartnerId BERT = PartnerId.of("p-bert");
  private static final Act ALICE = Act.by("alice@host.example", "fraud review #4711 — Zoë ✓");
  private static final Act JOB = Act.by("job:monthly-close", "monthly close");

  private AuditDraft draft(Instant at, Act act, AuditAction action, Optional<PartnerId> partner) {
    return new AuditDraft(at, act, action, partner, partner.isPresent() ? "" : "2026-10");
  }

  private AuditRecord append(AuditDraft draft) {
    return tx(() -> storage.audit().append(draft));
  }

  @Test
  void anEmptyTrailHasTheGenesisHeadAndNoRecords() {
    assertThat(tx(() -> storage.audit().head())).isEqualTo(AuditHead.EMPTY);
    assertThat(tx(() -> storage.audit().chain(0, 10))).isEmpty();
    assertThat(tx(() -> storage.audit().ofPartner(ANNA, OptionalLong.empty(), 10))).isEmpty();
    assertThat(tx(() -> storage.audit().ofActor(ALICE.actor(), OptionalLong.empty(), 10)))
        .isEmpty();
    assertThat(
            tx(
                () ->
                    storage
                        .audit()
                        .inPeriod(Instant.EPOCH, T0.plusSeconds(1), Optional.empty(), 10)))
        .isEmpty();
  }

  @Test
  void appendsChainFromTheGenesisAndComeBackAsAppended() {
    AuditRecord first = append(draft(T0, ALICE, AuditAction.PARTNER_SUSPENDED, Optional.of(ANNA)));
    AuditRecord second =
        append(draft(T0.plusSeconds(1), JOB, AuditAction.MONTH_CLOSED, Optional.empty()));
    AuditRecord third =
        append(
            new AuditDraft(
                T0.plusSeconds(2),
                ALICE,
                AuditAction.PAYOUT_PAID,
                Optional.of(BERT),
                "PO-01HX:2026/11+a.b_c-d@e"));

    assertThat(List.of(first.sequence(), second.sequence(), third.sequence()))
        .containsExactly(1L, 2L, 3L);
    assertThat(first.hash()).isEqualTo(first.expectedHash(AuditRecord.GENESIS_HASH));
    assertThat(second.hash()).isEqualTo(second.expectedHash(first.hash()));
    assertThat(third.hash()).isEqualTo(third.expectedHash(second.hash()));
    assertThat(first.recordedAt()).isEqualTo(T0);
    assertThat(first.reason()).isEqualTo(ALICE.reason());
    assertThat(second.partnerId()).isEmpty();
    assertThat(tx(() -> storage.audit().head())).isEqualTo(new AuditHead(3, third.hash()));
    assertThat(tx(() -> storage.audit().chain(0, 10))).containsExactly(first, second, third);
    assertThat(tx(() -> storage.audit().chain(1, 1))).containsExactly(second);
    assertThat(tx(() -> storage.audit().chain(3, 10))).isEmpty();
  }

  @Test
  void anAppendInAUnitThatFailsLeavesNeitherRecordNorHead() {
    AuditRecord kept = append(draft(T0, ALICE, AuditAction.PARTNER_SUSPENDED, Optional.of(ANNA)));
    try {
      tx(
          () -> {
            storage
                .audit()
                .append(draft(T0, ALICE, AuditAction.PARTNER_REINSTATED, Optional.of(ANNA)));
            throw new IllegalStateException("the act fails after its record");
          });
    } catch (IllegalStateException expected) {
      // the unit of work is rolled back
    }
    assertThat(tx(() -> storage.audit().head())).isEqualTo(AuditHead.of(kept));
    assertThat(tx(() -> storage.audit().chain(0, 10))).containsExactly(kept);
    AuditRecord next = append(draft(T0, ALICE, AuditAction.PARTNER_REINSTATED, Optional.of(ANNA)));
    assertThat(next.sequence()).isEqualTo(2);
    assertThat(next.hash()).isEqualTo(next.expectedHash(kept.hash()));
  }

  @Test
  void twoAppendersRacingMakeOneGaplessChain() throws Exception {
    int rounds = 10;
    for (int round = 0; round < rounds; round++) {
      Instant at = T0.plusSeconds(round);
      race(
          2,
          i ->
              () ->
                  storage
                      .audit()
                      .append(
                          draft(
                              at,
                              i == 0 ? ALICE : JOB,
                              AuditAction.RATE_VERSION_ADDED,
                              Optional.of(i == 0 ? ANNA : BERT))));
    }
    List<AuditRecord> chain = tx(() -> storage.audit().chain(0, 100));
    assertThat(chain).hasSize(2 * rounds);
    String previous = AuditRecord.GENESIS_HASH;
    for (int i = 0; i < chain.size(); i++) {
      AuditRecord r = chain.get(i);
      assertThat(r.sequence()).isEqualTo(i + 1L);
      assertThat(r.hash()).isEqualTo(r.expectedHash(previous));
      previous = r.hash();
    }
    assertThat(tx(() -> storage.audit().head())).isEqualTo(new AuditHead(2L * rounds, previous));
  }

  /** Records of two partners, two actors and some without a partner, over a few instants. */
  private List<AuditRecord> mixedTrail() {
    List<AuditRecord> all = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      Optional<PartnerId> partner =
          i % 5 == 4 ? Optional.empty() : Optional.of(i % 2 == 0 ? ANNA : BERT);
      // Three records share each instant, so pages break inside a group of equal times.
      all.add(
          append(
              draft(
                  T0.plusSeconds(i / 3),
                  i % 3 == 0 ? JOB : ALICE,
                  AuditAction.PAYOUT_FAILED,
                  partner)));
    }
    return all;
  }

  /** Reads every page of a query by keyset on the sequence, checking each page's size. */
  private List<AuditRecord> allPages(Function<OptionalLong, List<AuditRecord>> page, int limit) {
    List<AuditRecord> read = new ArrayList<>();
    OptionalLong before = OptionalLong.empty();
    while (true) {
      OptionalLong b = before;
      List<AuditRecord> rows = tx(() -> page.apply(b));
      assertThat(rows.size()).isLessThanOrEqualTo(limit);
      read.addAll(rows);
      if (rows.size() < limit) {
        return read;
      }
      before = OptionalLong.of(rows.get(rows.size() - 1).sequence());
    }
  }

  private static List<AuditRecord> newestFirst(List<AuditRecord> records) {
    return records.stream()
        .sorted(Comparator.comparingLong(AuditRecord::sequence).reversed())
        .toList();
  }

  @Test
  void aPartnersRecordsPageByKeysetNewestFirst() {
    List<AuditRecord> all = mixedTrail();
    List<AuditRecord> anna =
        newestFirst(all.stream().filter(r -> r.partnerId().equals(Optional.of(ANNA))).toList());
    assertThat(allPages(b -> storage.audit().ofPartner(ANNA, b, 4), 4))
        .containsExactlyElementsOf(anna);
    assertThat(tx(() -> storage.audit().ofPartner(ANNA, OptionalLong.empty(), 2)))
        .containsExactlyElementsOf(anna.subList(0, 2));
    assertThat(
            tx(() -> storage.audit().ofPartner(PartnerId.of("p-nobody"), OptionalLong.empty(), 5)))
        .isEmpty();
  }

  @Test
  void anActorsRecordsPageByKeysetNewestFirst() {
    List<AuditRecord> all = mixedTrail();
    List<AuditRecord> alice =
        newestFirst(all.stream().filter(r -> r.actor().equals(ALICE.actor())).toList());
    assertThat(allPages(b -> storage.audit().ofActor(ALICE.actor(), b, 5), 5))
        .containsExactlyElementsOf(alice);
    // compared exactly: another case is another actor
    assertThat(tx(() -> storage.audit().ofActor("ALICE@host.example", OptionalLong.empty(), 5)))
        .isEmpty();
  }

  @Test
  void aPeriodsRecordsPageByTimeThenSequenceNewestFirst() {
    List<AuditRecord> all = mixedTrail();
    Instant from = T0.plusSeconds(1); // records 3..
    Instant to = T0.plusSeconds(6); // .. up to and excluding 18
    List<AuditRecord> wanted =
        all.stream()
            .filter(r -> !r.recordedAt().isBefore(from) && r.recordedAt().isBefore(to))
            .sorted(
                Comparator.comparing(AuditRecord::recordedAt)
                    .thenComparingLong(AuditRecord::sequence)
                    .reversed())
            .toList();
    assertThat(wanted).hasSize(15);
    List<AuditRecord> read = new ArrayList<>();
    Optional<AuditKey> before = Optional.empty();
    while (true) {
      Optional<AuditKey> b = before;
      List<AuditRecord> rows = tx(() -> storage.audit().inPeriod(from, to, b, 4));
      read.addAll(rows);
      if (rows.size() < 4) {
        break;
      }
      before = Optional.of(AuditKey.of(rows.get(rows.size() - 1)));
    }
    assertThat(read).containsExactlyElementsOf(wanted);
  }

  @Test
  void everyActOfTheProgrammeWritesOneRecordAndTheChainVerifies() {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    PartnerId jan = f.partner.id();
    Act ops = Act.by("ops@host.example", "checked the statement");
    f.clock.set(f.clock.instant().plusSeconds(60)); // after the fixture's own rate version 1
    f.program
        .rates()
        .change(RateChange.programmeWide(ops).set(RateTarget.group("vps"), Rate.percent("12")));
    f.program.partners().suspend(jan, ops);
    f.program.partners().reinstate(jan, ops);
    CustomerAccountId customer = f.referredCustomer("c-1");
    f.record(f.order("order-1", customer, ProgramFixture.line(1, "shared-hosting", "100.00")));
    f.program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-1", "order-1", f.clock.instant()));
    YearMonth month = YearMonth.of(2026, 11);
    f.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    f.program.payouts().close(month, ops);
    f.program.payouts().close(month, ops); // closed already: nothing more
    ExportPayoutsCommand export =
        new ExportPayoutsCommand(
            month,
            PainVersion.PAIN_001_001_03,
            SepaDebtor.of("Hosting B.V.", "NL91ABNA0417164300"),
            LocalDate.parse("2026-12-02"),
            ops);
    f.program.payouts().export(export);
    f.program.payouts().export(export); // the same files again: nothing more
    Payout payout = f.payoutsOf(month).get(0);
    f.program.payouts().markPaid(payout.payoutId(), f.clock.instant(), ops);
    f.program.partners().leave(jan, ops);

    Page<AuditRecord> page = f.program.audit().records(AuditQuery.ofActor(ops.actor()));
    assertThat(page.next()).isEmpty();
    assertThat(page.items())
        .extracting(AuditRecord::action)
        .containsExactly(
            AuditAction.PARTNER_REMOVED,
            AuditAction.PAYOUT_PAID,
            AuditAction.PAYOUTS_EXPORTED,
            AuditAction.MONTH_CLOSED,
            AuditAction.PARTNER_REINSTATED,
            AuditAction.PARTNER_SUSPENDED,
            AuditAction.RATE_VERSION_ADDED);
    assertThat(page.items())
        .extracting(AuditRecord::subject)
        .containsExactly("", payout.payoutId().value(), "2026-11", "2026-11", "", "", "2");
    assertThat(page.items())
        .extracting(AuditRecord::partnerId)
        .containsExactly(
            Optional.of(jan),
            Optional.of(jan),
            Optional.empty(),
            Optional.empty(),
            Optional.of(jan),
            Optional.of(jan),
            Optional.empty());
    assertThat(page.items()).allSatisfy(r -> assertThat(r.reason()).isEqualTo(ops.reason()));
    assertThat(f.program.audit().records(AuditQuery.ofPartner(jan)).items()).hasSize(4);
    assertThat(f.program.audit().records(AuditQuery.ofMonth(YearMonth.of(2026, 12))).items())
        .extracting(AuditRecord::action)
        .containsExactly(
            AuditAction.PARTNER_REMOVED,
            AuditAction.PAYOUT_PAID,
            AuditAction.PAYOUTS_EXPORTED,
            AuditAction.MONTH_CLOSED);

    AuditVerification verified = f.program.audit().verify();
    assertThat(verified.intact()).as("%s", verified).isTrue();
    // and the fixture's own rate version 1, by the test kit's operator
    assertThat(verified.recordsChecked()).isEqualTo(8);
  }
}
