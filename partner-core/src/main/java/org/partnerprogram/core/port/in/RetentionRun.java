package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Objects;

/**
 * What one {@link Privacy#applyRetention()} did: a plain value. The counts are this call's own:
 * rows another instance handled at the same time are counted there, so the reports of instances
 * running at once add up to what expired.
 *
 * @param clicksRemoved clicks (with their visitor ids) deleted; at least 0
 * @param attributionInputsPseudonymised attribution decisions whose visitor id was replaced by its
 *     pseudonym; at least 0
 * @param payoutAccountChangesRemoved entries of partners' payout-account histories deleted; at
 *     least 0
 * @param clickCutoff the first instant kept for clicks and attribution inputs: clicks made and
 *     signups decided before it were handled, those at or after it were left alone; never null
 * @param bookkeepingCutoff the first instant kept for payout-account history: an account that
 *     stopped being the partner's before it was deleted; never null
 * @param batches how many units of work (transactions) ran, each handling at most {@value
 *     Privacy#RETENTION_BATCH} rows; at least 3 (one per kind of data, even when it found nothing)
 */
public record RetentionRun(
    long clicksRemoved,
    long attributionInputsPseudonymised,
    long payoutAccountChangesRemoved,
    Instant clickCutoff,
    Instant bookkeepingCutoff,
    int batches) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a cutoff is null
   * @throws IllegalArgumentException if a count is out of range
   */
  public RetentionRun {
    Objects.requireNonNull(clickCutoff, "clickCutoff");
    Objects.requireNonNull(bookkeepingCutoff, "bookkeepingCutoff");
    if (clicksRemoved < 0
        || attributionInputsPseudonymised < 0
        || payoutAccountChangesRemoved < 0
        || batches < 3) {
      throw new IllegalArgumentException(
          "counts must be at least 0 and batches at least 3, were "
              + clicksRemoved
              + ", "
              + attributionInputsPseudonymised
              + ", "
              + payoutAccountChangesRemoved
              + " and "
              + batches);
    }
  }

  /**
   * Whether this run changed nothing: every count is zero (a second run right after a first).
   *
   * @return true if nothing was removed or pseudonymised
   */
  public boolean changedNothing() {
    return clicksRemoved == 0
        && attributionInputsPseudonymised == 0
        && payoutAccountChangesRemoved == 0;
  }
}
