package org.partnerprogram.core.domain;

/**
 * The end of the audit trail: the last record's sequence and hash, which the next record chains to.
 * Storage keeps it beside the records, so that a deleted last record is noticed too.
 *
 * @param sequence the last record's sequence, 0 if there is none
 * @param hash the last record's hash, {@link AuditRecord#GENESIS_HASH} if there is none
 */
public record AuditHead(long sequence, String hash) {
  /** The head of an empty trail. */
  public static final AuditHead EMPTY = new AuditHead(0, AuditRecord.GENESIS_HASH);

  /**
   * Checks the parts.
   *
   * @throws InvalidInputException if the sequence is negative or the hash null (a hash changed
   *     behind the SDK's back is read as it is, for verification to report)
   */
  public AuditHead {
    if (sequence < 0) {
      throw new InvalidInputException("sequence", "must not be negative, was " + sequence);
    }
    if (hash == null) {
      throw new InvalidInputException("hash", "must not be null");
    }
  }

  /**
   * The head after a record.
   *
   * @param record the trail's new last record; never null
   * @return its sequence and hash
   */
  public static AuditHead of(AuditRecord record) {
    return new AuditHead(record.sequence(), record.hash());
  }
}
