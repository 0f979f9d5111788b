package org.partnerprogram.core;

import static org.partnerprogram.core.ServiceContext.required;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.domain.event.ReferralCodeIssued;
import org.partnerprogram.core.domain.event.ReferralCodeRevoked;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * Referral codes: random codes (also the one every enrolment issues), vanity codes a partner
 * chooses, and revocation.
 */
final class ReferralCodeService {
  /** Attempts at finding a free random code before giving up (each collides with p < 1e-11). */
  private static final int CODE_ATTEMPTS = 8;

  private final ServiceContext ctx;
  private final ReferralCodeStore codes;
  private final TransactionBoundary tx;
  private final EventPublisher events;

  ReferralCodeService(ServiceContext ctx) {
    this.ctx = ctx;
    this.codes = ctx.storage.codes();
    this.tx = ctx.tx;
    this.events = ctx.events;
  }

  /**
   * Issues a random code.
   *
   * @param partnerId the partner
   * @return the code
   */
  IssuedCode issueCode(PartnerId partnerId) {
    return issue(partnerId, null);
  }

  /**
   * Issues a code the partner chose.
   *
   * @param partnerId the partner
   * @param code the code wanted
   * @return the code
   */
  IssuedCode issueVanityCode(PartnerId partnerId, String code) {
    return issue(partnerId, ReferralCode.vanity(code));
  }

  private IssuedCode issue(PartnerId partnerId, ReferralCode vanity) {
    required("partnerId", partnerId);
    return tx.execute(
        () -> {
          Partner partner = ctx.partner(partnerId).requireNotErased();
          if (partner.status() == PartnerStatus.TERMINATED) {
            throw new IllegalTransitionException(
                "partner " + partner.id() + " has left the programme; no new codes");
          }
          Instant now = ctx.now();
          if (vanity == null) {
            return issueRandomCode(partner.id(), now);
          }
          ReferralCode wanted = vanity;
          IssuedCode code = new IssuedCode(wanted, partner.id(), true, now, Optional.empty());
          // An erased partner's vanity code is stored as its pseudonym: still taken, for good.
          if (codes.find(ctx.pseudonyms.pseudonymOf(wanted)).isPresent() || !codes.insert(code)) {
            throw new ConflictException(
                "referral code " + wanted + " is taken; choose another one");
          }
          events.publish(new ReferralCodeIssued(ctx.newEventId(), now, partner.id(), wanted, true));
          return code;
        });
  }

  /**
   * Revokes a code.
   *
   * @param rawCode the code, any case
   * @return the revoked code
   */
  IssuedCode revokeCode(String rawCode) {
    ReferralCode wanted = ReferralCode.parse(rawCode);
    return tx.execute(
        () -> {
          IssuedCode code =
              codes
                  .find(wanted)
                  .orElseThrow(
                      () -> new NotFoundException("referral code " + wanted + " not found"));
          Instant now = ctx.now();
          IssuedCode revoked = code.revoke(now);
          if (!codes.revoke(code.code(), now)) {
            throw new RetryableException(
                "referral code " + code.code() + " changed concurrently", null);
          }
          events.publish(
              new ReferralCodeRevoked(ctx.newEventId(), now, code.partnerId(), code.code()));
          return revoked;
        });
  }

  /** Issues a fresh random code, retrying on the (unlikely) collision with a code in use. */
  IssuedCode issueRandomCode(PartnerId partnerId, Instant now) {
    for (int attempt = 0; attempt < CODE_ATTEMPTS; attempt++) {
      IssuedCode code =
          new IssuedCode(
              ReferralCode.generate(ctx.random()), partnerId, false, now, Optional.empty());
      if (codes.insert(code)) {
        events.publish(
            new ReferralCodeIssued(ctx.newEventId(), now, partnerId, code.code(), false));
        return code;
      }
    }
    throw new RetryableException(
        "could not find a free referral code in " + CODE_ATTEMPTS + " attempts", null);
  }
}
