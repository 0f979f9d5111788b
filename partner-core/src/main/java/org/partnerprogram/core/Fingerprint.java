package org.partnerprogram.core;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 hash over a canonical text form of an event's payload, built field by field. */
final class Fingerprint {
  private final StringBuilder text = new StringBuilder();

  Fingerprint(String kind) {
    add(kind);
  }

  /** Adds a field; null and absent values are written as a distinct marker. */
  Fingerprint add(Object value) {
    String s = value == null ? "\u0000" : value.toString();
    // length-prefixed, so that no two different field lists give the same text
    text.append(s.length()).append(':').append(s).append('|');
    return this;
  }

  String sha256() {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(text.toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
