package org.partnerprogram.examples.portal;

import static org.partnerprogram.examples.portal.Outcome.reason;
import static org.partnerprogram.examples.portal.ShopActions.requireSignedIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AuditRecord;
import org.partnerprogram.core.domain.CurrencyMismatchException;
import org.partnerprogram.core.domain.Funnel;
import org.partnerprogram.core.domain.IllegalTransitionException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.WriteOffRefusedException;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.AuditQuery;
import org.partnerprogram.core.port.in.AuditVerification;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.WriteOffCommand;
import org.partnerprogram.examples.portal.HostShop.Customer;
import org.partnerprogram.examples.portal.Http.Form;
import org.partnerprogram.examples.portal.Http.HttpError;
import org.partnerprogram.examples.portal.Outcome.Undone;
import org.partnerprogram.examples.portal.Pages.View;
import org.partnerprogram.examples.portal.Sessions.Session;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * The admin page and its actions: the demo clock's next month and closing a month (demo: open to
 * anyone signed in or not; a real host puts this behind its staff login).
 */
record AdminActions(Clock clock, PartnerProgram program, JdbcProgramStorage storage, Pages pages) {

  String adminPage(Connection c, View view, Optional<String> after) {
    // The latest close, read through the storage port: the SDK has no query for it (yet).
    Optional<YearMonth> lastClosed =
        storage
            .transactions()
            .execute(() -> storage.payouts().latestClose())
            .map(PeriodClose::period);
    YearMonth month = YearMonth.from(clock.instant().atZone(program.terms().zone()));
    Funnel funnel = program.reports().funnel(month);
    List<PartnerAmount> top =
        program
            .reports()
            .topPartners(
                month.atDay(1).atStartOfDay(program.terms().zone()).toInstant(),
                clock.instant(),
                10);
    AuditQuery query = AuditQuery.ofMonth(month).pageSize(AUDIT_PAGE);
    if (after.isPresent()) {
      try {
        query = query.after(PagePosition.of(after.get()));
      } catch (InvalidInputException e) {
        throw new HttpError(400, "Malformed request.");
      }
    }
    Page<AuditRecord> audit = program.audit().records(query);
    AuditVerification verification = program.audit().verify();
    return pages.admin(
        view,
        clock instanceof DemoClock,
        lastClosed,
        new Pages.AdminData(funnel, top, audit, verification));
  }

  /** How many audit records the admin page shows at a time. */
  static final int AUDIT_PAGE = 20;

  /**
   * Books an adjustment for a partner found by id or referral code, in the name of the signed-in
   * operator; every typed error of the SDK becomes a message and nothing is booked.
   */
  Outcome adjust(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer operator = requireSignedIn(session, c);
    try {
      PartnerId partner = partnerOf(form.one("partner"));
      Money amount;
      try {
        amount = Money.of(form.one("amount").strip(), program.terms().currency().getCurrencyCode());
      } catch (NumberFormatException | ArithmeticException e) {
        return Outcome.to("/admin", "Please give the amount as a number, such as -12.50.");
      }
      AdjustCommand command =
          AdjustCommand.of(
              "adj-" + HostShop.randomHex(8),
              partner,
              amount,
              Act.by(actor(operator), form.one("reason")));
      String order = form.one("order").strip();
      if (!order.isEmpty()) {
        command = command.refersTo(order, 1);
      }
      Adjustment booked = program.corrections().adjust(command);
      return Outcome.to(
          "/admin", "Booked " + booked.amount() + " for partner " + partner.value() + ".");
    } catch (CurrencyMismatchException e) {
      throw new Undone(Outcome.to("/admin", "Not booked: " + e.getMessage()));
    } catch (InvalidInputException e) {
      throw new Undone(Outcome.to("/admin", "Not booked: " + e.field() + " " + reason(e)));
    } catch (NotFoundException e) {
      throw new Undone(Outcome.to("/admin", "Not booked: no such partner."));
    }
  }

  /** Writes off a partner's negative balance, in the name of the signed-in operator. */
  Outcome writeOff(Optional<Session> session, Form form, Connection c) throws SQLException {
    Customer operator = requireSignedIn(session, c);
    try {
      PartnerId partner = partnerOf(form.one("partner"));
      Adjustment booked =
          program
              .corrections()
              .writeOff(
                  WriteOffCommand.of(
                      "wo-" + HostShop.randomHex(8),
                      partner,
                      Act.by(actor(operator), form.one("reason"))));
      return Outcome.to(
          "/admin", "Wrote off " + booked.amount() + " for partner " + partner.value() + ".");
    } catch (InvalidInputException e) {
      throw new Undone(Outcome.to("/admin", "Not written off: " + e.field() + " " + reason(e)));
    } catch (NotFoundException e) {
      throw new Undone(Outcome.to("/admin", "Not written off: no such partner."));
    } catch (WriteOffRefusedException e) {
      String why =
          switch (e.reason()) {
            case STILL_A_PARTNER ->
                "the partner is still in the programme; later earnings net against what it owes.";
            case NOTHING_OWED -> "the partner owes nothing.";
            case BALANCE_NOT_SETTLED -> "part of the balance is not settled yet.";
            case PAYOUT_IN_PROGRESS -> "a payout to the partner is on its way.";
          };
      throw new Undone(Outcome.to("/admin", "Not written off: " + why));
    }
  }

  /** The operator as the audit trail names them. */
  static String actor(Customer operator) {
    return "operator:" + operator.id();
  }

  /** A partner by id, or by one of its referral codes. */
  private PartnerId partnerOf(String text) {
    String key = text.strip();
    if (key.isEmpty()) {
      throw new InvalidInputException("partner", "give a partner id or referral code");
    }
    List<Partner> found = program.reports().find(key);
    if (found.size() == 1) {
      return found.get(0).id();
    }
    PartnerId id = PartnerId.of(key);
    if (program.partners().find(id).isEmpty()) {
      throw new NotFoundException("no such partner");
    }
    return id;
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
