package org.partnerprogram.examples.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The portal's HMAC key and what it signs: the CSRF tokens of visitors without a session (HMACs of
 * a random cookie), and the landing tokens that carry a referral through the signup form without a
 * cookie (a visitor id the portal recorded a click for, with its HMAC). The key is random per
 * process: a restart makes every token worthless (a real host keeps a key in its secret store).
 */
final class Csrf {
  /** The shape of a landing token: a visitor id of 32 hex digits, a hyphen, 32 more of its HMAC. */
  static final String LANDING_TOKEN = "[0-9a-f]{32}-[0-9a-f]{32}";

  // Keeps the two uses apart: a CSRF token is an HMAC of 32 hex digits, never of this prefix.
  private static final String LANDING = "landing:";

  private final SecretKeySpec csrfKey =
      new SecretKeySpec(HexFormat.of().parseHex(HostShop.randomHex(32)), "HmacSHA256");

  /** The CSRF token of a visitor without a session: an HMAC of their random cookie value. */
  String csrfTokenFor(String cookieValue) {
    return HexFormat.of().formatHex(mac(cookieValue));
  }

  /**
   * The landing token of a visitor id the portal just recorded a click for: the id and the first 16
   * bytes of its HMAC. A client cannot make one for an id of its own choosing.
   *
   * @param visitorId 32 hex digits, fresh from {@link HostShop#randomHex}
   */
  String landingToken(String visitorId) {
    byte[] mac = mac(LANDING + visitorId);
    return visitorId + "-" + HexFormat.of().formatHex(mac, 0, 16);
  }

  /**
   * The visitor id in a landing token, if the token is well formed and this portal signed it.
   *
   * @param token what a client sent; null, empty and anything else give empty
   * @return the visitor id, or empty
   */
  Optional<String> visitorOf(String token) {
    if (token == null || !token.matches(LANDING_TOKEN)) {
      return Optional.empty();
    }
    String visitorId = token.substring(0, 32);
    byte[] expected = landingToken(visitorId).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))
        ? Optional.of(visitorId)
        : Optional.empty(); // constant-time comparison
  }

  private byte[] mac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(csrfKey);
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
