package org.partnerprogram.core;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.CommissionLine;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.WriteOffRefusedException;
import org.partnerprogram.core.domain.WriteOffRefusedException.Reason;
import org.partnerprogram.core.domain.event.AdjustmentBooked;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.WriteOffCommand;
import org.partnerprogram.core.port.out.LedgerStore;

/**
 * Adjustments and write-offs: an operator's corrections, each one ledger entry of its own (payable
 * from when it is booked) with its details beside it, idempotent by its id as a host event is.
 */
final class CorrectionService {
  private final ServiceContext ctx;
  private final EventClaims claims;
  private final LedgerStore ledger;
  private final AuditTrail audit;

  CorrectionService(ServiceContext ctx, EventClaims claims) {
    this.ctx = ctx;
    this.claims = claims;
    this.ledger = ctx.storage.ledger();
    this.audit = new AuditTrail(ctx);
  }

  private static String fingerprint(AdjustCommand c) {
    Fingerprint f =
        new Fingerprint("adjustment")
            .add(c.adjustmentId())
            .add(c.partnerId())
            .add(c.amount())
            .add(c.act().actor())
            .add(c.act().reason());
    c.refersTo().ifPresent(r -> f.add(r.orderId()).add(r.lineNumber()));
    return f.sha256();
  }

  private static String fingerprint(WriteOffCommand c) {
    return new Fingerprint("write-off")
        .add(c.writeOffId())
        .add(c.partnerId())
        .add(c.act().actor())
        .add(c.act().reason())
        .sha256();
  }

  Adjustment adjust(AdjustCommand command) {
    ServiceContext.required("command", command);
    if (!command.amount().currency().equals(ctx.terms.currency())) {
      throw new CurrencyMismatchException(ctx.terms.currency(), command.amount().currency());
    }
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          if (claims.isRedelivery(command.adjustmentId(), "adjustment", fingerprint, now)) {
            return booked(command.adjustmentId());
          }
          Partner partner = ctx.partner(command.partnerId()).requireNotErased();
          command.refersTo().ifPresent(r -> requirePricedFor(partner, r));
          return book(
              new Adjustment(
                  command.adjustmentId(),
                  ctx.newEventId(),
                  partner.id(),
                  Adjustment.Type.ADJUSTMENT,
                  command.amount(),
                  command.refersTo(),
                  command.act(),
                  now),
              now);
        });
  }

  Adjustment writeOff(WriteOffCommand command) {
    ServiceContext.required("command", command);
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          if (claims.isRedelivery(command.writeOffId(), "write-off", fingerprint, now)) {
            return booked(command.writeOffId());
          }
          Partner partner = ctx.partner(command.partnerId()).requireNotErased();
          Money owed = owed(partner, now);
          return book(
              new Adjustment(
                  command.writeOffId(),
                  ctx.newEventId(),
                  partner.id(),
                  Adjustment.Type.WRITE_OFF,
                  owed,
                  Optional.empty(),
                  command.act(),
                  now),
              now);
        });
  }

  /**
   * What the partner owes, positive; or the refusal that says why there is nothing to write off.
   */
  private Money owed(Partner partner, Instant now) {
    if (partner.status() != PartnerStatus.TERMINATED) {
      throw new WriteOffRefusedException(
          partner.id(),
          Reason.STILL_A_PARTNER,
          "the partner is "
              + partner.status()
              + "; later earnings net against what it owes, so only a partner who left is written"
              + " off");
    }
    Balance balance = ctx.storage.balanceNetOfPayouts(partner.id(), ctx.terms.currency(), now);
    if (!balance.inPayout().isZero()) {
      throw new WriteOffRefusedException(
          partner.id(),
          Reason.PAYOUT_IN_PROGRESS,
          balance.inPayout() + " is in a payout on its way; mark it paid or failed first");
    }
    if (!balance.pending().isZero() || !balance.held().isZero()) {
      throw new WriteOffRefusedException(
          partner.id(),
          Reason.BALANCE_NOT_SETTLED,
          balance.pending()
              + " pending and "
              + balance.held()
              + " held are not settled yet; write off once they are");
    }
    if (!balance.payable().isNegative()) {
      throw new WriteOffRefusedException(
          partner.id(),
          Reason.NOTHING_OWED,
          "the balance is " + balance.payable() + "; only a negative balance is written off");
    }
    return balance.payable().negated();
  }

  private Adjustment book(Adjustment adjustment, Instant now) {
    ledger.append(adjustment.toEntry(now));
    ledger.insertAdjustment(adjustment);
    audit.record(
        adjustment.act(),
        adjustment.type() == Adjustment.Type.WRITE_OFF
            ? AuditAction.BALANCE_WRITTEN_OFF
            : AuditAction.ADJUSTMENT_BOOKED,
        Optional.of(adjustment.partnerId()),
        adjustment.adjustmentId().value());
    ctx.events.publish(
        new AdjustmentBooked(
            ctx.newEventId(),
            now,
            adjustment.partnerId(),
            adjustment.adjustmentId(),
            adjustment.type(),
            adjustment.amount()));
    return adjustment;
  }

  private Adjustment booked(EventId id) {
    return ledger
        .findAdjustment(id)
        .orElseThrow(
            () -> new IllegalStateException("adjustment " + id + " was claimed, not kept"));
  }

  private void requirePricedFor(Partner partner, Adjustment.OrderLineRef ref) {
    Optional<CommissionLine> line =
        ledger.linesOfOrder(ref.orderId()).stream()
            .filter(l -> l.lineNumber() == ref.lineNumber())
            .findFirst();
    if (line.isEmpty() || !line.get().partnerId().equals(partner.id())) {
      throw new InvalidInputException(
          "refersTo",
          "order "
              + ref.orderId()
              + " line "
              + ref.lineNumber()
              + " was not priced for partner "
              + partner.id());
    }
  }
}
