package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;

/**
 * A visitor followed a referral link. Call it from the landing page (or the {@code /r/{code}}
 * redirect) with the code from the URL and the visitor id from the host's cookie.
 *
 * @param code the code from the link; never null (use {@link #of} to parse the raw text)
 * @param visitorId the host's opaque cookie value; never null
 * @param at when the click happened, or empty for now by the programme's clock; never null
 * @param landingPath the page the link landed on, if wanted for statistics; never null
 */
public record RecordTouchCommand(
    ReferralCode code,
    VisitorId visitorId,
    Optional<Instant> at,
    Optional<LandingPath> landingPath) {

  /**
   * Checks for nulls.
   *
   * @throws InvalidInputException if a component is null
   */
  public RecordTouchCommand {
    if (code == null || visitorId == null || at == null || landingPath == null) {
      throw new InvalidInputException(
          "touch", "code, visitorId, at and landingPath must not be null");
    }
    at = at.map(instant -> Instants.check("at", instant));
  }

  /**
   * A click now, parsing the raw code from the URL.
   *
   * @param rawCode the code as it came in the URL, any case
   * @param visitorId the cookie value
   * @return the command
   * @throws InvalidInputException if the code or visitor id is malformed
   */
  public static RecordTouchCommand of(String rawCode, String visitorId) {
    return new RecordTouchCommand(
        ReferralCode.parse(rawCode), VisitorId.of(visitorId), Optional.empty(), Optional.empty());
  }
}
