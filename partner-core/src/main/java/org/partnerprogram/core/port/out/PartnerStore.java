package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.RetryableException;

/**
 * Storage of partners and their payout-account history. Called only inside {@link
 * TransactionBoundary#execute}; every method sees the writes of the current transaction. History
 * entries are never changed; an entry whose account the partner stopped using (a later entry
 * exists) is deleted once that is older than the bookkeeping retention, through {@link
 * #deletePayoutAccountsSupersededBefore}, which an adapter answers through an index on the instant
 * the entry was superseded.
 */
public interface PartnerStore {

  /**
   * Stores a new partner unless one exists for its customer account already.
   *
   * @param partner the partner, version 1; never null
   * @return true if stored; false, writing nothing, if a partner for the same customer account
   *     exists (also when another transaction stored it concurrently: the adapter must not fail
   *     then)
   * @throws ConflictException if a partner with the same id exists for another account
   */
  boolean insert(Partner partner);

  /**
   * Looks a partner up by id.
   *
   * @param id the id; never null
   * @return the partner, or empty if none has this id
   */
  Optional<Partner> findById(PartnerId id);

  /**
   * Looks several partners up at once: a period close reads a page of partners this way. The
   * default calls {@link #findById} once per id; adapters should answer with one query.
   *
   * @param ids the ids; never null, no null element; may repeat ids or be empty
   * @return the partners found, by id; ids without a partner are absent
   */
  default Map<PartnerId, Partner> findAllById(Collection<PartnerId> ids) {
    Map<PartnerId, Partner> found = new HashMap<>();
    for (PartnerId id : ids) {
      findById(Objects.requireNonNull(id, "id")).ifPresent(p -> found.put(id, p));
    }
    return found;
  }

  /**
   * Looks a partner up by the host's customer account.
   *
   * @param account the account; never null
   * @return the partner, or empty if the account never enrolled
   */
  Optional<Partner> findByCustomerAccount(CustomerAccountId account);

  /**
   * Replaces a stored partner with a newer version of itself (optimistic concurrency).
   *
   * @param partner the changed partner; its {@link Partner#version()} must be exactly one more than
   *     the stored version; never null. Every part is written, the customer account id too (an
   *     erasure replaces it by its pseudonym)
   * @throws RetryableException if the stored version is not {@code partner.version() - 1} (another
   *     transaction changed it first); nothing is written
   * @throws org.partnerprogram.core.domain.NotFoundException if no partner has this id
   */
  void update(Partner partner);

  /**
   * Appends an entry to the partner's payout-account history.
   *
   * @param change the entry; never null
   * @throws ConflictException if the history has an entry for the same partner version already
   */
  void appendPayoutAccountChange(PayoutAccountChange change);

  /**
   * The partner's payout-account history.
   *
   * @param id the partner; never null
   * @return the entries, oldest first (by {@code partnerVersion}); empty if none; entries {@link
   *     #deletePayoutAccountsSupersededBefore} deleted are absent
   */
  List<PayoutAccountChange> payoutAccountHistory(PartnerId id);

  /**
   * Deletes a partner's whole payout-account history, in the caller's unit of work: an erased
   * partner's accounts are gone.
   *
   * @param id the partner; never null
   * @return how many entries were deleted, zero if none
   */
  int deletePayoutAccountHistory(PartnerId id);

  /**
   * Deletes up to {@code limit} history entries that were superseded strictly before {@code
   * cutoff}, the earliest superseded first, in the caller's unit of work. An entry is superseded
   * when the partner's next entry (the one with the next higher {@code partnerVersion}) was made:
   * from then on it is no longer the partner's account. A partner's latest entry is never
   * superseded, so it is never deleted, however old; an entry superseded at exactly {@code cutoff}
   * is kept. Deleting an entry does not change when the others were superseded. Safe while another
   * instance deletes from the same range: an entry the other deleted is not counted here, and an
   * adapter may skip entries another unit of work holds; a database may refuse one of two such
   * units with a {@link RetryableException}, which rolls it back whole.
   *
   * @param cutoff the first instant of supersession kept; never null
   * @param limit the most entries deleted; at least 1
   * @return how many entries this call deleted, 0 to {@code limit}; fewer than {@code limit} when
   *     no other such entry was left to it
   */
  int deletePayoutAccountsSupersededBefore(Instant cutoff, int limit);
}
