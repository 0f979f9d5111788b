package org.partnerprogram.core.port.in;

import java.time.YearMonth;
import java.util.Objects;
import org.partnerprogram.core.domain.Money;

/**
 * What a streamed export ({@link ExportPayoutsUseCase#exportTo}) wrote.
 *
 * @param month the month; never null
 * @param count how many payouts
 * @param total their sum; never null
 */
public record PayoutExportSummary(YearMonth month, int count, Money total) {
  /** Checks for nulls. */
  public PayoutExportSummary {
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(total, "total");
  }
}
