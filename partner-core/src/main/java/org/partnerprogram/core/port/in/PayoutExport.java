package org.partnerprogram.core.port.in;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Objects;
import org.partnerprogram.core.domain.Money;

/**
 * The bank files for a closed month. Exporting the same month again gives byte-identical files (as
 * long as no payout of it failed in between).
 *
 * @param month the month; never null
 * @param sepaXml the pain.001 file, UTF-8; never null
 * @param csv the same payouts as CSV in the command's format (header line, then one line per
 *     payout), UTF-8 bytes (with a byte-order mark in the Excel format); never null
 * @param count how many payouts (the CSV's rows)
 * @param total their sum; never null
 * @param outsideSepaCount how many of them go to an account outside SEPA (possible only with {@link
 *     org.partnerprogram.core.domain.PayoutRail#ANY_IBAN}): in the CSV, not in the SEPA file, which
 *     is empty (no bytes) when every payout of the month is outside SEPA
 * @param outsideSepaTotal their sum; never null
 */
// The arrays are copied in and out, and equals/hashCode compare their content.
@SuppressWarnings("ArrayRecordComponent")
public record PayoutExport(
    YearMonth month,
    byte[] sepaXml,
    byte[] csv,
    int count,
    Money total,
    int outsideSepaCount,
    Money outsideSepaTotal) {
  /** Checks for nulls. */
  public PayoutExport {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(sepaXml, "sepaXml");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(outsideSepaTotal, "outsideSepaTotal");
    sepaXml = sepaXml.clone();
    csv = csv.clone();
  }

  /**
   * The pain.001 file.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] sepaXml() {
    return sepaXml.clone();
  }

  /**
   * The CSV file.
   *
   * @return a copy of the bytes
   */
  @Override
  public byte[] csv() {
    return csv.clone();
  }

  /**
   * The CSV file as text (a byte-order mark, if any, is the text's first character).
   *
   * @return the CSV decoded as UTF-8
   */
  public String csvText() {
    return new String(csv, StandardCharsets.UTF_8);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PayoutExport other
        && month.equals(other.month)
        && Arrays.equals(sepaXml, other.sepaXml)
        && Arrays.equals(csv, other.csv)
        && count == other.count
        && total.equals(other.total)
        && outsideSepaCount == other.outsideSepaCount
        && outsideSepaTotal.equals(other.outsideSepaTotal);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        month,
        Arrays.hashCode(sepaXml),
        Arrays.hashCode(csv),
        count,
        total,
        outsideSepaCount,
        outsideSepaTotal);
  }

  @Override
  public String toString() {
    return "PayoutExport[" + month + ", " + count + " payouts, " + total + "]";
  }
}
