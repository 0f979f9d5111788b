package org.partnerprogram.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.adapter.memory.InMemoryStorage;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.AuditVerification.Problem;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * Verification reads what storage returns and finds where the chain breaks, whatever the adapter:
 * here a store that shows one record changed (as a database row updated behind the SDK's back would
 * read) or leaves one out.
 */
class AuditVerificationTest {
  private static final Act OPS = Act.by("ops@host.example", "fraud review");

  /** In-memory storage whose audit trail is read through a distortion of its records. */
  private static final class Distorted extends BrokenStorages.Delegating {
    private final InMemoryStorage real;
    UnaryOperator<List<AuditRecord>> distortion = UnaryOperator.identity();

    Distorted(InMemoryStorage real) {
      super(real);
      this.real = real;
    }

    @Override
    public AuditStore audit() {
      AuditStore store = real.audit();
      return new AuditStore() {
        @Override
        public AuditRecord append(AuditDraft draft) {
          return store.append(draft);
        }

        @Override
        public AuditHead head() {
          return store.head();
        }

        @Override
        public List<AuditRecord> ofPartner(PartnerId p, OptionalLong before, int limit) {
          return store.ofPartner(p, before, limit);
        }

        @Override
        public List<AuditRecord> ofActor(String actor, OptionalLong before, int limit) {
          return store.ofActor(actor, before, limit);
        }

        @Override
        public List<AuditRecord> inPeriod(
            Instant from, Instant to, Optional<AuditKey> before, int limit) {
          return store.inPeriod(from, to, before, limit);
        }

        @Override
        public List<AuditRecord> chain(long afterSequence, int limit) {
          return distortion.apply(store.chain(afterSequence, limit));
        }
      };
    }
  }

  private static ProgramFixture withRecords(Distorted storage, int pairs) {
    ProgramFixture f = ProgramFixture.on(storage, b -> b);
    for (int i = 0; i < pairs; i++) {
      f.program.partners().suspend(f.partner.id(), OPS);
      f.program.partners().reinstate(f.partner.id(), OPS);
    }
    return f;
  }

  @Test
  void aChangedReasonIsAHashMismatchAtItsRecord() {
    Distorted storage = new Distorted(new InMemoryStorage());
    ProgramFixture f = withRecords(storage, 2); // records 1 (the fixture's rates) to 5
    assertThat(f.program.audit().verify().intact()).isTrue();
    storage.distortion =
        page ->
            page.stream()
                .map(
                    r ->
                        r.sequence() != 3
                            ? r
                            : new AuditRecord(
                                r.sequence(),
                                r.recordedAt(),
                                r.actor(),
                                r.action(),
                                r.partnerId(),
                                r.subject(),
                                "routine check",
                                r.hash()))
                .toList();
    AuditVerification v = f.program.audit().verify();
    assertThat(v.firstBreak())
        .get()
        .extracting(b -> b.sequence(), b -> b.problem())
        .containsExactly(3L, Problem.HASH_MISMATCH);
    assertThat(v.recordsChecked()).isEqualTo(3);
  }

  @Test
  void aMissingRecordIsAGapAtItsSequenceAcrossPages() {
    Distorted storage = new Distorted(new InMemoryStorage());
    // more than one verification page (500 records)
    ProgramFixture f = withRecords(storage, 300);
    AuditVerification intact = f.program.audit().verify();
    assertThat(intact.intact()).isTrue();
    assertThat(intact.recordsChecked()).isEqualTo(601);
    storage.distortion = page -> page.stream().filter(r -> r.sequence() != 555).toList();
    AuditVerification v = f.program.audit().verify();
    assertThat(v.firstBreak())
        .get()
        .extracting(b -> b.sequence(), b -> b.problem())
        .containsExactly(555L, Problem.GAP);
  }
}
