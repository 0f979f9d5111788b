package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;
import org.partnerprogram.core.domain.AuditDraft;
import org.partnerprogram.core.domain.AuditHead;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.out.AuditStore;

/**
 * The audit trail in memory: a list in sequence order. Appends are serialised by the units' one
 * lock, so the head is simply the last record.
 */
final class InMemoryAudit implements AuditStore {
  private static final Comparator<AuditRecord> NEWEST_FIRST =
      Comparator.comparing(AuditRecord::recordedAt)
          .thenComparingLong(AuditRecord::sequence)
          .reversed();

  private final MemoryUnits units;
  private final List<AuditRecord> records = new ArrayList<>();

  InMemoryAudit(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public AuditRecord append(AuditDraft draft) {
    AuditRecord record = draft.chainedAfter(head());
    units.append(records, record);
    return record;
  }

  @Override
  public AuditHead head() {
    units.unit();
    return records.isEmpty() ? AuditHead.EMPTY : AuditHead.of(records.get(records.size() - 1));
  }

  @Override
  public List<AuditRecord> ofPartner(PartnerId partnerId, OptionalLong beforeSequence, int limit) {
    return newestFirst(r -> r.partnerId().equals(Optional.of(partnerId)), beforeSequence, limit);
  }

  @Override
  public List<AuditRecord> ofActor(String actor, OptionalLong beforeSequence, int limit) {
    return newestFirst(r -> r.actor().equals(actor), beforeSequence, limit);
  }

  private List<AuditRecord> newestFirst(
      Predicate<AuditRecord> wanted, OptionalLong beforeSequence, int limit) {
    units.unit();
    List<AuditRecord> page = new ArrayList<>();
    for (int i = records.size() - 1; i >= 0 && page.size() < limit; i--) {
      AuditRecord r = records.get(i);
      if ((beforeSequence.isEmpty() || r.sequence() < beforeSequence.getAsLong())
          && wanted.test(r)) {
        page.add(r);
      }
    }
    return List.copyOf(page);
  }

  @Override
  public List<AuditRecord> inPeriod(
      Instant from, Instant to, Optional<AuditKey> before, int limit) {
    units.unit();
    return records.stream()
        .filter(r -> !r.recordedAt().isBefore(from) && r.recordedAt().isBefore(to))
        .filter(
            r ->
                before.isEmpty()
                    || r.recordedAt().isBefore(before.get().recordedAt())
                    || (r.recordedAt().equals(before.get().recordedAt())
                        && r.sequence() < before.get().sequence()))
        .sorted(NEWEST_FIRST)
        .limit(limit)
        .toList();
  }

  @Override
  public List<AuditRecord> chain(long afterSequence, int limit) {
    units.unit();
    return records.stream().filter(r -> r.sequence() > afterSequence).limit(limit).toList();
  }
}
