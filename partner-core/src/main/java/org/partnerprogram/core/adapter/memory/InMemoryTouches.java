package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.core.port.out.TouchStore;

/** Clicks on referral links, in memory. */
final class InMemoryTouches implements TouchStore {
  private final MemoryUnits units;
  private final List<Touch> touchLog = new ArrayList<>();

  InMemoryTouches(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public void insert(Touch touch) {
    units.append(touchLog, touch);
  }

  @Override
  public List<Touch> findByVisitor(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    units.unit();
    return touchLog.stream()
        .filter(t -> t.visitorId().equals(visitorId))
        .filter(t -> !t.at().isBefore(fromInclusive) && !t.at().isAfter(toInclusive))
        .sorted(Comparator.comparing(Touch::at).thenComparing(t -> t.code().value()))
        .toList();
  }

  @Override
  public long countByPartner(PartnerId partnerId) {
    units.unit();
    return touchLog.stream().filter(t -> t.partnerId().equals(partnerId)).count();
  }

  @Override
  public PurgedTouches deleteTouchedBetween(Instant fromInclusive, Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    units.unit();
    // The oldest touches of the range, by position: equal touches may be stored twice.
    List<Integer> doomed =
        IntStream.range(0, touchLog.size())
            .filter(i -> !touchLog.get(i).at().isBefore(fromInclusive))
            .filter(i -> touchLog.get(i).at().isBefore(cutoff))
            .boxed()
            .sorted(Comparator.comparing(i -> touchLog.get(i).at()))
            .limit(limit)
            .toList();
    if (doomed.isEmpty()) {
      return PurgedTouches.NONE;
    }
    Instant latest = touchLog.get(doomed.get(doomed.size() - 1)).at();
    BitSet positions = new BitSet();
    doomed.forEach(positions::set);
    units.removeAt(touchLog, positions);
    return PurgedTouches.of(doomed.size(), latest);
  }

  @Override
  public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
    units.unit();
    int changed = 0;
    for (int i = 0; i < touchLog.size(); i++) {
      Touch touch = touchLog.get(i);
      if (touch.visitorId().equals(visitor)) {
        units.set(touchLog, i, touch.withVisitor(replacement));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
    units.unit();
    int changed = 0;
    for (int i = 0; i < touchLog.size(); i++) {
      Touch touch = touchLog.get(i);
      if (touch.partnerId().equals(partnerId) && touch.code().equals(code)) {
        units.set(touchLog, i, touch.withCode(replacement));
        changed++;
      }
    }
    return changed;
  }

  /** The clicks in append order, live: the report store reads them. */
  List<Touch> touchLog() {
    return touchLog;
  }
}
