package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.RateVersionAdded;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * The rate card: each change makes the next effective-dated version, programme-wide or a partner's
 * override, never backdated, so a commission already priced is never re-priced.
 */
final class RateCardService {
  private final ServiceContext ctx;
  private final ProgramTerms terms;
  private final RateStore rates;
  private final TransactionBoundary tx;
  private final EventPublisher events;
  private final AuditTrail audit;

  RateCardService(ServiceContext ctx) {
    this.ctx = ctx;
    this.terms = ctx.terms;
    this.rates = ctx.storage.rates();
    this.tx = ctx.tx;
    this.events = ctx.events;
    this.audit = new AuditTrail(ctx);
  }

  /**
   * Makes the next rate version from the one in force and a change.
   *
   * @param command the change
   * @return the version
   */
  RateVersion changeRates(RateChange command) {
    required("change", command);
    Optional<Instant> requestedStart = command.effectiveFrom();
    for (Rate rate : command.set().values()) {
      if (rate instanceof Rate.FixedAmount fixed
          && !fixed.amount().currency().equals(terms.currency())) {
        throw new CurrencyMismatchException(terms.currency(), fixed.amount().currency());
      }
    }
    return tx.execute(
        () -> {
          command.overrideFor().ifPresent(ctx::partner);
          Instant now = ctx.now();
          Instant effectiveFrom = requestedStart.orElse(now);
          if (effectiveFrom.isBefore(now)) {
            throw new ConflictException(
                "a rate version cannot be backdated: it starts at "
                    + effectiveFrom
                    + ", before now ("
                    + now
                    + "); commissions already priced are never re-priced");
          }
          Optional<RateVersion> latest = rates.latest(command.overrideFor());
          if (latest.isPresent() && !effectiveFrom.isAfter(latest.get().effectiveFrom())) {
            throw new ConflictException(
                "a rate version must start after the latest one (version "
                    + latest.get().number()
                    + " starts at "
                    + latest.get().effectiveFrom()
                    + "); this one starts at "
                    + effectiveFrom);
          }
          // The latest version is the one in force when this one starts: a new version always
          // starts after it.
          Map<RateTarget, Rate> next =
              command.applyTo(latest.map(RateVersion::rates).orElse(Map.of()));
          Map<RateTarget, String> labels =
              command.labelsAfter(
                  latest.map(v -> rates.labels(v.partnerId(), v.number())).orElse(Map.of()),
                  next.keySet());
          RateVersion version =
              RateVersion.builder()
                  .partnerId(command.overrideFor())
                  .number(latest.map(v -> v.number() + 1).orElse(1))
                  .effectiveFrom(effectiveFrom)
                  .putAllRates(next)
                  .createdAt(now)
                  .build();
          if (!rates.insert(version)) {
            throw new RetryableException(
                "another rate version was added concurrently; try again", null);
          }
          rates.insertLabels(version.partnerId(), version.number(), labels);
          events.publish(
              new RateVersionAdded(
                  ctx.newEventId(), now, version.partnerId(), version.number(), effectiveFrom));
          audit.record(
              command.act(),
              AuditAction.RATE_VERSION_ADDED,
              version.partnerId(),
              Integer.toString(version.number()));
          return version;
        });
  }
}
