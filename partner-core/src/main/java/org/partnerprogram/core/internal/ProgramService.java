package org.partnerprogram.core.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.PayoutPeriod;
import org.partnerprogram.core.domain.ProductRate;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.Text;
import org.partnerprogram.core.domain.event.PartnerEnrolled;
import org.partnerprogram.core.domain.event.PartnerLeft;
import org.partnerprogram.core.domain.event.PartnerReinstated;
import org.partnerprogram.core.domain.event.PartnerRejoined;
import org.partnerprogram.core.domain.event.PartnerSuspended;
import org.partnerprogram.core.domain.event.PayoutAccountChanged;
import org.partnerprogram.core.domain.event.RateVersionAdded;
import org.partnerprogram.core.domain.event.ReferralCodeIssued;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases of enrolment, codes and rates. Every public method runs in one transaction; all
 * input is validated (by the command records and here) before the first write, so a refused call
 * changes nothing.
 */
public final class ProgramService {
  private static final Logger LOG = LoggerFactory.getLogger(ProgramService.class);

  /** Attempts at finding a free random code before giving up (each collides with p < 1e-11). */
  private static final int CODE_ATTEMPTS = 8;

  private final ServiceContext ctx;
  private final ProgramTerms terms;
  private final PartnerStore partners;
  private final ReferralCodeStore codes;
  private final RateStore rates;
  private final TransactionBoundary tx;
  private final EventPublisher events;

  /**
   * Wires the service.
   *
   * @param ctx the terms, ports, clock and randomness
   */
  public ProgramService(ServiceContext ctx) {
    this.ctx = ctx;
    this.terms = ctx.terms;
    this.partners = ctx.storage.partners();
    this.codes = ctx.storage.codes();
    this.rates = ctx.storage.rates();
    this.tx = ctx.tx;
    this.events = ctx.events;
  }

  private Instant now() {
    return ctx.now();
  }

  private UUID newEventId() {
    return ctx.newEventId();
  }

  private Partner existing(PartnerId id) {
    return ctx.partner(id);
  }

