package org.partnerprogram.core.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * What verifying the audit trail found: how many records were checked and, if the chain is broken,
 * where it first breaks.
 *
 * @param recordsChecked the records read and checked, up to and including the first broken one
 * @param firstBreak the first break, or empty if the trail is intact; never null
 */
public record AuditVerification(long recordsChecked, Optional<Break> firstBreak) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the break is null
   */
  public AuditVerification {
    Objects.requireNonNull(firstBreak, "firstBreak");
  }

  /**
   * Whether the trail is intact: every record chains to the one before and the head to the last.
   *
   * @return true if no break was found
   */
  public boolean intact() {
    return firstBreak.isEmpty();
  }

  /** What is wrong where the chain breaks. */
  public enum Problem {
    /** The record's stored hash is not the hash of its fields after the previous record's hash. */
    HASH_MISMATCH,
    /** A sequence is missing: a record was deleted (or the sequence otherwise skips). */
    GAP,
    /** The stored head (last sequence and hash) does not name the last record. */
    HEAD_MISMATCH
  }

  /**
   * Where and how the chain breaks.
   *
   * @param sequence the sequence of the record that does not chain (for a gap: the missing one)
   * @param problem what is wrong; never null
   * @param detail a sentence for the operator; never null
   */
  public record Break(long sequence, Problem problem, String detail) {
    /**
     * Checks the parts.
     *
     * @throws NullPointerException if a part is null
     */
    public Break {
      Objects.requireNonNull(problem, "problem");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
