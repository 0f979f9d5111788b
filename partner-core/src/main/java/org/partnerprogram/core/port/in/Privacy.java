package org.partnerprogram.core.port.in;

import java.io.OutputStream;
import org.partnerprogram.core.domain.PartnerId;

/**
 * What the programme keeps about people, and how it forgets: the retention the SDK enforces, the
 * erasure of a referred customer or a partner, and a partner's data as one document (GDPR arts. 15,
 * 17 and 20). Every identifier the SDK pseudonymises goes through the programme's {@link
 * org.partnerprogram.core.domain.PseudonymKey}. The inventory of what is stored and published, with
 * purposes and retention, is {@code partner-jdbc-adapter/PRIVACY.md}.
 */
public interface Privacy {

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
