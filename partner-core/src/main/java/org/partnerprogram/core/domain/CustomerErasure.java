package org.partnerprogram.core.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What erasing a referred customer changed, as {@code program.privacy().eraseCustomer(..)} returns
 * it and as the storage records it (keyed by the pseudonym, so that erasing again returns this same
 * value and changes nothing).
 *
 * @param pseudonym the customer's keyed pseudonym, which replaced their account id everywhere;
 *     never null
 * @param erasedAt when the erasure ran, by the programme's clock; never null
 * @param attributionRows the attribution decisions changed: the customer's own (at most one) and
 *     those of other customers that shared one of their visitor ids; at least 0
 * @param orderRows the customer's orders whose account id was replaced; at least 0
 * @param clickRows the clicks whose visitor id was replaced; at least 0
 * @param eventRows the published events still held by the programme's outbox that were rewritten;
 *     at least 0
 */
public record CustomerErasure(
    CustomerAccountId pseudonym,
    Instant erasedAt,
    int attributionRows,
    int orderRows,
    int clickRows,
    int eventRows) {

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the pseudonym or instant is null
   * @throws IllegalArgumentException if the pseudonym is no pseudonym or a count is negative
   */
  public CustomerErasure {
    Objects.requireNonNull(pseudonym, "pseudonym");
    Objects.requireNonNull(erasedAt, "erasedAt");
    if (!PseudonymKey.isPseudonym(pseudonym.value())) {
      throw new IllegalArgumentException("not a pseudonym: the erasure must be keyed by one");
    }
    if (attributionRows < 0 || orderRows < 0 || clickRows < 0 || eventRows < 0) {
      throw new IllegalArgumentException(
          "counts must be at least 0, were "
              + attributionRows
              + ", "
              + orderRows
              + ", "
              + clickRows
              + " and "
              + eventRows);
    }
  }

  /**
   * How many stored rows and events the erasure changed in all.
   *
   * @return the sum of the counts
   */
  public long rowsChanged() {
    return (long) attributionRows + orderRows + clickRows + eventRows;
  }
}
