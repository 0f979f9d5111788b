package org.partnerprogram.core.port.in;

/**
 * Records a click on a referral link. Unknown or revoked codes and inactive partners are reported
 * in the result, not thrown, and store nothing.
 *
 * <p>Call it from the landing page. Keep the visitor id in a first-party cookie that lives as long
 * as the attribution window ({@code ProgramTerms.attributionWindow()}), holding a random value (for
 * example 128 bits from {@code SecureRandom}) and nothing personal; pass the same value to {@link
 * AttributeSignupUseCase} at signup.
 */
@FunctionalInterface
public interface RecordTouchUseCase {

  /**
   * Records a click on a referral link. Unknown or revoked codes and inactive partners are reported
   * in the result, not thrown, and store nothing.
   *
   * @param command the command; never null
   * @return recorded, or ignored with the reason; never null
   * @throws org.partnerprogram.core.domain.InvalidInputException if the click time is outside the
   *     accepted range or more than five minutes ahead of the programme's clock
   */
  TouchResult recordTouch(RecordTouchCommand command);
}
