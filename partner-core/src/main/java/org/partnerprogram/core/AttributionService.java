package org.partnerprogram.core;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionExplanation;
import org.partnerprogram.core.domain.AttributionPolicy;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.AuditAction;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerIsPartnerException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.event.CustomerAttributed;
import org.partnerprogram.core.domain.event.CustomerReattributed;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.ReattributeCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.ResolvedTouch;
import org.partnerprogram.core.port.out.TouchStore;

/** Clicks, signups and the decision who brought a customer. */
final class AttributionService {
  private final ServiceContext ctx;
  private final EventClaims claims;
  private final AuditTrail audit;
  private final TouchStore touches;
  private final AttributionStore attributions;
  private final ReferralCodeStore codes;
  private final AttributionPolicy policy;

  /**
   * Wires the service.
   *
   * @param ctx the terms, ports, clock and randomness
   * @param claims the idempotency of operator acts
   */
  AttributionService(ServiceContext ctx, EventClaims claims) {
    this.ctx = ctx;
    this.claims = claims;
    this.audit = new AuditTrail(ctx);
    this.touches = ctx.storage.touches();
    this.attributions = ctx.storage.attributions();
    this.codes = ctx.storage.codes();
    this.policy = new AttributionPolicy(ctx.terms);
  }

  /**
   * Records a click.
   *
   * @param command the command
   * @return the result
   */
  TouchResult recordTouch(RecordTouchCommand command) {
    if (command == null) {
      throw new InvalidInputException("command", "must not be null");
    }
    Optional<Instant> requested = command.at().map(at -> Instants.check("at", at));
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instant at = Instants.notAhead("at", requested.orElse(now), now);
          Optional<IssuedCode> code = codes.find(command.code());
          if (code.isEmpty()) {
            return new TouchResult.Ignored(TouchResult.Why.UNKNOWN_CODE);
          }
          if (!code.get().isLive()) {
            return new TouchResult.Ignored(TouchResult.Why.CODE_REVOKED);
          }
          if (!ctx.partner(code.get().partnerId()).isActive()) {
            return new TouchResult.Ignored(TouchResult.Why.PARTNER_NOT_ACTIVE);
          }
          Touch touch =
              new Touch(
                  command.code(),
                  code.get().partnerId(),
                  command.visitorId(),
                  at,
                  command.landingPath());
          touches.insert(touch);
          return new TouchResult.Recorded(touch);
        });
  }

  /**
   * Attributes a signup.
   *
   * @param command the command
   * @return the decision
   */
  SignupAttribution attribute(AttributeSignupCommand command) {
    if (command == null) {
      throw new InvalidInputException("command", "must not be null");
    }
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instant signupAt = command.signupAt().orElse(now);
          Instants.notAhead("signupAt", signupAt, now);
          // No read of an earlier decision up front: the insert below refuses a second one, and
          // only then is the first read back. A first signup costs one read (the clicks, joined
          // with their codes and partners) and the writes; a repeated one costs a few reads more.
          // A customer the host does not call new is never attributed: nothing to read for it.
          Resolver resolver = new Resolver();
          // Clicks first: their one read brings codes and partners that a typed code may share.
          List<AttributionPolicy.Candidate> clicks = new ArrayList<>();
          if (command.isNewCustomer() && command.visitorId().isPresent()) {
            for (ResolvedTouch touch :
                ctx.storage.resolvedTouches(command.visitorId().get(), Instants.MIN, signupAt)) {
              clicks.add(resolver.remember(touch));
            }
          }
          Optional<AttributionPolicy.Candidate> typed = Optional.empty();
          boolean typedUnknown = false;
          if (command.isNewCustomer() && command.typedCode().isPresent()) {
            typed = resolver.candidate(command.typedCode().get(), signupAt);
            typedUnknown = typed.isEmpty();
          }
          AttributionPolicy.Outcome outcome =
              policy.outcome(
                  new AttributionPolicy.Signup(
                      command.customer(),
                      signupAt,
                      command.isNewCustomer(),
                      command.customerIban()),
                  typed,
                  typedUnknown,
                  clicks);
          AttributionRecord record =
              new AttributionRecord(
                  command.customer(),
                  outcome.decision(),
                  outcome.concerning(),
                  command.visitorId(),
                  command.typedCode(),
                  command.isNewCustomer(),
                  command.customerIban().isPresent(),
                  signupAt,
                  now);
          if (!attributions.insert(record)) {
            // Decided before: by an earlier call, or by another instance concurrently.
            AttributionRecord first =
                attributions
                    .findByCustomer(command.customer())
                    .orElseThrow(
                        () ->
                            new RetryableException(
                                "concurrent attribution of " + command.customer(), null));
            return new SignupAttribution(first.decision(), true);
          }
          if (outcome.decision() instanceof AttributionDecision.Attributed a) {
            ctx.events.publish(
                new CustomerAttributed(
                    ctx.newEventId(),
                    now,
                    a.partnerId(),
                    ctx.pseudonyms.pseudonymOf(command.customer()),
                    ctx.publishedAccountId(command.customer()),
                    a.code(),
                    a.rule()));
          }
          return new SignupAttribution(outcome.decision(), false);
        });
  }

  /**
   * Explains a decision: the one made at signup and every re-attribution since.
   *
   * @param customer the customer account
   * @return the explanation, or empty
   */
  Optional<AttributionExplanation> explain(CustomerAccountId customer) {
    if (customer == null) {
      throw new InvalidInputException("customer", "must not be null");
    }
    return ctx.tx.execute(
        () ->
            attributions
                .findByCustomer(customer)
                .map(d -> new AttributionExplanation(d, attributions.reattributionsOf(customer))));
  }

  private static String fingerprint(ReattributeCommand c) {
    return new Fingerprint("reattribution")
        .add(c.reattributionId())
        .add(c.customer())
        .add(c.toPartner().orElse(null))
        .add(c.effectiveFrom())
        .add(c.act().actor())
        .add(c.act().reason())
        .sha256();
  }

  /**
   * Moves a customer's attribution from an instant on.
   *
   * @param command the command
   * @return the re-attribution (the first one's, on a redelivery)
   */
  Reattribution reattribute(ReattributeCommand command) {
    ServiceContext.required("command", command);
    String fingerprint = fingerprint(command);
    return ctx.tx.execute(
        () -> {
          Instant now = ctx.now();
          Instants.notAhead("effectiveFrom", command.effectiveFrom(), now);
          if (claims.isRedelivery(command.reattributionId(), "reattribution", fingerprint, now)) {
            return attributions.reattributionsOf(command.customer()).stream()
                .filter(r -> r.reattributionId().equals(command.reattributionId()))
                .findFirst()
                .orElseThrow(
                    () ->
                        new NotFoundException(
                            "re-attribution "
                                + command.reattributionId()
                                + " was of another customer"));
          }
          AttributionRecord decision =
              attributions
                  .findByCustomer(command.customer())
                  .orElseThrow(
                      () ->
                          new NotFoundException(
                              "customer "
                                  + command.customer()
                                  + " never signed up through the programme"));
          if (command.effectiveFrom().isBefore(decision.signupAt())) {
            throw new InvalidInputException(
                "effectiveFrom",
                command.effectiveFrom()
                    + " is before the customer signed up ("
                    + decision.signupAt()
                    + ")");
          }
          List<Reattribution> earlier = attributions.reattributionsOf(command.customer());
          if (!earlier.isEmpty()
              && command
                  .effectiveFrom()
                  .isBefore(earlier.get(earlier.size() - 1).effectiveFrom())) {
            throw new InvalidInputException(
                "effectiveFrom",
                command.effectiveFrom()
                    + " is before the latest re-attribution of the customer ("
                    + earlier.get(earlier.size() - 1).effectiveFrom()
                    + "); re-attributions only move forward");
          }
          if (command.toPartner().isPresent()) {
            Partner to = ctx.partner(command.toPartner().get()).requireNotErased();
            if (to.status() == PartnerStatus.TERMINATED) {
              throw new IllegalTransitionException(
                  "partner " + to.id() + " left the programme: nobody can be attributed to it");
            }
            if (to.customerAccountId().equals(command.customer())) {
              throw new CustomerIsPartnerException(to.id());
            }
          }
          Optional<PartnerId> from =
              new AttributionExplanation(decision, earlier).partnerAt(command.effectiveFrom());
          Reattribution reattribution =
              new Reattribution(
                  command.reattributionId(),
                  command.customer(),
                  from,
                  command.toPartner(),
                  command.effectiveFrom(),
                  command.act(),
                  now);
          attributions.insertReattribution(reattribution);
          audit.record(
              command.act(),
              AuditAction.CUSTOMER_REATTRIBUTED,
              command.toPartner().or(() -> from),
              command.reattributionId().value());
          ctx.events.publish(
              new CustomerReattributed(
                  ctx.newEventId(),
                  now,
                  ctx.pseudonyms.pseudonymOf(command.customer()),
                  ctx.publishedAccountId(command.customer()),
                  from,
                  command.toPartner(),
                  command.effectiveFrom()));
          return reattribution;
        });
  }

  /** Looks codes and partners up once per decision, reusing what the clicks' read brought. */
  private final class Resolver {
    private final Map<ReferralCode, Optional<IssuedCode>> codeCache = new HashMap<>();
    private final Map<PartnerId, Partner> partnerCache = new HashMap<>();

    AttributionPolicy.Candidate remember(ResolvedTouch touch) {
      codeCache.putIfAbsent(touch.code().code(), Optional.of(touch.code()));
      partnerCache.putIfAbsent(touch.partner().id(), touch.partner());
      return new AttributionPolicy.Candidate(touch.code(), touch.partner(), touch.touch().at());
    }

    Optional<AttributionPolicy.Candidate> candidate(ReferralCode code, Instant at) {
      Optional<IssuedCode> issued = codeCache.computeIfAbsent(code, codes::find);
      return issued.map(
          c ->
              new AttributionPolicy.Candidate(
                  c, partnerCache.computeIfAbsent(c.partnerId(), ctx::partner), at));
    }
  }
}
