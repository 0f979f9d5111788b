package org.partnerprogram.core.adapter.memory;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.RetentionBatch;

/** Attribution decisions, in memory. */
final class InMemoryAttributions implements AttributionStore {
  private final MemoryUnits units;
  private final Map<CustomerAccountId, AttributionRecord> decisions = new HashMap<>();
  private final Map<EventId, Reattribution> reattributions = new HashMap<>();

  /** The decisions {@link #pseudonymiseInputsSignedUpBefore} took (the value is unused). */
  private final Map<CustomerAccountId, Boolean> inputsTaken = new HashMap<>();

  InMemoryAttributions(MemoryUnits units) {
    this.units = units;
  }

  @Override
  public boolean insert(AttributionRecord record) {
    units.unit();
    if (decisions.containsKey(record.customer())) {
      return false;
    }
    units.put(decisions, record.customer(), record);
    return true;
  }

  @Override
  public Optional<AttributionRecord> findByCustomer(CustomerAccountId customer) {
    units.unit();
    return Optional.ofNullable(decisions.get(customer));
  }

  @Override
  public void insertReattribution(Reattribution reattribution) {
    units.unit();
    if (reattributions.containsKey(reattribution.reattributionId())) {
      throw new ConflictException("re-attribution " + reattribution.reattributionId() + " exists");
    }
    units.put(reattributions, reattribution.reattributionId(), reattribution);
  }

  @Override
  public List<Reattribution> reattributionsOf(CustomerAccountId customer) {
    units.unit();
    return reattributions.values().stream()
        .filter(r -> r.customer().equals(customer))
        .sorted(
            Comparator.comparing(Reattribution::effectiveFrom)
                .thenComparing(Reattribution::decidedAt))
        .toList();
  }

  @Override
  public AttributionCounts countsByPartner(PartnerId partnerId) {
    units.unit();
    long attributed = 0;
    Map<AttributionDecision.Reason, Long> refused = new EnumMap<>(AttributionDecision.Reason.class);
    for (AttributionRecord r : decisions.values()) {
      if (!r.candidatePartner().equals(Optional.of(partnerId))) {
        continue;
      }
      if (r.decision() instanceof AttributionDecision.NotAttributed n) {
        refused.merge(n.reason(), 1L, Long::sum);
      } else {
        attributed++;
      }
    }
    return new AttributionCounts(0, attributed, refused);
  }

  @Override
  public RetentionBatch pseudonymiseInputsSignedUpBefore(
      Instant cutoff, int limit, UnaryOperator<VisitorId> pseudonym) {
    units.unit();
    List<AttributionRecord> due =
        decisions.values().stream()
            .filter(r -> r.signupAt().isBefore(cutoff) && !inputsTaken.containsKey(r.customer()))
            .sorted(
                Comparator.comparing(AttributionRecord::signupAt)
                    .thenComparing(r -> r.customer().value()))
            .limit(limit)
            .toList();
    int changed = 0;
    for (AttributionRecord r : due) {
      units.put(inputsTaken, r.customer(), Boolean.TRUE);
      Optional<VisitorId> visitor = r.visitorId().map(pseudonym);
      if (!visitor.equals(r.visitorId())) {
        changed++;
        units.put(
            decisions,
            r.customer(),
            new AttributionRecord(
                r.customer(),
                r.decision(),
                r.candidatePartner(),
                visitor,
                r.typedCode(),
                r.newCustomer(),
                r.customerIbanGiven(),
                r.signupAt(),
                r.decidedAt()));
      }
    }
    return new RetentionBatch(due.size(), changed);
  }

  @Override
  public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
    units.unit();
    for (Reattribution r : List.copyOf(reattributions.values())) {
      if (r.customer().equals(customer)) {
        units.put(reattributions, r.reattributionId(), r.withCustomer(replacement));
      }
    }
    AttributionRecord record = decisions.get(customer);
    if (record == null) {
      return 0;
    }
    units.remove(decisions, customer);
    units.put(decisions, replacement, record.withCustomer(replacement));
    return 1;
  }

  @Override
  public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
    units.unit();
    int changed = 0;
    for (AttributionRecord record : List.copyOf(decisions.values())) {
      if (record.visitorId().equals(Optional.of(visitor))) {
        units.put(decisions, record.customer(), record.withVisitor(replacement));
        changed++;
      }
    }
    return changed;
  }

  @Override
  public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
    units.unit();
    int changed = 0;
    for (AttributionRecord record : List.copyOf(decisions.values())) {
      if (!record.candidatePartner().equals(Optional.of(partnerId))) {
        continue;
      }
      AttributionRecord replaced = record.withCode(code, replacement);
      if (replaced != record) {
        units.put(decisions, record.customer(), replaced);
        changed++;
      }
    }
    return changed;
  }

  @Override
  public List<AttributionRecord> attributionsOfPartner(
      PartnerId partnerId, Instant decidedBy, Optional<AttributionKey> after, int limit) {
    units.unit();
    Comparator<AttributionKey> order =
        Comparator.comparing(AttributionKey::decidedAt).thenComparing(k -> k.customer().value());
    return decisions.values().stream()
        .filter(r -> r.candidatePartner().equals(Optional.of(partnerId)))
        .filter(r -> !r.decidedAt().isAfter(decidedBy))
        .filter(r -> after.isEmpty() || order.compare(AttributionKey.of(r), after.get()) > 0)
        .sorted(Comparator.comparing(AttributionKey::of, order))
        .limit(limit)
        .toList();
  }

  /** The decisions by customer, live: the report store reads them. */
  Map<CustomerAccountId, AttributionRecord> decisions() {
    return decisions;
  }
}
