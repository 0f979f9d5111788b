package org.partnerprogram.core;

import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.internal.AttributionService;
import org.partnerprogram.core.internal.CommissionService;
import org.partnerprogram.core.internal.PayoutService;
import org.partnerprogram.core.internal.ProgramService;
import org.partnerprogram.core.internal.ServiceContext;
import org.partnerprogram.core.internal.StatementService;
import org.partnerprogram.core.port.in.AddRateVersionUseCase;
import org.partnerprogram.core.port.in.AttributeSignupUseCase;
import org.partnerprogram.core.port.in.ClosePeriodUseCase;
import org.partnerprogram.core.port.in.EnrollPartnerUseCase;
import org.partnerprogram.core.port.in.ExplainAttributionUseCase;
import org.partnerprogram.core.port.in.ExportPayoutsCommand;
import org.partnerprogram.core.port.in.ExportPayoutsUseCase;
import org.partnerprogram.core.port.in.IssueReferralCodeUseCase;
import org.partnerprogram.core.port.in.LeaveProgramUseCase;
import org.partnerprogram.core.port.in.MarkPayoutFailedUseCase;
import org.partnerprogram.core.port.in.MarkPayoutPaidUseCase;
import org.partnerprogram.core.port.in.PartnerOverviewUseCase;
import org.partnerprogram.core.port.in.PartnerStatementUseCase;
import org.partnerprogram.core.port.in.PayoutExport;
import org.partnerprogram.core.port.in.PayoutExportSummary;
import org.partnerprogram.core.port.in.ProcessedEventsUseCase;
import org.partnerprogram.core.port.in.RecordOrderUseCase;
import org.partnerprogram.core.port.in.RecordPaymentUseCase;
import org.partnerprogram.core.port.in.RecordRefundUseCase;
import org.partnerprogram.core.port.in.RecordTouchUseCase;
import org.partnerprogram.core.port.in.ReinstatePartnerUseCase;
import org.partnerprogram.core.port.in.RevokeReferralCodeUseCase;
import org.partnerprogram.core.port.in.SuspendPartnerUseCase;
import org.partnerprogram.core.port.in.UpdatePayoutAccountUseCase;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * The SDK's front door: one partner programme, wired to the host's storage, clock and randomness,
 * handing out its use cases. Build one per programme at start-up and share it: it is immutable and
 * safe for concurrent use (coordination happens in storage, so many host instances may share one
 * database).
 *
 * <pre>{@code
 * PartnerProgram program = PartnerProgram.builder()
 *     .terms(ProgramTerms.builder()
 *         .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
 *         .build())
 *     .storage(storage)
 *     .build();
 * EnrollmentResult enrolled = program.enrollPartner().enroll(EnrollPartnerCommand.of("cust-42"));
 * }</pre>
 */
public final class PartnerProgram {
  private final ProgramTerms terms;
  private final ProgramService service;
  private final AttributionService attribution;
  private final CommissionService commissions;
  private final PayoutService payouts;
  private final StatementService statements;

