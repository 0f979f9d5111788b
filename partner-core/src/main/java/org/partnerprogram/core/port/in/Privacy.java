package org.partnerprogram.core.port.in;

import java.io.OutputStream;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.core.domain.PartnerId;

/**
 * What the programme keeps about people, and how it forgets: the retention the SDK enforces, the
 * erasure of a referred customer or a partner, and a partner's data as one document (GDPR arts. 15,
 * 17 and 20). Every identifier the SDK pseudonymises goes through the programme's {@link
 * org.partnerprogram.core.domain.PseudonymKey}. The inventory of what is stored and published, with
 * purposes and retention, is {@code partner-jdbc-adapter/PRIVACY.md}.
 *
 * <p>Retention ({@link #applyRetention()}, run by the host on a schedule, daily for instance):
 *
 * <ul>
 *   <li><b>Clicks</b> with their visitor ids are kept for the {@link
 *       org.partnerprogram.core.domain.ProgramTerms#attributionWindow() attribution window} plus
 *       the {@link org.partnerprogram.core.domain.ProgramTerms#clickRetentionGrace() retention
 *       grace} (default 90 + 30 days), then deleted.
 *   <li><b>Attribution decisions</b> keep what explains them; once the signup is as old as that
 *       same cutoff, the visitor id the host passed is replaced by its pseudonym. The customer
 *       account stays: later orders of the customer still earn commission.
 *   <li><b>Payout-account history</b>: an account that stopped being the partner's (the partner
 *       gave another) is deleted once it stopped longer ago than the {@link
 *       org.partnerprogram.core.domain.ProgramTerms#bookkeepingRetention() bookkeeping retention}
 *       (default 7 years). The current account is always kept; payouts keep their own copy of the
 *       account they went to, as bookkeeping.
 * </ul>
 *
 * <p>Handed out by {@code PartnerProgram.privacy()}; safe for concurrent use.
 */
public interface Privacy {

  /**
   * Enforces the retention described above: deletes the expired clicks, pseudonymises the visitor
   * ids of attribution decisions as old as the clicks' cutoff, and deletes the payout accounts a
   * partner stopped using before the bookkeeping cutoff, in that order.
   *
   * <p>Clicks within window plus grace are always kept: a customer who signs up within the window
   * of a click (and is reported within the grace) is attributed exactly as without the purge. Only
   * the reason of a refusal may change: a signup whose clicks were all purged (so all were outside
   * the window anyway) is {@code NO_TOUCH} rather than {@code OUTSIDE_WINDOW}.
   *
   * <p>Both cutoffs are fixed once, from the programme's clock, before the first batch. Each kind
   * of data is handled in batches of at most {@value #RETENTION_BATCH} rows, each in its own unit
   * of work, oldest first, so no transaction is long and no batch is held in memory; each batch of
   * clicks starts where the one before it ended, so its cost does not grow with the clicks already
   * deleted, and the last starts from the oldest click again, to take any that another instance
   * held while this one went past them. The call is idempotent (a second run changes nothing more
   * and reports zeros) and safe to run on several instances at once: each reports only the rows it
   * handled itself. A batch that fails transiently (a deadlock with another instance's) is rolled
   * back and run again, up to 10 times (or as the programme's {@code RetryPolicy} says, if it
   * allows more than one attempt), unless the storage joins a transaction of the host's.
   *
   * @return how many rows of each kind were removed or pseudonymised, the cutoffs and the number of
   *     batches; never null
   * @throws org.partnerprogram.core.domain.StorageException if storage fails (the batches committed
   *     before stay done; running it again continues)
   */
  RetentionRun applyRetention();

  /** The most rows {@link #applyRetention()} handles in one unit of work. */
  int RETENTION_BATCH = 5_000;

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

