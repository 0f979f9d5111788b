package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.AttributionExplanation;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * Referral codes, clicks on referral links, and who brought a new customer. Handed out by {@code
 * PartnerProgram.referrals()}; safe for concurrent use.
 */
public interface Referrals {

  /**
   * Records a click on a referral link. An unknown or revoked code, or a partner who is not active,
   * is not an error: the result says the click was ignored and why, and the page renders as usual.
   *
   * @param command the click; never null
   * @return recorded or ignored; never null
   * @throws InvalidInputException if the click time lies beyond the programme's clock
   */
  TouchResult recordTouch(RecordTouchCommand command);

  /**
   * Records a click now: {@code recordTouch(RecordTouchCommand.of(code, visitorId))}.
   *
   * @param code the code as it came in the URL, any case
   * @param visitorId the referral cookie's value
   * @return recorded or ignored; never null
   * @throws InvalidInputException if the code or visitor id is malformed
   */
  default TouchResult recordTouch(String code, String visitorId) {
    return recordTouch(RecordTouchCommand.of(code, visitorId));
  }

  /**
   * Decides, at signup and once for good, whether a partner brought the customer; a repeated or
   * concurrent call returns the first decision.
   *
   * @param command the signup; never null
   * @return the decision and whether it was made before; never null
   * @throws InvalidInputException if the signup time lies beyond the programme's clock
   */
  SignupAttribution attributeSignup(AttributeSignupCommand command);

  /**
   * Issues a new random referral code to a partner.
   *
   * @param partnerId the partner; never null
   * @return the code
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException if the partner left the programme
   */
  IssuedCode issueCode(PartnerId partnerId);

  /**
   * Issues a code the partner chose (4 to 32 letters, digits and hyphens; reserved words refused).
   *
   * @param partnerId the partner; never null
   * @param code the code wanted
   * @return the code
   * @throws InvalidInputException if the code is malformed or reserved
   * @throws ConflictException if the code is taken
   * @throws NotFoundException if there is no such partner
   * @throws IllegalTransitionException if the partner left the programme
   */
  IssuedCode issueVanityCode(PartnerId partnerId, String code);

  /**
   * Revokes a code for good: clicks on it are ignored and it is never issued again.
   *
   * @param code the code, any case
   * @return the revoked code
   * @throws InvalidInputException if the code is malformed
   * @throws NotFoundException if there is no such code
   */
  IssuedCode revokeCode(String code);

  /**
   * Revokes a code for good, as {@link #revokeCode(String)}.
   *
   * @param code the code; never null
   * @return the revoked code
   * @throws InvalidInputException if the code is null
   * @throws NotFoundException if there is no such code
   */
  default IssuedCode revokeCode(ReferralCode code) {
    if (code == null) {
      throw new InvalidInputException("code", "must not be null");
    }
    return revokeCode(code.value());
  }

  /**
   * Why a customer was or was not attributed, with the inputs of the decision, for support. Once
   * the signup is older than the clicks' retention, {@link Privacy#applyRetention()} has replaced
   * the visitor id by its pseudonym, and the record shows that.
   *
   * @param customer the customer account; never null
   * @return the stored decision with support's re-attributions since, or empty if the customer
   *     never signed up through the SDK
   */
  Optional<AttributionExplanation> explain(CustomerAccountId customer);

  /**
   * Support moves a customer's attribution to another partner, or to none: orders the customer
   * places from {@code effectiveFrom} on earn for that partner; commission recorded before stays
   * where it is. The decision at signup and every move are kept, and {@link #explain} shows them.
   * Idempotent by the command's id like a host event.
   *
   * @param command the move; never null
   * @return the re-attribution (the first one's, on a redelivery); never null
   * @throws org.partnerprogram.core.domain.InvalidInputException if the command is null, or {@code
   *     effectiveFrom} is after now, before the customer signed up or before the customer's latest
   *     re-attribution
   * @throws org.partnerprogram.core.domain.NotFoundException if the customer never signed up
   *     through the programme, or the partner does not exist
   * @throws org.partnerprogram.core.domain.IllegalTransitionException if the partner left
   * @throws org.partnerprogram.core.domain.PartnerErasedException if the partner was erased
   * @throws org.partnerprogram.core.domain.CustomerIsPartnerException if the partner is the
   *     customer's own partner account
   * @throws org.partnerprogram.core.domain.IdempotencyConflictException if the id was used for
   *     another act or event
   */
  Reattribution reattribute(ReattributeCommand command);
}