  private PartnerProgram(ProgramTerms terms, ServiceContext context) {
    this.terms = terms;
    this.service = new ProgramService(context);
    this.attribution = new AttributionService(context);
    this.commissions = new CommissionService(context);
    this.payouts = new PayoutService(context);
    this.statements = new StatementService(context);
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
   * The programme's rules.
   *
   * @return never null
   */
  public ProgramTerms terms() {
    return terms;
  }

  /**
   * Enrol a customer account as a partner.
   *
   * @return the use case
   */
  public EnrollPartnerUseCase enrollPartner() {
    return service::enroll;
  }

  /**
   * A partner leaves the programme.
   *
   * @return the use case
   */
  public LeaveProgramUseCase leaveProgram() {
    return service::leave;
  }

  /**
   * Suspend a partner.
   *
   * @return the use case
   */
  public SuspendPartnerUseCase suspendPartner() {
    return service::suspend;
  }

  /**
   * Reinstate a suspended partner.
   *
   * @return the use case
   */
  public ReinstatePartnerUseCase reinstatePartner() {
    return service::reinstate;
  }

  /**
   * Set or change a partner's payout account.
   *
   * @return the use case
   */
  public UpdatePayoutAccountUseCase updatePayoutAccount() {
    return service::updatePayoutAccount;
  }

  /**
   * Issue a referral code.
   *
   * @return the use case
   */
  public IssueReferralCodeUseCase issueReferralCode() {
    return service::issue;
  }

  /**
   * Revoke a referral code.
   *
   * @return the use case
   */
  public RevokeReferralCodeUseCase revokeReferralCode() {
    return service::revoke;
  }

  /**
   * Add a rate version.
   *
   * @return the use case
   */
  public AddRateVersionUseCase addRateVersion() {
    return service::addRateVersion;
  }

  /**
   * The partner page.
   *
   * @return the use case
   */
  public PartnerOverviewUseCase partnerOverview() {
    return service::overview;
  }

  /**
   * Record a click on a referral link (call it from the landing page).
   *
   * @return the use case
   */
  public RecordTouchUseCase recordTouch() {
    return attribution::recordTouch;
  }

  /**
   * Decide, at signup, whether a partner brought the new customer.
   *
   * @return the use case
   */
  public AttributeSignupUseCase attributeSignup() {
    return attribution::attribute;
  }

  /**
   * Explain a customer's attribution decision, for support.
   *
   * @return the use case
   */
  public ExplainAttributionUseCase explainAttribution() {
    return attribution::explain;
  }

  /**
   * Record an order reported by the host's billing.
   *
   * @return the use case
   */
  public RecordOrderUseCase recordOrder() {
    return commissions::recordOrder;
  }

  /**
   * Record that an order was paid in full.
   *
   * @return the use case
   */
  public RecordPaymentUseCase recordPayment() {
    return commissions::recordPayment;
  }

  /**
   * Record a refund or chargeback.
   *
   * @return the use case
   */
  public RecordRefundUseCase recordRefund() {
    return commissions::recordRefund;
  }

  /**
   * Ask which host events were processed (reconciliation of lost webhooks).
   *
   * @return the use case
   */
  public ProcessedEventsUseCase processedEvents() {
    return commissions::processed;
  }

  /**
   * Close a payout month.
   *
   * @return the use case
   */
  public ClosePeriodUseCase closePeriod() {
    return payouts::close;
  }

  /**
   * Record that the bank paid a payout.
   *
   * @return the use case
   */
  public MarkPayoutPaidUseCase markPayoutPaid() {
    return payouts::markPaid;
  }

  /**
   * Record that the bank rejected a payout.
   *
   * @return the use case
   */
  public MarkPayoutFailedUseCase markPayoutFailed() {
    return payouts::markFailed;
  }

  /**
   * Export a closed month's payouts as SEPA and CSV files.
   *
   * @return the use case
   */
  public ExportPayoutsUseCase exportPayouts() {
    return new ExportPayoutsUseCase() {
      @Override
      public PayoutExport export(ExportPayoutsCommand command) {
        return payouts.export(command);
      }

      @Override
      public PayoutExportSummary exportTo(
          ExportPayoutsCommand command, OutputStream sepaXml, OutputStream csv) {
        return payouts.exportTo(command, sepaXml, csv);
      }
    };
  }

  /**
   * A partner's monthly statement.
   *
   * @return the use case
   */
  public PartnerStatementUseCase partnerStatement() {
    return statements::statement;
  }

  /**
   * The month a close should take next: the one after the latest closed month, or, before the first
   * close, the month in which the programme's first commission became payable (a programme starts
   * closing there, never earlier by habit). The month may not have ended yet.
   *
   * @return the month, or empty if no month was closed and nothing has become payable yet
   */
  public Optional<YearMonth> nextMonthToClose() {
    return payouts.nextMonthToClose();
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