  /**
   * Erases a partner (GDPR art. 17) once neither the programme nor its books need the partner's
   * data. Refused, with a {@link org.partnerprogram.core.domain.PartnerErasureRefusedException}
   * whose {@code reason()} says why and, where it is known in advance, {@code until()} until when:
   *
   * <ul>
   *   <li>{@code STILL_ACTIVE}: the partner is ACTIVE or SUSPENDED; it leaves first ({@code
   *       partners().leave}).
   *   <li>{@code PAYOUT_IN_PROGRESS}: a payout is CREATED or EXPORTED; mark it paid or failed.
   *   <li>{@code OPEN_BALANCE}: commission is pending, held or payable, or the balance is negative
   *       after a refund: the money is still to be paid or settled.
   *   <li>{@code WITHIN_RETENTION}: the partner's latest ledger entry or payout (when it was last
   *       marked) is younger than the {@link
   *       org.partnerprogram.core.domain.ProgramTerms#bookkeepingRetention() bookkeeping retention}
   *       (default 7 years); {@code until()} is the instant it ends.
   * </ul>
   *
   * <p>Otherwise, in one unit of work: the partner's customer account id is replaced by its keyed
   * pseudonym ({@link org.partnerprogram.core.domain.PseudonymKey#partnerPseudonymOf}); the partner
   * becomes ERASED, final, with no payout account; its payout-account history is deleted and its
   * payouts lose their IBAN and holder name (amounts, periods and states stay: statements show
   * {@value org.partnerprogram.core.domain.Payout#ERASED_ACCOUNT}); its codes are revoked for good
   * and each vanity code is replaced by its pseudonym ({@code ERASED-...}) in the codes, clicks and
   * attribution decisions, so that no link leads anywhere and no partner can choose the code again;
   * the partner's events the outbox still holds are rewritten to match (account id, vanity codes,
   * the masked IBANs' last digits); and a {@code partner.erased} event is published. Ledger,
   * payouts and the programme's totals are unchanged. The customer account may enrol again, as a
   * new partner. If the person is also a referred customer, erase that too ({@link
   * #eraseCustomer}).
   *
   * <p>Erasing an erased partner changes nothing and returns the same value.
   *
   * @param partnerId the partner; never null
   * @return the erasure; the same value on every later call
   * @throws org.partnerprogram.core.domain.InvalidInputException if the id is null
   * @throws org.partnerprogram.core.domain.NotFoundException if no partner has this id
   * @throws org.partnerprogram.core.domain.PartnerErasureRefusedException if the partner cannot be
   *     erased yet; nothing is changed
   */
  PartnerErasure erasePartner(PartnerId partnerId);

  /**
   * Writes everything the programme holds about a partner as one JSON document (UTF-8), for the
   * partner's right of access and to data portability (GDPR arts. 15 and 20).
   *
   * <p><b>What it holds</b>, in this order: {@code schemaVersion} ({@value
   * PartnerExport#JSON_SCHEMA_VERSION}), {@code kind} ({@value PartnerExport#KIND}), {@code
   * generatedAt}, the programme's name and currency; the {@code partner} (ids, status, enrolment
   * and latest absence); {@code payoutAccounts}, the payout-account history, oldest first, IBANs as
   * {@code options} say; {@code codes}, issued and revoked; {@code attributions}, the decisions
   * concerning the partner, oldest first, each customer <em>by pseudonym only</em> ({@link
   * org.partnerprogram.core.domain.PseudonymKey#pseudonymOf(
   * org.partnerprogram.core.domain.CustomerAccountId)}: a partner has no right to the account ids
   * of the people they referred); {@code ledger}, every ledger entry in recording order; {@code
   * payouts}, newest first; {@code statements}, the statement of every closed month in which the
   * close settled or carried over something for the partner, oldest first, each exactly as {@link
   * org.partnerprogram.core.domain.PartnerStatement#toJson()} writes it (produced as of {@code
   * generatedAt}); and {@code totals}, the counts and the ledger's sums by kind. The schema is the
   * classpath resource {@value PartnerExport#JSON_SCHEMA_RESOURCE}.
   *
   * <p><b>Streamed.</b> The document is written while storage is read page by page, each page in a
   * short unit of work of its own (no transaction stays open while the stream is written), so a
   * partner with millions of ledger entries exports in a small heap; at most one page of entries
   * and one month's statement are held at a time.
   *
   * <p><b>As of one instant.</b> The document is as of {@code generatedAt}, the programme's clock
   * when the export starts: what was recorded after it is left out, by its recorded time, even if
   * it is written while the export runs (ledger entries by {@code recordedAt}, account changes by
   * {@code changedAt}, codes by {@code issuedAt}, decisions by {@code decidedAt}, payouts by {@code
   * createdAt}, months by their close), and statements are produced as of {@code generatedAt}. What
   * changes in place is shown as of {@code generatedAt} where its time says so (a code revoked
   * later shows as live); the partner's status and a payout's status are as read, with the instant
   * they last changed, which may be after {@code generatedAt} when they changed during the export.
   *
   * @param partnerId the partner; never null
   * @param out where the document goes; never null; flushed, not closed
   * @param options how IBANs appear; never null ({@link PartnerExportOptions#defaults()})
   * @return what was written
   * @throws org.partnerprogram.core.domain.InvalidInputException if an argument is null; nothing is
   *     written
   * @throws org.partnerprogram.core.domain.NotFoundException if no partner has the id; nothing is
   *     written
   * @throws java.io.UncheckedIOException if writing to {@code out} fails; what was written before
   *     stays, and the document is incomplete
   */
  PartnerExport exportPartner(PartnerId partnerId, OutputStream out, PartnerExportOptions options);

  /**
   * {@link #exportPartner(PartnerId, OutputStream, PartnerExportOptions)} with the {@linkplain
   * PartnerExportOptions#defaults() defaults} (IBANs masked).
   *
   * @param partnerId the partner; never null
   * @param out where the document goes; never null; flushed, not closed
   * @return what was written
   * @throws org.partnerprogram.core.domain.InvalidInputException if an argument is null
   * @throws org.partnerprogram.core.domain.NotFoundException if no partner has the id
   * @throws java.io.UncheckedIOException if writing to {@code out} fails
   */
  PartnerExport exportPartner(PartnerId partnerId, OutputStream out);
}
