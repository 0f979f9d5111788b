package org.partnerprogram.examples.spring;

import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The monthly close, scheduled: closes every ended month not closed yet, oldest first. Time comes
 * from the injected clock, so a test moves it. Outside a Spring transaction, each close owns its
 * transaction (and may be retried); several instances may run it at once, each month closes once.
 */
@Component
public class MonthClose {
  private final PartnerProgram program;
  private final Clock clock;

  /**
   * The close.
   *
   * @param program the programme
   * @param clock what "now" is
   */
  public MonthClose(PartnerProgram program, Clock clock) {
    this.program = Objects.requireNonNull(program, "program");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Closes the ended months: run by the scheduler ({@code partner.month-close.cron}, daily at 03:00
   * in Amsterdam by default); running it again closes nothing new.
   *
   * @return what each close did, oldest month first; empty if no ended month was open
   */
  @Scheduled(cron = "${partner.month-close.cron:0 0 3 * * *}", zone = "Europe/Amsterdam")
  public List<PeriodCloseResult> closeEndedMonths() {
    YearMonth current = YearMonth.now(clock.withZone(program.terms().zone()));
    List<PeriodCloseResult> closed = new ArrayList<>();
    for (Optional<YearMonth> next = program.payouts().nextMonthToClose();
        next.isPresent() && next.get().isBefore(current);
        next = program.payouts().nextMonthToClose()) {
      closed.add(
          program
              .payouts()
              .close(next.get(), Act.by("job:monthly-close", "scheduled month close")));
    }
    return closed;
  }
}
