package org.partnerprogram.core.port.in;

import java.util.Optional;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
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
   * Why a customer was or was not attributed, with the inputs of the decision, for support.
   *
   * @param customer the customer account; never null
   * @return the stored decision, or empty if the customer never signed up through the SDK
   */
  Optional<AttributionRecord> explain(CustomerAccountId customer);

  /**
   * Deletes the clicks (with their visitor ids) older than the programme's clock minus the
   * attribution window minus {@link
   * org.partnerprogram.core.domain.ProgramTerms#clickRetentionGrace() the retention grace}, so that
   * personal data is kept no longer than attribution needs it. A host runs it on a schedule, for
   * instance daily.
   *
   * <p>Clicks within window plus grace are always kept: a customer who signs up within the window
   * of a click (and is reported within the grace) is attributed exactly as without the purge. Only
   * the reason of a refusal may change: a signup whose clicks were all purged (so all were outside
   * the window anyway) is {@code NO_TOUCH} rather than {@code OUTSIDE_WINDOW}. The deletion runs in
   * batches of at most {@value #CLICK_PURGE_BATCH} clicks, each in its own unit of work, oldest
   * first, so no transaction is long and no batch is held in memory. It is idempotent (a second run
   * removes nothing more) and safe to run on several instances at once: each reports only the
   * clicks it deleted itself, so the reports add up to the clicks that expired. A batch that fails
   * transiently (a deadlock with another purge) is rolled back and run again, up to 10 times (or as
   * the programme's {@code RetryPolicy} says, if it allows more than one attempt), unless the
   * storage joins a transaction of the host's.
   *
   * @return how many clicks were removed, the cutoff and the number of batches; never null
   * @throws org.partnerprogram.core.domain.StorageException if storage fails (the batches committed
   *     before stay deleted; running it again continues)
   */
  ClickPurge purgeExpiredClicks();

  /** The most clicks {@link #purgeExpiredClicks()} deletes in one unit of work. */
  int CLICK_PURGE_BATCH = 5_000;
}
