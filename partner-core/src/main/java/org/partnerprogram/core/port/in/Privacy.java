package org.partnerprogram.core.port.in;

import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;

/**
 * What the programme keeps about people, and how it forgets: the retention the SDK enforces, the
 * erasure of a referred customer or a partner, and a partner's data as one document (GDPR arts. 15,
 * 17 and 20). Every identifier the SDK pseudonymises goes through the programme's {@link
 * org.partnerprogram.core.domain.PseudonymKey}. The inventory of what is stored and published, with
 * purposes and retention, is {@code partner-jdbc-adapter/PRIVACY.md}.
 */
public interface Privacy {

  /**
   * Erases a referred customer (GDPR art. 17): their account id, and the visitor id they signed up
   * with, are replaced by their keyed pseudonyms ({@link
   * org.partnerprogram.core.domain.PseudonymKey#pseudonymOf}) in every row the storage holds (the
   * attribution decision, the customer's orders, the visitor's clicks, other decisions made with
   * the same visitor id) and in every event the programme's outbox still holds, in one unit of
   * work. What explains the partner's money stays exactly as it was: order ids, amounts, the
   * ledger, payouts, overviews and statements (which never showed the customer); the same customer
   * always maps to the same pseudonym, so the host, holding the key, can still find their rows.
   *
   * <p>Erasing twice is a no-op that returns the first erasure's value (it is recorded under the
   * pseudonym). The account id of host events already processed is part of their SHA-256
   * fingerprint only (not stored in the clear), and stays, so a redelivered order is still
   * recognised as a redelivery. Events already handed to a host's own publisher ({@code
   * builder().events(..)}) are out of the SDK's reach. After the erasure the SDK no longer knows
   * the account id: a later signup or order under it is treated as that of an unknown customer, so
   * erase customers who have left.
   *
   * @param customer the customer's host account id (not a pseudonym); never null
   * @return what was changed; the same value on every later call
   * @throws org.partnerprogram.core.domain.InvalidInputException if the customer is null or a
   *     pseudonym (field {@code customer})
   * @throws org.partnerprogram.core.domain.NotFoundException if no row or held event carries the
   *     account id and no erasure of it is recorded; nothing is changed
   * @throws org.partnerprogram.core.domain.CustomerIsPartnerException if the account is a partner's
   *     (the partner's own erasure rules apply); nothing is changed
   */
  CustomerErasure eraseCustomer(CustomerAccountId customer);
}
