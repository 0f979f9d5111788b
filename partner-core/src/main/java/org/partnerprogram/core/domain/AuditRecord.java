package org.partnerprogram.core.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * One record of the audit trail: who did which administrative act, to what, when and why, chained
 * to the record before it by a hash, as an append-only ledger is. Changing, removing or inserting a
 * stored record breaks the chain at that record, which {@code program.audit().verify()} reports.
 *
 * <p>The hash is SHA-256, in lower-case hex, over the previous record's hash ({@link #GENESIS_HASH}
 * for the first record) and this record's fields, each written as a four-byte big-endian length and
 * its UTF-8 bytes (see {@link #hashOf}): no two different records encode alike, whatever their
 * texts hold, and the chain is the same on every storage adapter, since the core computes it.
 *
 * @param sequence the record's place in the trail: 1 for the first, then one more each, no gaps
 * @param recordedAt when the act was done, to the microsecond
 * @param actor who acted ({@link Act#actor()})
 * @param action what was done
 * @param partnerId the partner the act concerns, or empty (closing a month concerns all)
 * @param subject what the act was about, by id: a payout id, a month ({@code 2026-11}), a rate
 *     version number; 0 to {@value #MAX_SUBJECT_LENGTH} characters of {@code [A-Za-z0-9._:@/+-]}
 * @param reason why ({@link Act#reason()})
 * @param hash the record's hash, 64 lower-case hex digits
 */
public record AuditRecord(
    long sequence,
    Instant recordedAt,
    String actor,
    AuditAction action,
    Optional<PartnerId> partnerId,
    String subject,
    String reason,
    String hash) {

  /** The "previous hash" of the first record: 64 zeros. */
  public static final String GENESIS_HASH = "0".repeat(64);

  /** The longest subject, in characters. */
  public static final int MAX_SUBJECT_LENGTH = 100;

  /** Written first into every hash, so that a change of the encoding can be told apart. */
  private static final String FORMAT = "pp-audit-1";

  /**
   * Checks that no part is null. The parts are not checked further: a record is also what storage
   * returns, and a record changed behind the SDK's back must still be read, so that {@code
   * verify()} can report it (its hash no longer matches). Records the SDK appends are made from an
   * {@link AuditDraft}, whose parts are checked.
   *
   * @throws NullPointerException if a part is null
   */
  public AuditRecord {
    Objects.requireNonNull(recordedAt, "recordedAt");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(hash, "hash");
  }

  /**
   * Checks a subject: 0 to {@value #MAX_SUBJECT_LENGTH} characters of letters, digits and {@code .
   * _ : @ / + -}.
   *
   * @param subject the subject; may be null (which is rejected)
   * @return the subject unchanged
   * @throws InvalidInputException if it is null, too long or has other characters
   */
  public static String checkSubject(String subject) {
    if (subject == null) {
      throw new InvalidInputException("subject", "must not be null (empty for none)");
    }
    return subject.isEmpty() ? subject : Text.identifier("subject", subject, MAX_SUBJECT_LENGTH);
  }

  /**
   * The hash this record should have after a record with the given hash: equal to {@link #hash()}
   * unless the record (or the one before) was changed behind the SDK's back.
   *
   * @param previousHash the hash of the record before, or {@link #GENESIS_HASH} for the first
   * @return the hash, 64 lower-case hex digits
   */
  public String expectedHash(String previousHash) {
    return hashOf(previousHash, sequence, recordedAt, actor, action, partnerId, subject, reason);
  }

  /**
   * The hash of a record's fields after the previous record's hash: SHA-256 of the {@code
   * pp-audit-1} format tag, the previous hash, the sequence (decimal), the instant (epoch seconds
   * and nanoseconds, decimal), actor, action name, a presence flag and the partner id, subject and
   * reason, each as a four-byte big-endian length and UTF-8 bytes.
   *
   * @param previousHash the previous record's hash; never null
   * @param sequence the sequence
   * @param recordedAt the instant; never null
   * @param actor the actor; never null
   * @param action the action; never null
   * @param partnerId the partner, or empty; never null
   * @param subject the subject; never null
   * @param reason the reason; never null
   * @return the hash, 64 lower-case hex digits
   */
  public static String hashOf(
      String previousHash,
      long sequence,
      Instant recordedAt,
      String actor,
      AuditAction action,
      Optional<PartnerId> partnerId,
      String subject,
      String reason) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    field(out, FORMAT);
    field(out, Objects.requireNonNull(previousHash, "previousHash"));
    field(out, Long.toString(sequence));
    field(out, Long.toString(recordedAt.getEpochSecond()));
    field(out, Integer.toString(recordedAt.getNano()));
    field(out, actor);
    field(out, action.name());
    field(out, partnerId.isPresent() ? "1" : "0");
    field(out, partnerId.map(PartnerId::value).orElse(""));
    field(out, subject);
    field(out, reason);
    return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
  }

  private static void field(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
