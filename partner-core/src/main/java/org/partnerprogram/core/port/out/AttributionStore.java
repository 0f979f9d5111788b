package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;

/**
 * Storage of attribution decisions, at most one per customer account, for good. An adapter enforces
 * the "at most one" with a unique key on the customer account, so that two host instances deciding
 * the same signup at once store one decision. Decisions are never deleted; once their signup is
 * old, {@link #pseudonymiseInputsSignedUpBefore} replaces their visitor id by its pseudonym, and an
 * adapter indexes the decisions not yet taken by signup time so that it finds them without a scan.
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
   * Stores support's re-attribution of a customer. The core claims its id as a host event first, so
   * an adapter never sees the same one twice.
   *
   * @param reattribution the re-attribution; never null
   * @throws org.partnerprogram.core.domain.ConflictException if one with its id exists
   */
  void insertReattribution(Reattribution reattribution);

  /**
   * A customer's re-attributions.
   *
   * @param customer the customer account; never null
   * @return them ordered by {@code effectiveFrom}, then {@code decidedAt}; empty if none
   */
  List<Reattribution> reattributionsOf(CustomerAccountId customer);

  /**
   * Counts of decisions concerning a partner (its {@link AttributionRecord#candidatePartner()});
   * the clicks field is left zero (clicks come from {@link TouchStore#countByPartner}).
   *
   * @param partnerId the partner; never null
   * @return the counts; zeros if none
   */
  AttributionCounts countsByPartner(PartnerId partnerId);

  /**
   * Takes up to {@code limit} decisions whose signup was strictly before {@code cutoff} and that no
   * earlier call took, the oldest signups first, in the caller's unit of work: each one's visitor
   * id, if any, becomes {@code pseudonym.apply(visitorId)}, every other part stays as it was
   * (customer, outcome, partner, code, times), and the decision is marked as taken, so that no
   * later call takes it again. A decision at exactly {@code cutoff} is not taken. Safe while
   * another instance takes from the same range: a decision it took is not taken here (none counted
   * twice), and an adapter may skip decisions another unit of work holds; a database may refuse one
   * of two such units with a {@link org.partnerprogram.core.domain.RetryableException}, which rolls
   * it back whole.
   *
   * @param cutoff the first signup instant left alone; never null
   * @param limit the most decisions taken; at least 1
   * @param pseudonym the visitor id to store in place of one; returns its argument for one that is
   *     a pseudonym already (so it stays as it is); never null
   * @return how many decisions this call took, and of those how many visitor ids it changed; taken
   *     is fewer than {@code limit} when no other decision before the cutoff was left to it
   */
  RetentionBatch pseudonymiseInputsSignedUpBefore(
      Instant cutoff, int limit, UnaryOperator<VisitorId> pseudonym);

  /**
   * Replaces a customer's account id in their decision and their re-attributions by another id
   * (their pseudonym, when the customer is erased); they are otherwise unchanged, and are found
   * under the new id from then on.
   *
   * @param customer the account id to replace; never null
   * @param replacement the id that takes its place; never null, not the account of another stored
   *     decision
   * @return how many decisions changed: 1, or 0 if the customer has none
   */
  int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement);

  /**
   * Replaces a visitor id in every decision that holds it (several customers may have signed up
   * from one browser) by another id (its pseudonym, when a customer is erased).
   *
   * @param visitor the visitor id to replace; never null
   * @param replacement the id that takes its place; never null
   * @return how many decisions changed, zero if none held the visitor id
   */
  int replaceVisitor(VisitorId visitor, VisitorId replacement);

  /**
   * Replaces a referral code wherever a decision holds it: as the code that attributed it and as
   * the code the customer typed (an erased partner's vanity code, replaced by its pseudonym).
   * Nothing else of a decision changes. A decision that holds a code has the code's partner as its
   * candidate partner, so an adapter finds them through the index on the candidate partner.
   *
   * @param partnerId the code's partner; never null
   * @param code the code to replace; never null
   * @param replacement the code that takes its place; never null
   * @return how many decisions changed, zero if none
   */
  int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement);

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
