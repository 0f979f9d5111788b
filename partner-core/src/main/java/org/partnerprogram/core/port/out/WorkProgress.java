package org.partnerprogram.core.port.out;

import java.time.YearMonth;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How far a long unit of work got: a month's close (partners settled) or a bank export (payouts
 * written), as a {@link ProgramObserver} hears it.
 *
 * @param work what is progressing: {@value #CLOSE} or {@value #EXPORT} (both {@code payouts.export}
 *     and {@code payouts.exportTo}); never null
 * @param month the month being closed or exported; never null
 * @param done how many partners (close) or payouts (export) are done; at least 0
 * @param total how many there are in all, if the storage can tell cheaply: for a close, the
 *     partners with a balance to settle as counted when it started (never less than {@code done});
 *     for an export, its payouts; never null
 */
public record WorkProgress(String work, YearMonth month, long done, OptionalLong total) {
  /** The work of a month's close: its partners with a balance, settled page by page. */
  public static final String CLOSE = "payouts.close";

  /** The work of a bank export: its payouts, written to the files. */
  public static final String EXPORT = "payouts.export";

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if done is negative or above the total
   */
  public WorkProgress {
    Objects.requireNonNull(work, "work");
    Objects.requireNonNull(month, "month");
    Objects.requireNonNull(total, "total");
    if (done < 0 || (total.isPresent() && total.getAsLong() < done)) {
      throw new IllegalArgumentException(
          "done must be between 0 and the total, was " + done + " of " + total);
    }
  }

  /**
   * The share done, for a progress bar.
   *
   * @return between 0 and 1 (1 when the total is 0); empty if the total is unknown
   */
  public OptionalDouble fraction() {
    if (total.isEmpty()) {
      return OptionalDouble.empty();
    }
    long all = total.getAsLong();
    return OptionalDouble.of(all == 0 ? 1.0 : (double) done / all);
  }
}