  /**
   * Enrols a customer account: a new partner; the partner it has already (nothing written); or, if
   * that partner left, the same partner active again ({@link #rejoin}).
   *
   * @param command the command
   * @return the result
   */
  public EnrollmentResult enroll(EnrollPartnerCommand command) {
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
          Instant now = now();
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
              new PartnerEnrolled(newEventId(), now, partner.id(), partner.customerAccountId()));
          command
              .payoutAccount()
              .ifPresent(
                  account -> {
                    partners.appendPayoutAccountChange(
                        new PayoutAccountChange(partner.id(), partner.version(), account, now));
                    events.publish(
                        new PayoutAccountChanged(
                            newEventId(), now, partner.id(), account.iban().masked()));
                  });
          IssuedCode code = issueRandomCode(partner.id(), now);
          LOG.debug("enrolled {} as partner {}", partner.customerAccountId(), partner.id());
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
    Instant now = now();
    Partner partner = left.rejoin(now, command.payoutAccount());
    partners.update(partner);
    events.publish(
        new PartnerRejoined(newEventId(), now, partner.id(), partner.customerAccountId()));
    if (!partner.payoutAccount().equals(left.payoutAccount())) {
      PayoutAccount account = partner.payoutAccount().orElseThrow();
      partners.appendPayoutAccountChange(
          new PayoutAccountChange(partner.id(), partner.version(), account, now));
      events.publish(
          new PayoutAccountChanged(newEventId(), now, partner.id(), account.iban().masked()));
    }
    for (IssuedCode code : codes.findByPartner(partner.id())) {
      if (code.isLive()) {
        if (!codes.revoke(code.code(), now)) {
          throw new RetryableException(
              "referral code " + code.code() + " changed concurrently", null);
        }
        events.publish(new ReferralCodeRevoked(newEventId(), now, partner.id(), code.code()));
      }
    }
    IssuedCode fresh = issueRandomCode(partner.id(), now);
    LOG.debug("{} rejoined as partner {}", partner.customerAccountId(), partner.id());
    return EnrollmentResult.rejoined(partner, fresh);
  }

  private IssuedCode issueRandomCode(PartnerId partnerId, Instant now) {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      IssuedCode code =
          new IssuedCode(
              ReferralCode.generate(ctx.random()), partnerId, false, now, Optional.empty());
      if (codes.insert(code)) {
        events.publish(new ReferralCodeIssued(newEventId(), now, partnerId, code.code(), false));
        return code;
      }
    }
    throw new RetryableException(
        "could not find a free referral code in " + CODE_ATTEMPTS + " attempts", null);
  }

  /**
   * A partner leaves; its customer may enrol again later ({@link #enroll}).
   *
   * @param partnerId the partner
   * @return the partner
   */
  public Partner leave(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(
        () -> {
          Instant now = now();
          Partner left = existing(partnerId).leave(now);
          partners.update(left);
          events.publish(new PartnerLeft(newEventId(), now, left.id()));
          return left;
        });
  }

  /**
   * Suspends a partner.
   *
   * @param partnerId the partner
   * @param reason why, free text
   * @return the partner
   */
  public Partner suspend(PartnerId partnerId, String reason) {
    required("partnerId", partnerId);
    Text.freeText("reason", reason, MAX_REASON_LENGTH);
    return tx.execute(
        () -> {
          Instant now = now();
          Partner suspended = existing(partnerId).suspend(now);
          partners.update(suspended);
          events.publish(new PartnerSuspended(newEventId(), now, suspended.id(), reason));
          return suspended;
        });
  }

  /**
   * Reinstates a partner.
   *
   * @param partnerId the partner
   * @return the partner
   */
  public Partner reinstate(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(
        () -> {
          Instant now = now();
          Partner active = existing(partnerId).reinstate(now);
          partners.update(active);
          events.publish(new PartnerReinstated(newEventId(), now, active.id()));
          return active;
        });
  }

  /**
   * Sets the payout account.
   *
   * @param partnerId the partner
   * @param account the account
   * @return the partner
   */
  public Partner updatePayoutAccount(PartnerId partnerId, PayoutAccount account) {
    required("partnerId", partnerId);
    required("payoutAccount", account);
    terms.payoutRail().requireReachable(account.iban());
    return tx.execute(
        () -> {
          Partner partner = existing(partnerId);
          if (partner.payoutAccount().equals(Optional.of(account))) {
            return partner;
          }
          Instant now = now();
          Partner changed = partner.withPayoutAccount(account);
          partners.update(changed);
          partners.appendPayoutAccountChange(
              new PayoutAccountChange(changed.id(), changed.version(), account, now));
          events.publish(
              new PayoutAccountChanged(newEventId(), now, changed.id(), account.iban().masked()));
          return changed;
        });
  }

  /**
   * Issues a random code.
   *
   * @param partnerId the partner
   * @return the code
   */
  public IssuedCode issueCode(PartnerId partnerId) {
    return issue(partnerId, null);
  }

  /**
   * Issues a code the partner chose.
   *
   * @param partnerId the partner
   * @param code the code wanted
   * @return the code
   */
  public IssuedCode issueVanityCode(PartnerId partnerId, String code) {
    return issue(partnerId, ReferralCode.vanity(code));
  }

  private IssuedCode issue(PartnerId partnerId, ReferralCode vanity) {
    required("partnerId", partnerId);
    return tx.execute(
        () -> {
          Partner partner = existing(partnerId);
          if (partner.status() == PartnerStatus.TERMINATED) {
            throw new IllegalTransitionException(
                "partner " + partner.id() + " has left the programme; no new codes");
          }
          Instant now = now();
          if (vanity == null) {
            return issueRandomCode(partner.id(), now);
          }
          ReferralCode wanted = vanity;
          IssuedCode code = new IssuedCode(wanted, partner.id(), true, now, Optional.empty());
          if (!codes.insert(code)) {
            throw new ConflictException(
                "referral code " + wanted + " is taken; choose another one");
          }
          events.publish(new ReferralCodeIssued(newEventId(), now, partner.id(), wanted, true));
          return code;
        });
  }

  /**
   * Revokes a code.
   *
   * @param rawCode the code, any case
   * @return the revoked code
   */
  public IssuedCode revokeCode(String rawCode) {
    ReferralCode wanted = ReferralCode.parse(rawCode);
    return tx.execute(
        () -> {
          IssuedCode code =
              codes
                  .find(wanted)
                  .orElseThrow(
                      () -> new NotFoundException("referral code " + wanted + " not found"));
          Instant now = now();
          IssuedCode revoked = code.revoke(now);
          if (!codes.revoke(code.code(), now)) {
            throw new RetryableException(
                "referral code " + code.code() + " changed concurrently", null);
          }
          events.publish(new ReferralCodeRevoked(newEventId(), now, code.partnerId(), code.code()));
          return revoked;
        });
  }

  /**
   * Makes the next rate version from the one in force and a change.
   *
   * @param command the change
   * @return the version
   */
  public RateVersion changeRates(RateChange command) {
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
          command.overrideFor().ifPresent(this::existing);
          Instant now = now();
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
                  newEventId(), now, version.partnerId(), version.number(), effectiveFrom));
          return version;
        });
  }

  /**
   * The overview.
   *
   * @param partnerId the partner
   * @return the overview, or empty
   */
  public Optional<PartnerOverview> overview(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(() -> partners.findById(partnerId).map(this::overviewOf));
  }

  /**
   * The overview of a customer account's partner.
   *
   * @param customer the customer account
   * @return the overview, or empty
   */
  public Optional<PartnerOverview> overviewOfCustomer(CustomerAccountId customer) {
    required("customerAccountId", customer);
    return tx.execute(() -> partners.findByCustomerAccount(customer).map(this::overviewOf));
  }

  /**
   * A partner as stored.
   *
   * @param partnerId the partner
   * @return the partner, or empty
   */
  public Optional<Partner> find(PartnerId partnerId) {
    required("partnerId", partnerId);
    return tx.execute(() -> partners.findById(partnerId));
  }

  /** The longest reason of a suspension, in characters. */
  static final int MAX_REASON_LENGTH = 200;

  private static void required(String field, Object value) {
    if (value == null) {
      throw new InvalidInputException(field, "must not be null");
    }
  }

  private PartnerOverview overviewOf(Partner partner) {
    Instant now = now();
    List<PartnerOverview.ReferralLink> links = new ArrayList<>();
    for (IssuedCode code : codes.findByPartner(partner.id())) {
      if (code.isLive()) {
        links.add(
            new PartnerOverview.ReferralLink(
                code.code(), terms.referralLinkTemplate().linkFor(code.code()), code.vanity()));
      }
    }
    return new PartnerOverview(
        partner.id(),
        partner.status(),
        partner.enrolledAt(),
        links,
        currentRates(partner.id(), now),
        partner.payoutAccount().map(a -> a.iban().masked()),
        partner.payoutAccount().map(a -> a.holderName()),
        referrals(partner.id()),
        balance(partner.id(), now),
        ctx.storage.ledger().recentEntries(partner.id(), PartnerOverview.RECENT_ENTRIES),
        PayoutPeriod.containing(now, terms.zone()).next().month().atDay(1),
        ctx.storage.payouts().recentPayouts(partner.id(), PartnerOverview.RECENT_PAYOUTS).stream()
            .map(
                p ->
                    new PartnerOverview.PayoutSummary(
                        p.payoutId(),
                        p.period(),
                        p.amount(),
                        p.status(),
                        p.account().iban().masked()))
            .toList(),
        now);
  }

  /** The ledger's balance with payouts netted: paid comes from payouts, payable is what is left. */
  Balance balance(PartnerId partnerId, Instant now) {
    return ctx.storage.balanceNetOfPayouts(partnerId, terms.currency(), now);
  }

  private AttributionCounts referrals(PartnerId partnerId) {
    return ctx.storage.referralCounts(partnerId);
  }

  private List<ProductRate> currentRates(PartnerId partnerId, Instant at) {
    Map<RateTarget, ProductRate> merged = new TreeMap<>();
    RateStore.InForce inForce = rates.inForceFor(partnerId, at);
    inForce
        .programme()
        .ifPresent(
            v ->
                v.rates()
                    .forEach(
                        (target, rate) ->
                            merged.put(
                                target,
                                new ProductRate(target, rate, v.number(), Optional.empty()))));
    inForce
        .partner()
        .ifPresent(
            v ->
                v.rates()
                    .forEach(
                        (target, rate) ->
                            merged.put(
                                target,
                                new ProductRate(
                                    target, rate, v.number(), Optional.of(partnerId)))));
    List<ProductRate> result = new ArrayList<>();
    for (ProductRate rate : merged.values()) {
      if (!(rate.rate() instanceof Rate.Percentage p && p.percent().signum() == 0)) {
        result.add(rate);
      }
    }
    return result;
  }
}
