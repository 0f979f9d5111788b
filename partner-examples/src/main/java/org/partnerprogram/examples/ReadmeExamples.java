package org.partnerprogram.examples;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.Adjustment;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.IdempotencyConflictException;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.LedgerLine.State;
import org.partnerprogram.core.domain.OrderLine;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerProgramException;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.export.CsvFormat;
import org.partnerprogram.core.export.PainVersion;
import org.partnerprogram.core.export.SepaDebtor;
import org.partnerprogram.core.port.in.AdjustCommand;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.PagePosition;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.core.port.in.WriteOffCommand;

/**
 * The code the README shows, compiled and run ({@code ReadmeExamplesTest}): each {@code tag::}
 * region below is a Java block of the README, word for word.
 */
public final class ReadmeExamples {
  private final PartnerProgram program;

  /**
   * Examples on a programme.
   *
   * @param program the programme
   */
  public ReadmeExamples(PartnerProgram program) {
    this.program = program;
  }

  /** An event of the host's billing system, as its webhook delivers it. */
  public record InvoiceEvent(
      String eventId,
      Type type,
      String invoiceId,
      String customerId,
      Instant at,
      List<InvoiceLine> lines,
      String amount) {
    /** What happened to the invoice. */
    public enum Type {
      /** The customer ordered. */
      CREATED,
      /** The invoice was paid in full. */
      PAID,
      /** Part of it was refunded. */
      REFUNDED
    }
  }

  /**
   * One line of an invoice.
   *
   * @param number the line number
   * @param productId the product
   * @param group the product group
   * @param netExclVat the net amount, excluding VAT, after discounts
   */
  public record InvoiceLine(int number, String productId, String group, String netExclVat) {}

