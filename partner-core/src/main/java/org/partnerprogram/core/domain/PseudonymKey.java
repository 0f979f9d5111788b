package org.partnerprogram.core.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host's secret that turns identifiers of people into keyed pseudonyms (HMAC-SHA-256): the same
 * customer always maps to the same pseudonym under the same key, so totals stay exact and the host,
 * who holds the key, can still find the pseudonym of a customer of theirs; without the key a
 * pseudonym cannot be traced back, not even by trying every likely account id.
 *
 * <p>The SDK uses it where it keeps or publishes an identifier it does not need in the clear:
 * events name referred customers by pseudonym, an erased customer's account id and visitor ids are
 * replaced by their pseudonyms, and attribution inputs older than the retention are pseudonymised.
 * Keep the key in the host's secret store, never in the database the SDK writes to; changing it
 * changes every pseudonym from then on (the ones already stored stay as they were).
 *
 * <p>A pseudonym is {@value #PREFIX} followed by 32 lowercase base32 characters (160 bits of the
 * HMAC), so it is a valid {@link CustomerAccountId} and {@link VisitorId}.
 */
public final class PseudonymKey {
  /** The fewest bytes a key may have: 256 bits, the HMAC-SHA-256 block's security level. */
  public static final int MIN_BYTES = 32;

  /** How every pseudonym starts. */
  public static final String PREFIX = "ps:";

  private static final String ALGORITHM = "HmacSHA256";
  private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
  private static final int PSEUDONYM_BITS = 160;

  private final byte[] secret;

  private PseudonymKey(byte[] secret) {
    this.secret = secret;
  }

  /**
   * A key from the host's secret bytes (copied).
   *
   * @param secret at least {@value #MIN_BYTES} random bytes; never null
   * @return the key
   * @throws InvalidInputException if the secret is null or shorter than {@value #MIN_BYTES} bytes
   */
  public static PseudonymKey of(byte[] secret) {
    if (secret == null) {
      throw new InvalidInputException("pseudonymKey", "must not be null");
    }
    if (secret.length < MIN_BYTES) {
      throw new InvalidInputException(
          "pseudonymKey",
          "must be at least "
              + MIN_BYTES
              + " bytes (256 bits) of random data, was "
              + secret.length
              + " bytes");
    }
    return new PseudonymKey(secret.clone());
  }

  /**
   * A key from the base64 text a secret store usually holds, such as the output of {@code openssl
   * rand -base64 32}.
   *
   * @param base64 standard base64 of at least {@value #MIN_BYTES} bytes; never null
   * @return the key
   * @throws InvalidInputException if the text is null, not base64, or decodes to fewer than {@value
   *     #MIN_BYTES} bytes (the message never repeats the text)
   */
  public static PseudonymKey fromBase64(String base64) {
    if (base64 == null) {
      throw new InvalidInputException("pseudonymKey", "must not be null");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("pseudonymKey", "is not standard base64");
    }
    return of(secret);
  }

  /**
   * The pseudonym of a customer account.
   *
   * @param customer the account; never null
   * @return its pseudonym, a valid account id that starts with {@value #PREFIX}
   */
  public CustomerAccountId pseudonymOf(CustomerAccountId customer) {
    return CustomerAccountId.of(pseudonym("customer", customer.value()));
  }

  /**
   * The pseudonym of a visitor id.
   *
   * @param visitor the visitor; never null
   * @return its pseudonym, a valid visitor id that starts with {@value #PREFIX}
   */
  public VisitorId pseudonymOf(VisitorId visitor) {
    return VisitorId.of(pseudonym("visitor", visitor.value()));
  }

  /**
   * The pseudonym of an erased partner's customer account. Made under its own kind, so it differs
   * from the {@linkplain #pseudonymOf(CustomerAccountId) pseudonym of the same account as a
   * referred customer}: erasing the person as a customer later never meets the partner's row.
   *
   * @param account the partner's customer account; never null
   * @return its pseudonym, a valid account id that starts with {@value #PREFIX}
   */
  public CustomerAccountId partnerPseudonymOf(CustomerAccountId account) {
    return CustomerAccountId.of(pseudonym("partner", account.value()));
  }

  /**
   * The pseudonym of a vanity code of an erased partner: {@value ReferralCode#ERASED_PREFIX}
   * followed by 25 upper-case base32 characters (125 bits of the HMAC of the code), a well-formed
   * code that no partner can choose. It takes the code's place, so the code no longer names the
   * partner and is still known as taken: a partner asking for it later is refused.
   *
   * @param code the code; never null
   * @return its pseudonym
   */
  public ReferralCode pseudonymOf(ReferralCode code) {
    int length = ReferralCode.MAX_LENGTH - ReferralCode.ERASED_PREFIX.length();
    return new ReferralCode(
        ReferralCode.ERASED_PREFIX
            + base32(mac("code", code.value()), length).toUpperCase(Locale.ROOT));
  }

  /**
   * Whether a value is a pseudonym made by some key (it starts with {@value #PREFIX} and has the
   * pseudonym's shape).
   *
   * @param value the value; may be null
   * @return true for a pseudonym
   */
  public static boolean isPseudonym(String value) {
    if (value == null
        || value.length() != PREFIX.length() + PSEUDONYM_BITS / 5
        || !value.startsWith(PREFIX)) {
      return false;
    }
    for (int i = PREFIX.length(); i < value.length(); i++) {
      char c = value.charAt(i);
      if (!(c >= 'a' && c <= 'z') && !(c >= '2' && c <= '7')) {
        return false;
      }
    }
    return true;
  }

  /**
   * The pseudonym of an identifier of the given kind; kinds keep equal values of different kinds
   * apart (a visitor id equal to an account id gets another pseudonym).
   */
  private String pseudonym(String kind, String value) {
    return PREFIX + base32(mac(kind, value), PSEUDONYM_BITS / 5);
  }

  /** The HMAC of a value of a kind. */
  private byte[] mac(String kind, String value) {
    byte[] mac;
    try {
      Mac hmac = Mac.getInstance(ALGORITHM);
      hmac.init(new SecretKeySpec(secret, ALGORITHM));
      hmac.update(kind.getBytes(StandardCharsets.UTF_8));
      hmac.update((byte) 0);
      mac = hmac.doFinal(value.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
    return mac;
  }

  /** The first {@code characters} five-bit groups of the MAC in lower-case base32. */
  private static String base32(byte[] mac, int characters) {
    StringBuilder out = new StringBuilder(characters);
    for (int bit = 0; bit < characters * 5; bit += 5) {
      int index = 0;
      for (int b = bit; b < bit + 5; b++) {
        index = (index << 1) | ((mac[b / 8] >> (7 - b % 8)) & 1);
      }
      out.append(BASE32[index]);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }

  /** Never shows the secret. */
  @Override
  public String toString() {
    return "PseudonymKey[" + secret.length + " bytes]";
  }
}
