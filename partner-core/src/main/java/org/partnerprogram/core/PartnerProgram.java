package org.partnerprogram.core;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerOverview;
import org.partnerprogram.core.domain.PartnerStatement;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.RateCard;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.internal.AttributionService;
import org.partnerprogram.core.internal.CommissionService;
import org.partnerprogram.core.internal.PayoutService;
import org.partnerprogram.core.internal.ProgramService;
import org.partnerprogram.core.internal.QueryService;
import org.partnerprogram.core.internal.ServiceContext;
import org.partnerprogram.core.internal.StatementService;
import org.partnerprogram.core.port.in.AttributeSignupCommand;
import org.partnerprogram.core.port.in.Commissions;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.LedgerQuery;
import org.partnerprogram.core.port.in.OrderResult;
import org.partnerprogram.core.port.in.Page;
import org.partnerprogram.core.port.in.Partners;
import org.partnerprogram.core.port.in.PaymentResult;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.PayoutQuery;
import org.partnerprogram.core.port.in.Payouts;
import org.partnerprogram.core.port.in.PeriodCloseResult;
import org.partnerprogram.core.port.in.ProcessedEventsQuery;
import org.partnerprogram.core.port.in.RateChange;
import org.partnerprogram.core.port.in.Rates;
import org.partnerprogram.core.port.in.RecordOrderCommand;
import org.partnerprogram.core.port.in.RecordPaymentCommand;
import org.partnerprogram.core.port.in.RecordRefundCommand;
import org.partnerprogram.core.port.in.RecordTouchCommand;
import org.partnerprogram.core.port.in.Referrals;
import org.partnerprogram.core.port.in.RefundResult;
import org.partnerprogram.core.port.in.SignupAttribution;
import org.partnerprogram.core.port.in.StatementQuery;
import org.partnerprogram.core.port.in.TouchResult;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * The SDK's front door: one partner programme, wired to the host's storage, clock and randomness.
 * Its groups hold what a host does, with plain verbs: {@link #partners()} (enrol, leave, the payout
 * account, the partner page), {@link #referrals()} (clicks, signups, codes), {@link #rates()} (the
 * rate card), {@link #commissions()} (orders, payments, refunds from the host's billing) and {@link
 * #payouts()} (closing a month, bank files, statements). Build one per programme at start-up and
 * share it: it is immutable and safe for concurrent use (coordination happens in storage, so many
 * host instances may share one database).
 *
 * <pre>{@code
 * PartnerProgram program = PartnerProgram.builder()
 *     .terms(ProgramTerms.builder()
 *         .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
 *         .build())
 *     .storage(storage)
 *     .clock(clock)
 *     .build();
 * EnrollmentResult enrolled = program.partners().enroll(EnrollPartnerCommand.of("cust-42"));
 * }</pre>
 */
public final class PartnerProgram {
  private final ProgramTerms terms;
  private final Partners partners;
  private final Referrals referrals;
  private final Rates rates;
  private final Commissions commissions;
  private final Payouts payouts;

  private PartnerProgram(ProgramTerms terms, ServiceContext context) {
    this.terms = terms;
    ProgramService program = new ProgramService(context);
    AttributionService attribution = new AttributionService(context);
    CommissionService commission = new CommissionService(context);
    PayoutService payout = new PayoutService(context);
    StatementService statement = new StatementService(context);
    QueryService queries = new QueryService(context);
    this.partners = new PartnersGroup(program);
    this.referrals = new ReferralsGroup(program, attribution);
    this.rates = new RatesGroup(program, queries);
    this.commissions = new CommissionsGroup(commission, queries);
    this.payouts = new PayoutsGroup(payout, statement, queries);
  }

  /**
   * Starts building a programme.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The programme's rules, with helpers for money and local time in the programme's currency and
   * zone ({@link ProgramTerms#money}, {@link ProgramTerms#startOf}).
   *
   * @return never null
   */
  public ProgramTerms terms() {
    return terms;
  }

  /**
   * Enrolment, the partner's lifecycle, the payout account and the partner page.
   *
   * @return never null
   */
  public Partners partners() {
    return partners;
  }

  /**
   * Clicks on referral links, signups, and referral codes.
   *
   * @return never null
   */
  public Referrals referrals() {
    return referrals;
  }

  /**
   * The rate card and partners' overrides.
   *
   * @return never null
   */
  public Rates rates() {
    return rates;
  }

  /**
   * Orders, payments, refunds and chargebacks from the host's billing.
   *
   * @return never null
   */
  public Commissions commissions() {
    return commissions;
  }

  /**
   * Closing months, bank files, the payouts' lifecycle and statements.
   *
   * @return never null
   */
  public Payouts payouts() {
    return payouts;
  }

  private static final class PartnersGroup implements Partners {
    private final ProgramService service;

    PartnersGroup(ProgramService service) {
      this.service = service;
    }

    @Override
    public EnrollmentResult enroll(EnrollPartnerCommand command) {
      return service.enroll(command);
    }

    @Override
    public Partner leave(PartnerId partnerId) {
      return service.leave(partnerId);
    }

    @Override
    public Partner suspend(PartnerId partnerId, String reason) {
      return service.suspend(partnerId, reason);
    }

    @Override
    public Partner reinstate(PartnerId partnerId) {
      return service.reinstate(partnerId);
    }

    @Override
    public Partner updatePayoutAccount(PartnerId partnerId, PayoutAccount account) {
      return service.updatePayoutAccount(partnerId, account);
    }

    @Override
    public Optional<PartnerOverview> overview(PartnerId partnerId) {
      return service.overview(partnerId);
    }

    @Override
    public Optional<PartnerOverview> overviewOfCustomer(CustomerAccountId customer) {
      return service.overviewOfCustomer(customer);
    }

    @Override
    public Optional<Partner> find(PartnerId partnerId) {
      return service.find(partnerId);
    }
  }

  private static final class ReferralsGroup implements Referrals {
    private final ProgramService codes;
    private final AttributionService attribution;

    ReferralsGroup(ProgramService codes, AttributionService attribution) {
      this.codes = codes;
      this.attribution = attribution;
    }

    @Override
    public TouchResult recordTouch(RecordTouchCommand command) {
      return attribution.recordTouch(command);
    }

    @Override
    public SignupAttribution attributeSignup(AttributeSignupCommand command) {
      return attribution.attribute(command);
    }

    @Override
    public IssuedCode issueCode(PartnerId partnerId) {
      return codes.issueCode(partnerId);
    }

    @Override
    public IssuedCode issueVanityCode(PartnerId partnerId, String code) {
      return codes.issueVanityCode(partnerId, code);
    }

    @Override
    public IssuedCode revokeCode(String code) {
      return codes.revokeCode(code);
    }

    @Override
    public Optional<AttributionRecord> explain(CustomerAccountId customer) {
      return attribution.explain(customer);
    }
  }

  private static final class RatesGroup implements Rates {
    private final ProgramService service;
    private final QueryService queries;

    RatesGroup(ProgramService service, QueryService queries) {
      this.service = service;
      this.queries = queries;
    }

    @Override
    public RateVersion change(RateChange change) {
      return service.changeRates(change);
    }

    @Override
    public Optional<RateCard> card() {
      return queries.card();
    }
  }

  private static final class CommissionsGroup implements Commissions {
    private final CommissionService service;
    private final QueryService queries;

    CommissionsGroup(CommissionService service, QueryService queries) {
      this.service = service;
      this.queries = queries;
    }

    @Override
    public Page<LedgerLine> ledger(LedgerQuery query) {
      return queries.ledger(query);
    }

    @Override
    public OrderResult recordOrder(RecordOrderCommand command) {
      return service.recordOrder(command);
    }

    @Override
    public PaymentResult recordPayment(RecordPaymentCommand command) {
      return service.recordPayment(command);
    }

    @Override
    public RefundResult recordRefund(RecordRefundCommand command) {
      return service.recordRefund(command);
    }

    @Override
    public Set<EventId> processed(Collection<String> eventIds) {
      if (eventIds == null || eventIds.stream().anyMatch(Objects::isNull)) {
        throw new InvalidInputException("eventIds", "must not be or contain null");
      }
      return service.processed(ProcessedEventsQuery.of(List.copyOf(eventIds)));
    }
  }

  private static final class PayoutsGroup implements Payouts {
    private final PayoutService service;
    private final StatementService statements;
    private final QueryService queries;

    PayoutsGroup(PayoutService service, StatementService statements, QueryService queries) {
      this.service = service;
      this.statements = statements;
      this.queries = queries;
    }

    @Override
    public Page<Payout> ofPartner(PayoutQuery query) {
      return queries.payouts(query);
    }

    @Override
    public PeriodCloseResult close(YearMonth month) {
      return service.close(month);
    }

    @Override
    public Optional<YearMonth> nextMonthToClose() {
      return service.nextMonthToClose();
    }

    @Override
    public PayoutExport export(ExportPayoutsCommand command) {
      return service.export(command);
    }

    @Override
    public PayoutExportSummary exportTo(
        ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
      return service.exportTo(command, sepaXml, csv);
    }

    @Override
    public Payout markPaid(PayoutId payoutId, Instant paidAt) {
      return service.markPaid(payoutId, paidAt);
    }

    @Override
    public Payout markFailed(PayoutId payoutId, String reason) {
      return service.markFailed(payoutId, reason);
    }

    @Override
    public PartnerStatement statement(StatementQuery query) {
      if (query == null) {
        throw new InvalidInputException("query", "must not be null");
      }
      return statements.statement(query);
    }

    @Override
    public void forEachPayout(YearMonth month, Consumer<Payout> action) {
      service.forEachPayout(month, action);
    }

    @Override
    public void forEachCloseLine(YearMonth month, Consumer<PeriodCloseLine> action) {
      service.forEachCloseLine(month, action);
    }
  }

  /**
   * Builds a {@link PartnerProgram}. {@link #terms} and {@link #storage} are required; the clock
   * defaults to {@link Clock#systemUTC()}, randomness to a new {@link SecureRandom}, events to the
   * storage's own outbox, and retries to {@link RetryPolicy#none()}.
   */
  public static final class Builder {
    private ProgramTerms terms;
    private ProgramStorage storage;
    private EventPublisher events;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;
    private RetryPolicy retry = RetryPolicy.none();

    private Builder() {}

    /**
     * Whether use cases that fail with a {@link org.partnerprogram.core.domain.RetryableException}
     * are repeated before the exception reaches the host: only in transactions the storage owns,
     * never in the host's. Defaults to {@link RetryPolicy#none()}.
     *
     * @param retry the policy; never null
     * @return this builder
     */
    public Builder retry(RetryPolicy retry) {
      this.retry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    /**
     * The programme's rules. Required.
     *
     * @param terms the terms; never null
     * @return this builder
     */
    public Builder terms(ProgramTerms terms) {
      this.terms = Objects.requireNonNull(terms, "terms");
      return this;
    }

    /**
     * The storage adapter (in-memory, JDBC, or your own). Required.
     *
     * @param storage the storage; never null
     * @return this builder
     */
    public Builder storage(ProgramStorage storage) {
      this.storage = Objects.requireNonNull(storage, "storage");
      return this;
    }

    /**
     * Where events go, if not to the storage's own outbox. The publisher must take part in the
     * storage's transactions (see {@link EventPublisher}).
     *
     * @param events the publisher; never null
     * @return this builder
     */
    public Builder events(EventPublisher events) {
      this.events = Objects.requireNonNull(events, "events");
      return this;
    }

    /**
     * The clock all instants come from. Defaults to {@link Clock#systemUTC()}.
     *
     * @param clock the clock; never null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The source of randomness for codes and ids. Defaults to a new {@link SecureRandom}; pass a
     * seeded generator only in tests.
     *
     * @param random the source; never null
     * @return this builder
     */
    public Builder random(RandomGenerator random) {
      this.random = Objects.requireNonNull(random, "random");
      return this;
    }

    /**
     * Builds the programme.
     *
     * @return the programme
     * @throws InvalidInputException if terms or storage are missing, or no event publisher is given
     *     and the storage has no outbox
     */
    public PartnerProgram build() {
      if (terms == null) {
        throw new InvalidInputException("terms", "call terms(...) before build()");
      }
      if (storage == null) {
        throw new InvalidInputException("storage", "call storage(...) before build()");
      }
      EventPublisher publisher = events;
      if (publisher == null) {
        publisher =
            storage
                .outbox()
                .orElseThrow(
                    () ->
                        new InvalidInputException(
                            "events",
                            "the storage has no outbox; call events(...) with a publisher"));
      }
      RandomGenerator source = random != null ? random : new SecureRandom();
      ServiceContext context = new ServiceContext(terms, storage, publisher, clock, source, retry);
      return new PartnerProgram(terms, context);
    }
  }
}