  /** Thrown to make the webhook answer 503, so that the billing system delivers again. */
  public static final class TryAgainLater extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TryAgainLater(Throwable cause) {
      super(cause);
    }
  }

  /**
   * The billing webhook.
   *
   * @param e the event
   * @return true if the event was taken, false if it is refused for good
   */
  public boolean onInvoiceEvent(InvoiceEvent e) {
    // tag::billing[]
    ProgramTerms terms = program.terms();
    try {
      switch (e.type()) {
        case CREATED -> {
          RecordOrderCommand.Builder order =
              RecordOrderCommand.builder(e.eventId(), e.invoiceId())
                  .customer(e.customerId())
                  .placedAt(e.at());
          for (InvoiceLine l : e.lines()) {
            order.line(
                OrderLine.of(l.number(), l.productId(), terms.money(l.netExclVat()))
                    .inGroup(l.group()));
          }
          program.commissions().recordOrder(order.build());
        }
        case PAID -> // paid in full: the pending commission is earned
            program
                .commissions()
                .recordPayment(RecordPaymentCommand.of(e.eventId(), e.invoiceId(), e.at()));
        case REFUNDED ->
            program
                .commissions()
                .recordRefund(
                    RecordRefundCommand.wholeOrder(
                        e.eventId(), e.invoiceId(), e.at(), terms.money(e.amount())));
      }
      return true; // 200, also for a redelivery: it had effect once
    } catch (InvalidInputException | IdempotencyConflictException refused) {
      return false; // 422: nothing was written, and delivering it again will not help
    } catch (PartnerProgramException failed) {
      if (failed.isRetryable()) {
        // A deadlock, a dropped connection, or a payment that overtook its order: 503, and the
        // billing system delivers the event again later.
        throw new TryAgainLater(failed);
      }
      throw failed; // 500: a defect or an unknown id, for a person to look at
    }
    // end::billing[]
  }

  /**
   * The landing page of a referral link.
   *
   * @param codeFromUrl the {@code ref} parameter
   * @param cookie the referral cookie's value, if the browser has one
   * @param newVisitorId a fresh random visitor id for a browser without the cookie
   * @return the visitor id to keep in the cookie
   */
  public String onLandingPage(String codeFromUrl, Optional<String> cookie, String newVisitorId) {
    // tag::landing[]
    // https://example.nl/?ref=CODE: keep a random visitor id in a first-party cookie
    // (HttpOnly, Secure, SameSite=Lax, as long as the attribution window), never an e-mail address.
    String visitorId = cookie.orElse(newVisitorId);
    TouchResult click = program.referrals().recordTouch(codeFromUrl, visitorId);
    // An unknown or revoked code is not an error: TouchResult.Ignored says why; render as usual.
    // end::landing[]
    return click instanceof TouchResult.Recorded ? visitorId : cookie.orElse(newVisitorId);
  }

  /**
   * The signup form.
   *
   * @param customerId the new customer's account id
   * @param cookie the referral cookie's value, if any
   * @return whether a partner brought the customer
   */
  public boolean onSignup(String customerId, Optional<String> cookie) {
    // tag::signup[]
    AttributeSignupCommand signup = AttributeSignupCommand.newCustomer(customerId);
    if (cookie.isPresent()) {
      signup = signup.visitor(cookie.get());
    }
    AttributionDecision decision = program.referrals().attributeSignup(signup).decision();
    // Decided once; support reads why (and any move since) with referrals().explain(customer).
    // end::signup[]
    return decision instanceof AttributionDecision.Attributed;
  }

  /** A rate change: VPS from 12.5 % to 15 %, SSL no longer participating, the rest unchanged. */
  public void changeRates() {
    Act act = Act.by("ops@host.example", "rate card 2027");
    // tag::rates[]
    program
        .rates()
        .change(
            RateChange.programmeWide(act)
                .set(RateTarget.group("vps"), Rate.percent("15"))
                .remove(RateTarget.product("ssl-certificate")) // explicit: no longer participating
                .from(program.terms().startOf(YearMonth.of(2027, 1))));
    // end::rates[]
  }

  /**
   * The monthly payout run.
   *
   * @param dir where the files go
   * @return the close's result
   * @throws IOException if a file cannot be written
   */
  public PeriodCloseResult closeTheMonth(Path dir) throws IOException {
    Act act = Act.by("job:payouts", "monthly payout run");
    // tag::close[]
    YearMonth month = program.payouts().nextMonthToClose().orElseThrow(); // 2026-11
    PeriodCloseResult closed = program.payouts().close(month, act); // once, even when racing
    ExportPayoutsCommand files =
        new ExportPayoutsCommand(
                month,
                PainVersion.PAIN_001_001_03,
                SepaDebtor.of("Hosting B.V.", "NL91 ABNA 0417 1643 00"),
                LocalDate.of(2026, 12, 2),
                act)
            .withCsvFormat(CsvFormat.EXCEL_SEMICOLON); // ; and decimal comma for nl/de Excel
    try (OutputStream sepa = Files.newOutputStream(dir.resolve("payouts.xml"));
        OutputStream csv = Files.newOutputStream(dir.resolve("payouts.csv"))) {
      program.payouts().exportTo(files, sepa, csv); // streamed: any number of payouts
    }
    // end::close[]
    return closed;
  }

  /**
   * The bank's answer for a payout.
   *
   * @param payoutId the payout
   * @param paid whether the bank paid it
   * @param bankSaysAt when
   * @param bankSays what the bank says (its reason, when it failed the transfer)
   */
  public void onBankStatement(
      PayoutId payoutId, boolean paid, Instant bankSaysAt, String bankSays) {
    // tag::bank[]
    Act act = Act.by("finance", bankSays); // the bank's reason
    if (paid) {
      program.payouts().markPaid(payoutId, bankSaysAt, act); // "on its way" becomes "paid"
    } else {
      program.payouts().markFailed(payoutId, act); // back to the balance
    }
    // end::bank[]
  }

  /**
   * A partner's statement.
   *
   * @param partnerId the partner
   * @return the text
   */
  public String statement(PartnerId partnerId) {
    // tag::statement[]
    PartnerStatement statement =
        program.payouts().statement(StatementQuery.of(partnerId, YearMonth.of(2026, 11)));
    String forEmail = statement.toText(); // header, every order line explained, what happened since
    String forThePortal = statement.toJson();
    // end::statement[]
    return forEmail + forThePortal.length();
  }

  /**
   * An operator's corrections: a bonus for one partner, and a write-off of what another, who left
   * after a clawback, still owes.
   *
   * @param partnerId the partner who gets a bonus
   * @param leaver a partner who left owing money
   * @return the write-off booked
   */
  public Adjustment corrections(PartnerId partnerId, PartnerId leaver) {
    ProgramTerms terms = program.terms();
    // tag::corrections[]
    Act alice = Act.by("alice@host.example", "bonus for the webinar");
    program.corrections().adjust(AdjustCommand.of("adj-47", partnerId, terms.money("25"), alice));
    // a partner who left owing money after a clawback: forgive it, so its books close
    Act finance = Act.by("finance@host.example", "uncollectable");
    Adjustment writeOff =
        program.corrections().writeOff(WriteOffCommand.of("wo-12", leaver, finance));
    // end::corrections[]
    return writeOff;
  }

  /**
   * What a partner page shows: a month's commission lines page by page, the payouts, and the public
   * rate card for the page before enrolling.
   *
   * @param partnerId the partner
   * @return how many lines, payouts and card entries were read
   */
  public int partnerPage(PartnerId partnerId) {
    // tag::partnerpage[]
    LedgerQuery november = LedgerQuery.ofPartner(partnerId).month(YearMonth.of(2026, 11));
    Page<LedgerLine> lines = program.commissions().ledger(november.pageSize(20));
    // order ref, product, net, rate, commission, reversals, PENDING/HELD/PAYABLE/IN_PAYOUT/PAID
    Optional<PagePosition> more = lines.next(); // its token() goes in the "next page" link
    Page<LedgerLine> payable = program.commissions().ledger(november.state(State.PAYABLE));
    Page<Payout> payouts = program.payouts().ofPartner(PayoutQuery.ofPartner(partnerId));
    Optional<RateCard> card = program.rates().card(); // label and rate per product or group
    // end::partnerpage[]
    int linesRead = lines.items().size() + payable.items().size() + (more.isPresent() ? 1 : 0);
    return linesRead * 10_000
        + payouts.items().size() * 100
        + card.map(c -> c.entries().size()).orElse(0);
  }
}
