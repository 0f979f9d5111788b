package org.partnerprogram.examples.portal;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Http.HttpError;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The admin page and its actions: the demo clock's next month and closing a month (demo: open to
 * anyone signed in or not; a real host puts this behind its staff login).
 */
record AdminActions(Clock clock, PartnerProgram program, JdbcProgramStorage storage, Pages pages) {

  String adminPage(Connection c, View view) {
    // The latest close, read through the storage port: the SDK has no query for it (yet).
    Optional<YearMonth> lastClosed =
        storage
            .transactions()
            .execute(() -> storage.payouts().latestClose())
            .map(PeriodClose::period);
    return pages.admin(view, clock instanceof DemoClock, lastClosed);
  }

  Outcome nextMonth() {
    if (!(clock instanceof DemoClock demo)) {
      throw new HttpError(404, "There is no action at this address.");
    }
    Instant next = pages.firstOfNextMonth();
    demo.moveTo(next);
    return Outcome.to("/admin", "The demo clock now reads " + pages.dateTime(next) + ".");
  }

  Outcome closeMonth(Form form) {
    YearMonth month;
    try {
      month = YearMonth.parse(form.one("month")); // the month the page offered, as seen
    } catch (DateTimeParseException e) {
      throw new HttpError(400, "Malformed request.");
    }
    String name = pages.month(month);
    try {
      PeriodCloseResult result =
          program.payouts().close(month, Act.by("job:monthly-close", "scheduled month close"));
      if (result.alreadyClosed()) {
        return Outcome.to("/admin", name + " was closed already.");
      }
      String payouts =
          switch (result.payoutCount()) {
            case 0 -> "no payouts";
            case 1 -> "1 payout, " + result.payoutTotal();
            default -> result.payoutCount() + " payouts, " + result.payoutTotal() + " in total";
          };
      String carried =
          result.carriedOverCount() == 0
              ? ""
              : " " + result.carriedOverCount() + " balance(s) carried over to the next month.";
      return Outcome.to("/admin", "Closed " + name + ": " + payouts + "." + carried);
    } catch (IllegalTransitionException e) {
      return Outcome.to("/admin", "Cannot close " + name + ": " + e.getMessage());
    }
  }
}
