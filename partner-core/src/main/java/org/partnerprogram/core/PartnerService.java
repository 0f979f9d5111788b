package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.util.Optional;
import java.util.function.BiFunction;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.PartnerEnrolled;
import org.partnerprogram.core.domain.event.PartnerLeft;
import org.partnerprogram.core.domain.event.PartnerReinstated;
import org.partnerprogram.core.domain.event.PartnerRejoined;
import org.partnerprogram.core.domain.event.PartnerSuspended;
import org.partnerprogram.core.domain.event.PayoutAccountChanged;
import org.partnerprogram.core.domain.event.ProgramEvent;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enrolment and a partner's lifecycle: enrol (or rejoin after leaving), suspend, reinstate, leave,
 * and the payout account. Every method runs in one transaction; all input is validated (by the
 * command records and here) before the first write, so a refused call changes nothing.
 */
final class PartnerService {
  private static final Logger LOG = LoggerFactory.getLogger(PartnerService.class);

  private final ReferralCodeService referralCodes;
  private final ServiceContext ctx;
  private final ProgramTerms terms;
  private final PartnerStore partners;
  private final ReferralCodeStore codes;
  private final TransactionBoundary tx;
  private final EventPublisher events;
  private final AuditTrail audit;

  PartnerService(ServiceContext ctx, ReferralCodeService referralCodes) {
    this.ctx = ctx;
    this.terms = ctx.terms;
    this.partners = ctx.storage.partners();
    this.codes = ctx.storage.codes();
    this.tx = ctx.tx;
    this.events = ctx.events;
    this.referralCodes = referralCodes;
    this.audit = new AuditTrail(ctx);
  }

  /**
   * Enrols a customer account: a new partner; the partner it has already (nothing written); or, if
   * that partner left, the same partner active again ({@link #rejoin}).
   *
   * @param command the command
   * @return the result
   */
  EnrollmentResult enroll(EnrollPartnerCommand command) {
    required("command", command);
    command.payoutAccount().ifPresent(a -> terms.payoutRail().requireReachable(a.iban()));
    return tx.execute(
        () -> {
          Optional<Partner> found = partners.findByCustomerAccount(command.customerAccountId());
          if (found.isPresent()) {
            return found.get().status() == PartnerStatus.TERMINATED
                ? rejoin(found.get(), command)
                : EnrollmentResult.alreadyMember(found.get());
          }
          Instant now = ctx.now();
          Partner partner =
              Partner.enrol(
                  PartnerId.random(ctx.random()),
                  command.customerAccountId(),
                  now,
                  command.payoutAccount());
          if (!partners.insert(partner)) {
            // Another instance enrolled the same account between our read and our insert.
            return EnrollmentResult.alreadyMember(
                partners
                    .findByCustomerAccount(command.customerAccountId())
                    .orElseThrow(
                        () ->
                            new RetryableException(
                                "concurrent enrolment of " + command.customerAccountId(), null)));
          }
          events.publish(
              new PartnerEnrolled(
                  ctx.newEventId(),
                  now,
                  partner.id(),
                  ctx.pseudonyms.pseudonymOf(partner.customerAccountId()),
                  ctx.publishedAccountId(partner.customerAccountId())));
          command
              .payoutAccount()
              .ifPresent(
                  account -> {
                    partners.appendPayoutAccountChange(
                        new PayoutAccountChange(partner.id(), partner.version(), account, now));
                    events.publish(
                        new PayoutAccountChanged(
                            ctx.newEventId(), now, partner.id(), account.iban().masked()));
                  });
          IssuedCode code = referralCodes.issueRandomCode(partner.id(), now);
          // The host's customer account id stays out of logs: it points at a person.
          LOG.debug("enrolled partner {}", partner.id());
          return EnrollmentResult.newPartner(partner, code);
        });
  }

  /**
   * The customer of a partner who left enrolled again: the same partner, ACTIVE again. The update
   * is the first write, so a concurrent re-enrolment that lost the race fails on the version check
   * (retryable) before it has written anything. A payout account given replaces the one on file
   * (with a history row and an event, as {@link #updatePayoutAccount} does); codes of the earlier
   * membership still live are revoked, so that only the fresh one leads to the partner.
   */
  private EnrollmentResult rejoin(Partner left, EnrollPartnerCommand command) {
    Instant now = ctx.now();
    Partner partner = left.rejoin(now, command.payoutAccount());
    partners.update(partner);
    events.publish(
        new PartnerRejoined(
            ctx.newEventId(),
            now,
            partner.id(),
            ctx.pseudonyms.pseudonymOf(partner.customerAccountId()),
            ctx.publishedAccountId(partner.customerAccountId())));
    if (!partner.payoutAccount().equals(left.payoutAccount())) {
      PayoutAccount account = partner.payoutAccount().orElseThrow();
      partners.appendPayoutAccountChange(
          new PayoutAccountChange(partner.id(), partner.version(), account, now));
      events.publish(
          new PayoutAccountChanged(ctx.newEventId(), now, partner.id(), account.iban().masked()));
    }
    for (IssuedCode code : codes.findByPartner(partner.id())) {
      if (code.isLive()) {
        if (!codes.revoke(code.code(), now)) {
          throw new RetryableException(
              "referral code " + code.code() + " changed concurrently", null);
        }
        events.publish(new ReferralCodeRevoked(ctx.newEventId(), now, partner.id(), code.code()));
      }
    }
    IssuedCode fresh = referralCodes.issueRandomCode(partner.id(), now);
    LOG.debug("partner {} rejoined", partner.id());
    return EnrollmentResult.rejoined(partner, fresh);
  }

