package org.partnerprogram.core.domain;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The host's pattern for referral links, such as {@code https://example.nl/?ref={code}}: an
 * absolute http(s) URL containing the placeholder {@value #PLACEHOLDER} exactly once.
 *
 * @param pattern the pattern; never null
 */
public record ReferralLinkTemplate(String pattern) {
  /** The placeholder that is replaced by the code. */
  public static final String PLACEHOLDER = "{code}";

  /**
   * Validates the pattern.
   *
   * @throws InvalidInputException if it lacks the placeholder, has it twice, or does not make an
   *     absolute http or https URL
   */
  public ReferralLinkTemplate {
    if (pattern == null || pattern.isBlank()) {
      throw new InvalidInputException("referralLinkTemplate", "must not be blank");
    }
    int first = pattern.indexOf(PLACEHOLDER);
    if (first < 0 || pattern.indexOf(PLACEHOLDER, first + 1) >= 0) {
      throw new InvalidInputException(
          "referralLinkTemplate", "must contain " + PLACEHOLDER + " exactly once: " + pattern);
    }
    URI probe = toUri(pattern.replace(PLACEHOLDER, "ABCD"));
    if (!probe.isAbsolute()
        || !("https".equals(probe.getScheme()) || "http".equals(probe.getScheme()))
        || probe.getHost() == null) {
      throw new InvalidInputException(
          "referralLinkTemplate", "must be an absolute http or https URL: " + pattern);
    }
  }

  /**
   * Creates a template.
   *
   * @param pattern such as {@code https://example.nl/?ref={code}}
   * @return the template
   * @throws InvalidInputException if the pattern is not valid
   */
  public static ReferralLinkTemplate of(String pattern) {
    return new ReferralLinkTemplate(pattern);
  }

  /**
   * The link for a code. Codes are URL-safe, so they are inserted as they are.
   *
   * @param code the code; never null
   * @return the absolute link
   */
  public URI linkFor(ReferralCode code) {
    return toUri(pattern.replace(PLACEHOLDER, code.value()));
  }

  private static URI toUri(String s) {
    try {
      return new URI(s);
    } catch (URISyntaxException e) {
      throw new InvalidInputException("referralLinkTemplate", "is not a valid URL: " + s);
    }
  }
}
