package org.partnerprogram.core.domain;

/**
 * The path of the host's page a referral link landed on, such as {@code /vps}, for the partner's
 * statistics. A path only: no scheme, host, query string or fragment, so no personal data from a
 * URL can slip in.
 *
 * @param value the path; starts with {@code /}; at most {@value #MAX_LENGTH} characters of {@code
 *     A-Z a-z 0-9 / - _ . ~}
 */
public record LandingPath(String value) {
  /** The longest path kept. */
  public static final int MAX_LENGTH = 200;

  /**
   * Validates the path.
   *
   * @throws InvalidInputException if it is not such a path
   */
  public LandingPath {
    if (value == null || value.isEmpty() || value.charAt(0) != '/') {
      throw new InvalidInputException("landingPath", "must start with /");
    }
    if (value.length() > MAX_LENGTH) {
      throw new InvalidInputException(
          "landingPath", "must be at most " + MAX_LENGTH + " characters");
    }
    for (int i = 0; i < value.length(); i++) {
      if (!Text.isAsciiLetterDigitOr(value.charAt(i), "/-_.~")) {
        throw new InvalidInputException(
            "landingPath", "may only contain letters, digits and / - _ . ~ (no query string)");
      }
    }
  }

  /**
   * Creates a path.
   *
   * @param value the path
   * @return the path
   * @throws InvalidInputException if invalid
   */
  public static LandingPath of(String value) {
    return new LandingPath(value);
  }
}
