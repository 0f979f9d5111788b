package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import org.partnerprogram.core.domain.Money;

/**
 * The bank files for a closed month. Exporting the same month again gives byte-identical files (as
 * long as no payout of it failed in between).
 *
 * @param month the month; never null
 * @param sepaXml the pain.001 file, UTF-8; never null
 * @param csv the same payouts as CSV (header line, then one line per payout), UTF-8 text; never
 *     null
 * @param count how many payouts
 * @param total their sum; never null
 */
// The array is copied in and out, and equals/hashCode compare its content.
@SuppressWarnings("ArrayRecordComponent")
public record PayoutExport(YearMonth month, byte[] sepaXml, String csv, int count, Money total) {
  /** Checks for nulls. */
  public PayoutExport {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(sepaXml, "sepaXml");
    Objects.requireNonNull(csv, "csv");
    Objects.requireNonNull(total, "total");
    sepaXml = sepaXml.clone();
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

  @Override
  public boolean equals(Object o) {
    return o instanceof PayoutExport other
        && month.equals(other.month)
        && java.util.Arrays.equals(sepaXml, other.sepaXml)
        && csv.equals(other.csv)
        && count == other.count
        && total.equals(other.total);
  }

  @Override
  public int hashCode() {
    return Objects.hash(month, java.util.Arrays.hashCode(sepaXml), csv, count, total);
  }

  @Override
  public String toString() {
    return "PayoutExport[" + month + ", " + count + " payouts, " + total + "]";
  }
}