  /**
   * A partner leaves by its own decision (not audited: no operator acts); its customer may enrol
   * again later ({@link #enroll}).
   *
   * @param partnerId the partner
   * @return the partner
   */
  Partner leave(PartnerId partnerId) {
    required("partnerId", partnerId);
    return step(
        partnerId,
        Partner::leave,
        (now, left) -> new PartnerLeft(ctx.newEventId(), now, left.id()),
        Optional.empty());
  }

  /**
   * An operator takes a partner out of the programme, as {@link #leave(PartnerId)}, audited.
   *
   * @param partnerId the partner
   * @param act who and why
   * @return the partner
   */
  Partner leave(PartnerId partnerId, Act act) {
    required("partnerId", partnerId);
    required("act", act);
    return step(
        partnerId,
        Partner::leave,
        (now, left) -> new PartnerLeft(ctx.newEventId(), now, left.id()),
        Optional.of(new Audited(act, AuditAction.PARTNER_REMOVED)));
  }

  /**
   * Suspends a partner.
   *
   * @param partnerId the partner
   * @param act who and why; the reason goes into the event
   * @return the partner
   */
  Partner suspend(PartnerId partnerId, Act act) {
    required("partnerId", partnerId);
    required("act", act);
    return step(
        partnerId,
        Partner::suspend,
        (now, suspended) ->
            new PartnerSuspended(ctx.newEventId(), now, suspended.id(), act.reason()),
        Optional.of(new Audited(act, AuditAction.PARTNER_SUSPENDED)));
  }

  /**
   * Reinstates a partner.
   *
   * @param partnerId the partner
   * @param act who and why
   * @return the partner
   */
  Partner reinstate(PartnerId partnerId, Act act) {
    required("partnerId", partnerId);
    required("act", act);
    return step(
        partnerId,
        Partner::reinstate,
        (now, active) -> new PartnerReinstated(ctx.newEventId(), now, active.id()),
        Optional.of(new Audited(act, AuditAction.PARTNER_REINSTATED)));
  }

  /** An operator's act on a partner, and how the audit trail names it. */
  private record Audited(Act act, AuditAction action) {}

  /**
   * One step of a partner's lifecycle in one transaction: the partner in its new state is stored,
   * the step's event published and, for an operator's act, the act recorded in the audit trail.
   */
  private Partner step(
      PartnerId partnerId,
      BiFunction<Partner, Instant, Partner> step,
      BiFunction<Instant, Partner, ProgramEvent> event,
      Optional<Audited> audited) {
    return tx.execute(
        () -> {
          Instant now = ctx.now();
          Partner next = step.apply(ctx.partner(partnerId), now);
          partners.update(next);
          events.publish(event.apply(now, next));
          audited.ifPresent(a -> audit.record(a.act(), a.action(), Optional.of(next.id()), ""));
          return next;
        });
  }

  /**
   * Sets the payout account.
   *
   * @param partnerId the partner
   * @param account the account
   * @return the partner
   */
  Partner updatePayoutAccount(PartnerId partnerId, PayoutAccount account) {
    required("partnerId", partnerId);
    required("payoutAccount", account);
    terms.payoutRail().requireReachable(account.iban());
    return tx.execute(
        () -> {
          Partner partner = ctx.partner(partnerId);
          if (partner.payoutAccount().equals(Optional.of(account))) {
            return partner;
          }
          Instant now = ctx.now();
          Partner changed = partner.withPayoutAccount(account);
          partners.update(changed);
          partners.appendPayoutAccountChange(
              new PayoutAccountChange(changed.id(), changed.version(), account, now));
          events.publish(
              new PayoutAccountChanged(
                  ctx.newEventId(), now, changed.id(), account.iban().masked()));
          return changed;
        });
  }

  /**
   * A partner as stored.
   *
   * @param partnerId the partner
   * @return the partner, or empty
   */
  Optional<Partner> find(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(() -> partners.findById(partnerId));
  }
}
