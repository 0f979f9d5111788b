package org.partnerprogram.core.port.out;

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
 * TransactionBoundary#execute}; every method sees the writes of the current transaction.
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
   *     the stored version; never null
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
   * @return the entries, oldest first (by {@code partnerVersion}); empty if none
   */
  List<PayoutAccountChange> payoutAccountHistory(PartnerId id);
}
