package org.partnerprogram.examples.portal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The CSRF tokens of visitors without a session: HMACs of a random cookie under the portal's key.
 */
final class Csrf {
  private final SecretKeySpec csrfKey =
      new SecretKeySpec(HexFormat.of().parseHex(HostShop.randomHex(32)), "HmacSHA256");

  /** The CSRF token of a visitor without a session: an HMAC of their random cookie value. */
  String csrfTokenFor(String cookieValue) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(csrfKey);
      return HexFormat.of().formatHex(mac.doFinal(cookieValue.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }
}
