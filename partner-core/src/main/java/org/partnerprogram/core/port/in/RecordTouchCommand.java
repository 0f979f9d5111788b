package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.Instants;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;

/**
 * A visitor followed a referral link. Call it from the landing page (or the {@code /r/{code}}
 * redirect) with the code from the URL and the visitor id from the host's cookie:
 *
 * <pre>{@code
 * RecordTouchCommand.of(codeFromUrl, cookieValue)
 *     .at(clickedAt)          // default: now, by the programme's clock
 *     .landingPath("/vps")    // the page the link landed on, for statistics
 * }</pre>
 */
public final class RecordTouchCommand {
  private final ReferralCode code;
  private final VisitorId visitorId;
  private final Instant at; // null: now
  private final LandingPath landingPath; // null: not given

  private RecordTouchCommand(
      ReferralCode code, VisitorId visitorId, Instant at, LandingPath landingPath) {
    this.code = code;
    this.visitorId = visitorId;
    this.at = at;
    this.landingPath = landingPath;
  }

  /**
   * A click now, parsing the raw code from the URL.
   *
   * @param rawCode the code as it came in the URL, any case
   * @param visitorId the cookie value
   * @return the command
   * @throws InvalidInputException if the code or visitor id is null or malformed
   */
  public static RecordTouchCommand of(String rawCode, String visitorId) {
    return new RecordTouchCommand(ReferralCode.parse(rawCode), VisitorId.of(visitorId), null, null);
  }

  /**
   * When the click happened, if not now (a host recording clicks from a queue).
   *
   * @param clickedAt the instant; never null, in [1970, 3000)
   * @return a new command
   * @throws InvalidInputException if the instant is null or out of range
   */
  public RecordTouchCommand at(Instant clickedAt) {
    if (clickedAt == null) {
      throw new InvalidInputException("at", "must not be null");
    }
    return new RecordTouchCommand(code, visitorId, Instants.check("at", clickedAt), landingPath);
  }

  /**
   * The page the link landed on.
   *
   * @param path the path, such as {@code /vps}
   * @return a new command
   * @throws InvalidInputException if the path is null or malformed
   */
  public RecordTouchCommand landingPath(String path) {
    return new RecordTouchCommand(code, visitorId, at, LandingPath.of(path));
  }

  /**
   * The code from the link.
   *
   * @return never null
   */
  public ReferralCode code() {
    return code;
  }

  /**
   * The visitor id from the host's cookie.
   *
   * @return never null
   */
  public VisitorId visitorId() {
    return visitorId;
  }

  /**
   * When the click happened.
   *
   * @return the instant, or empty for now by the programme's clock
   */
  public Optional<Instant> at() {
    return Optional.ofNullable(at);
  }

  /**
   * The page the link landed on.
   *
   * @return the path, or empty if not given
   */
  public Optional<LandingPath> landingPath() {
    return Optional.ofNullable(landingPath);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordTouchCommand c
        && code.equals(c.code)
        && visitorId.equals(c.visitorId)
        && Objects.equals(at, c.at)
        && Objects.equals(landingPath, c.landingPath);
  }

  @Override
  public int hashCode() {
    return Objects.hash(code, visitorId, at, landingPath);
  }

  @Override
  public String toString() {
    return "RecordTouchCommand["
        + code
        + ", "
        + visitorId
        + (at == null ? "" : ", at " + at)
        + (landingPath == null ? "" : ", " + landingPath)
        + "]";
  }
}
