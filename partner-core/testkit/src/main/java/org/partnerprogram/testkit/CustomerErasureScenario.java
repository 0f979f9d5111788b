package org.partnerprogram.testkit;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * A referred customer with a history to erase, for the erasure contract and for an adapter's own
 * scan of everything it stores: a click, a signup, two orders (one paid and partly refunded, paid
 * out in the closed month {@link #CLOSED_MONTH}), and a second customer who signed up from the same
 * browser (visitor id). Events carry account ids ({@code publishCustomerAccountIds()}), so the
 * outbox holds the account id too, as a host that opted in (or an outbox row of layout version 1)
 * would.
 *
 * <p>The ids are chosen so that they cannot occur by accident in anything else the programme stores
 * (no other id, code, amount, date or pseudonym contains them), so a scan for them as substrings
 * has no false positives.
 */
public final class CustomerErasureScenario {
  /** The customer to erase. */
  public static final CustomerAccountId CUSTOMER = CustomerAccountId.of("Qz7ErasedCustomerXk9");

  /** The visitor id the customer signed up with (their browser's). */
  public static final VisitorId VISITOR = VisitorId.of("Wv4ErasedVisitorJq2");

  /** A second customer who signed up from the same browser, and is not erased. */
  public static final CustomerAccountId BYSTANDER = CustomerAccountId.of("bystander-2");

  /** The month whose statement must not change. */
  public static final YearMonth CLOSED_MONTH = YearMonth.of(2026, 11);

  /** The programme. */
  public final ProgramFixture fixture;

  /** What the partner's money looked like before the erasure, at {@link #takenAt}. */
  public final Books before;

  /** When {@link #before} was taken, by the fixture's clock. */
  public final Instant takenAt;

  /**
   * What a partner sees of their money: the overview, every ledger line, and the closed month's
   * statement.
   *
   * @param overview the partner's overview
   * @param ledger every ledger line, newest first
   * @param statement the statement of {@link #CLOSED_MONTH}
   */
  public record Books(
      PartnerOverview overview, List<LedgerLine> ledger, PartnerStatement statement) {}

  private CustomerErasureScenario(ProgramStorage storage) {
    fixture = ProgramFixture.on(storage, t -> t, PartnerProgram.Builder::publishCustomerAccountIds);
    PartnerProgram program = fixture.program;
    program.referrals().recordTouch(RecordTouchCommand.of("jan-hosting", VISITOR.value()));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer(CUSTOMER.value())
                .visitor(VISITOR.value())
                .at(fixture.clock.instant()));
    program
        .referrals()
        .attributeSignup(
            AttributeSignupCommand.newCustomer(BYSTANDER.value())
                .visitor(VISITOR.value())
                .at(fixture.clock.instant()));
    fixture.record(
        fixture.order(
            "order-e1",
            CUSTOMER,
            ProgramFixture.line(1, "shared-hosting", "100.00"),
            ProgramFixture.line(2, "vps", "40.00")));
    fixture.record(fixture.order("order-e2", CUSTOMER, ProgramFixture.line(1, "vps", "80.00")));
    fixture.record(
        fixture.order("order-b1", BYSTANDER, ProgramFixture.line(1, "shared-hosting", "60.00")));
    program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-e1", "order-e1", fixture.clock.instant()));
    program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-b1", "order-b1", fixture.clock.instant()));
    program
        .commissions()
        .recordRefund(
            RecordRefundCommand.perLine(
                EventId.of("refund-e1"),
                OrderId.of("order-e1"),
                fixture.clock.instant(),
                Map.of(1, ProgramFixture.eur("30.00"))));
    fixture.clock.set(Instant.parse("2026-12-01T08:00:00Z"));
    program.payouts().close(CLOSED_MONTH, Acts.TEST);
    fixture.clock.set(Instant.parse("2026-12-03T10:00:00Z"));
    program
        .commissions()
        .recordPayment(RecordPaymentCommand.of("pay-e2", "order-e2", fixture.clock.instant()));
    takenAt = fixture.clock.instant();
    before = books();
  }

  /**
   * Builds the scenario on fresh, empty storage.
   *
   * @param storage the storage; fresh and empty
   * @return the scenario, with {@link #before} taken
   */
  public static CustomerErasureScenario on(ProgramStorage storage) {
    return new CustomerErasureScenario(storage);
  }

  /**
   * The partner's money as it is now.
   *
   * @return the books
   */
  public Books books() {
    PartnerProgram program = fixture.program;
    List<LedgerLine> lines = new ArrayList<>();
    LedgerQuery query = LedgerQuery.ofPartner(fixture.partner.id()).pageSize(7);
    Page<LedgerLine> page = program.commissions().ledger(query);
    lines.addAll(page.items());
    while (page.next().isPresent()) {
      page = program.commissions().ledger(query.after(page.next().get()));
      lines.addAll(page.items());
    }
    return new Books(
        program.partners().overview(fixture.partner.id()).orElseThrow(),
        List.copyOf(lines),
        program.payouts().statement(StatementQuery.of(fixture.partner.id(), CLOSED_MONTH)));
  }

  /**
   * The partner's money as it is now, read with the clock at {@link #takenAt} (so it compares with
   * {@link #before}: overviews and statements say when they were produced); the clock is restored.
   *
   * @return the books
   */
  public Books booksAsOfBefore() {
    Instant now = fixture.clock.instant();
    fixture.clock.set(takenAt);
    try {
      return books();
    } finally {
      fixture.clock.set(now);
    }
  }

  /**
   * Erases {@link #CUSTOMER}.
   *
   * @return what the erasure changed
   */
  public CustomerErasure erase() {
    return fixture.program.privacy().eraseCustomer(CUSTOMER);
  }

  /**
   * The texts that must not appear anywhere after the erasure: the customer's account id and
   * visitor id.
   *
   * @return the texts
   */
  public static List<String> erasedTexts() {
    return List.of(CUSTOMER.value(), VISITOR.value());
  }
}
