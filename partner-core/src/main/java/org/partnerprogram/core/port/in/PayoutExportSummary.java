package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import org.partnerprogram.core.domain.Money;

/**
 * What a streamed export ({@link Payouts#exportTo}) wrote.
 *
 * @param month the month; never null
 * @param count how many payouts were exported (the CSV's rows)
 * @param total their sum; never null
 * @param outsideSepaCount how many of them go to an account outside SEPA (possible only with {@link
 *     org.partnerprogram.core.domain.PayoutRail#ANY_IBAN}): they are in the CSV, for the host's
 *     other rail, and not in the SEPA file
 * @param outsideSepaTotal their sum; never null
 */
public record PayoutExportSummary(
    YearMonth month, int count, Money total, int outsideSepaCount, Money outsideSepaTotal) {
  /** Checks for nulls. */
  public PayoutExportSummary {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(total, "total");
    Objects.requireNonNull(outsideSepaTotal, "outsideSepaTotal");
  }
}
