package org.partnerprogram.core.port.in;

import java.time.Instant;
import java.util.Objects;
import org.partnerprogram.core.domain.PartnerId;

/**
 * What {@link Privacy#exportPartner(PartnerId, java.io.OutputStream, PartnerExportOptions)} wrote:
 * a plain value, with the counts the document's {@code totals} carry too.
 *
 * @param partnerId the partner; never null
 * @param asOf the instant the document is as of (its {@code generatedAt}); never null
 * @param attributions how many attribution decisions it lists; at least 0
 * @param ledgerEntries how many ledger entries it lists; at least 0
 * @param payouts how many payouts it lists; at least 0
 * @param statements how many monthly statements it holds; at least 0
 */
public record PartnerExport(
    PartnerId partnerId,
    Instant asOf,
    long attributions,
    long ledgerEntries,
    long payouts,
    long statements) {

  /**
   * The {@code schemaVersion} of the document: an integer, one more with every change to its fields
   * (added, removed, renamed, or of another type or meaning). Version 2: ledger entries of an
   * operator's adjustments (kinds CREDITED, DEBITED, WRITTEN_OFF, no order), their totals, and
   * statements of schema version 2.
   */
  public static final int JSON_SCHEMA_VERSION = 2;

  /** The {@code kind} of the document, so a reader can tell it from other JSON of the SDK. */
  public static final String KIND = "partner-export";

  /**
   * The classpath resource holding the JSON Schema (draft 2020-12) of the document, next to the
   * statement's ({@link org.partnerprogram.core.domain.PartnerStatement#JSON_SCHEMA_RESOURCE}).
   */
  public static final String JSON_SCHEMA_RESOURCE =
      "/org/partnerprogram/core/partner-export.schema.json";

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if the partner or the instant is null
   * @throws IllegalArgumentException if a count is negative
   */
  public PartnerExport {
    Objects.requireNonNull(partnerId, "partnerId");
    Objects.requireNonNull(asOf, "asOf");
    if (attributions < 0 || ledgerEntries < 0 || payouts < 0 || statements < 0) {
      throw new IllegalArgumentException("a count is negative");
    }
  }
}
