package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;

/**
 * Storage of attribution decisions, at most one per customer account, for good. An adapter enforces
 * the "at most one" with a unique key on the customer account, so that two host instances deciding
 * the same signup at once store one decision.
 */
public interface AttributionStore {

  /**
   * Stores a decision unless the customer has one.
   *
   * @param record the decision; never null
   * @return true if stored; false, writing nothing, if a decision for the customer exists (also
   *     when stored concurrently: the adapter must not fail then)
   */
  boolean insert(AttributionRecord record);

  /**
   * The decision for a customer.
   *
   * @param customer the customer account; never null
   * @return the decision, or empty if the customer's signup was never attributed
   */
  Optional<AttributionRecord> findByCustomer(CustomerAccountId customer);

  /**
   * Counts of decisions concerning a partner (its {@link AttributionRecord#candidatePartner()});
   * the clicks field is left zero (clicks come from {@link TouchStore#countByPartner}).
   *
   * @param partnerId the partner; never null
   * @return the counts; zeros if none
   */
  AttributionCounts countsByPartner(PartnerId partnerId);

  /**
   * A page of the decisions concerning a partner (its {@link
   * AttributionRecord#candidatePartner()}), for the partner's data export: those decided at or
   * before {@code decidedBy}, ordered by {@code decidedAt}, then customer account id, ascending;
   * the decisions after {@code after} in that order, at most {@code limit}. An adapter reads an
   * index range of the partner's decisions (it never holds all of them); the order of two customers
   * decided at the same instant may follow the database's collation, as long as it is one total
   * order that {@code after} continues.
   *
   * @param partnerId the partner; never null
   * @param decidedBy the latest decision time returned, inclusive; never null
   * @param after the decision the previous page ended with, or empty for the first page; never null
   * @param limit the most decisions to return, at least 1
   * @return up to {@code limit} decisions in that order; empty if none (more)
   */
  List<AttributionRecord> attributionsOfPartner(
      PartnerId partnerId, Instant decidedBy, Optional<AttributionKey> after, int limit);

  /**
   * Where a page of {@link #attributionsOfPartner} ended.
   *
   * @param decidedAt the last decision's time; never null
   * @param customer the last decision's customer account; never null
   */
  record AttributionKey(Instant decidedAt, CustomerAccountId customer) {
    /**
     * Checks for nulls.
     *
     * @throws NullPointerException if a part is null
     */
    public AttributionKey {
      Objects.requireNonNull(decidedAt, "decidedAt");
      Objects.requireNonNull(customer, "customer");
    }

    /**
     * The key of a decision.
     *
     * @param record the decision; never null
     * @return its key
     */
    public static AttributionKey of(AttributionRecord record) {
      return new AttributionKey(record.decidedAt(), record.customer());
    }
  }
}
