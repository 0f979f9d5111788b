package org.partnerprogram.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;
import org.partnerprogram.core.domain.InvalidInputException;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.port.in.Audit;
import org.partnerprogram.core.port.in.Commissions;
import org.partnerprogram.core.port.in.Corrections;
import org.partnerprogram.core.port.in.Partners;
import org.partnerprogram.core.port.in.Payouts;
import org.partnerprogram.core.port.in.Privacy;
import org.partnerprogram.core.port.in.Rates;
import org.partnerprogram.core.port.in.Referrals;
import org.partnerprogram.core.port.in.Reports;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.ProgramObserver;
import org.partnerprogram.core.port.out.ProgramStorage;

/**
 * The SDK's front door: one partner programme, wired to the host's storage, clock and randomness.
 * Its groups hold what a host does, with plain verbs: {@link #partners()} (enrol, leave, the payout
 * account, the partner page), {@link #referrals()} (clicks, signups, codes), {@link #rates()} (the
 * rate card), {@link #commissions()} (orders, payments, refunds from the host's billing) and {@link
 * #payouts()} (closing a month, bank files, statements), {@link #privacy()} (retention, erasure,
 * access), {@link #reports()} (support's and finance's lists and figures across partners) and
 * {@link #audit()} (who did which administrative act, and why). Build one per programme at start-up
 * and share it: it is immutable and safe for concurrent use (coordination happens in storage, so
 * many host instances may share one database).
 *
 * <pre>{@code
 * PartnerProgram program = PartnerProgram.builder()
 *     .terms(ProgramTerms.builder()
 *         .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
 *         .build())
 *     .storage(storage)
 *     .pseudonymKey(PseudonymKey.of(secretFromTheVault))
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
  private final Privacy privacy;
  private final Corrections corrections;
  private final Reports reports;
  private final Audit audit;

  private PartnerProgram(ProgramTerms terms, ServiceContext context) {
    this.terms = terms;
    ReferralCodeService codes = new ReferralCodeService(context);
    EventClaims claims = new EventClaims(context);
    QueryService queries = new QueryService(context);
    // Every call a host makes goes through one of these groups: observing them is observing
    // every use case, in one place.
    Observations observed = context.observations;
    this.partners =
        observed.observe(
            Partners.class,
            "partners",
            new PartnersGroup(new PartnerService(context, codes), new OverviewService(context)));
    this.referrals =
        observed.observe(
            Referrals.class,
            "referrals",
            new ReferralsGroup(codes, new AttributionService(context, claims)));
    this.rates =
        observed.observe(
            Rates.class, "rates", new RatesGroup(new RateCardService(context), queries));
    this.commissions =
        observed.observe(
            Commissions.class,
            "commissions",
            new CommissionsGroup(
                new OrderService(context, claims),
                new PaymentService(context, claims),
                new RefundService(context, claims),
                claims,
                queries));
    this.payouts =
        observed.observe(
            Payouts.class,
            "payouts",
            new PayoutsGroup(
                new PeriodCloseService(context),
                new PayoutLifecycleService(context),
                new PayoutExportService(context),
                new StatementService(context),
                queries));
    this.privacy = observed.observe(Privacy.class, "privacy", new PrivacyGroup(context));
    this.corrections =
        observed.observe(
            Corrections.class,
            "corrections",
            new CorrectionsGroup(new CorrectionService(context, claims)));
    this.reports = observed.observe(Reports.class, "reports", new ReportsGroup(context));
    this.audit = observed.observe(Audit.class, "audit", new AuditGroup(context));
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

  /**
   * Retention, erasure and access: what the programme keeps about people and how it forgets.
   *
   * @return never null
   */
  public Privacy privacy() {
    return privacy;
  }

  /**
   * An operator's corrections of the books: adjustments of a partner's balance and write-offs of
   * what a partner who left owes.
   *
   * @return never null
   */
  public Corrections corrections() {
    return corrections;
  }

  /**
   * Support's and finance's read-only lists and figures across partners: partners by status, a
   * partner by code or customer account, the top earners of a period, a month's funnel and a
   * month's payouts.
   *
   * @return never null
   */
  public Reports reports() {
    return reports;
  }

  /**
   * The audit trail of administrative acts: who did what, when and why, per partner, actor or
   * month, and its verification.
   *
   * @return never null
   */
  public Audit audit() {
    return audit;
  }

  /**
   * Builds a {@link PartnerProgram}. {@link #terms}, {@link #storage} and {@link #pseudonymKey} are
   * required; the clock defaults to {@link Clock#systemUTC()}, randomness to a new {@link
   * SecureRandom}, events to the storage's own outbox, retries to {@link RetryPolicy#none()}, and
   * the observer to {@link ProgramObserver#none()}.
   */
  public static final class Builder {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private ProgramTerms terms;
    private ProgramStorage storage;
    private EventPublisher events;
    private Clock clock = Clock.systemUTC();
    private RandomGenerator random;
    private RetryPolicy retry = RetryPolicy.none();
    private ProgramObserver observer = ProgramObserver.none();
    private LongSupplier ticker = System::nanoTime;
    private String name;
    private PseudonymKey pseudonymKey;
    private boolean publishCustomerAccountIds;

    private Builder() {}

    /**
     * Lets events carry customer account ids besides their pseudonyms: {@link
     * org.partnerprogram.core.domain.event.CustomerAttributed}, {@link
     * org.partnerprogram.core.domain.event.PartnerEnrolled} and {@link
     * org.partnerprogram.core.domain.event.PartnerRejoined} then fill {@code customerAccountId}.
     * Off by default, and best left off: under the GDPR (data minimisation, art. 5(1)(c)) an event
     * should carry no more than its consumers need, and every consumer, queue and log the outbox
     * feeds then holds the account id, which an erasure can reach only in the programme's own
     * outbox. The host matches a pseudonym to its customer without it, with its {@link
     * PseudonymKey#pseudonymOf(org.partnerprogram.core.domain.CustomerAccountId)}. Turn it on for
     * consumers that cannot hold the key (then they are personal data processors to record).
     *
     * @return this builder
     */
    public Builder publishCustomerAccountIds() {
      this.publishCustomerAccountIds = true;
      return this;
    }

    /**
     * The host's secret for the pseudonyms of people's identifiers: events name referred customers
     * by pseudonym, and erasure and retention replace identifiers by pseudonyms. Required, so that
     * no programme publishes customer account ids by accident. Load it from the host's secret store
     * (at least 32 random bytes) and keep it: another key makes other pseudonyms.
     *
     * @param key the key; never null
     * @return this builder
     */
    public Builder pseudonymKey(PseudonymKey key) {
      this.pseudonymKey = Objects.requireNonNull(key, "key");
      return this;
    }

    /**
     * Who hears about every use case (its name, outcome, duration and attempts) and the progress of
     * closes and exports: the host's metrics, traces or progress bars. An observer that throws is
     * logged once at WARN and otherwise ignored. Defaults to {@link ProgramObserver#none()}.
     *
     * @param observer the observer; never null
     * @return this builder
     */
    public Builder observer(ProgramObserver observer) {
      this.observer = Objects.requireNonNull(observer, "observer");
      return this;
    }

    /**
     * A short name for this programme, put into the logs' MDC under {@code programme} while it
     * works, for hosts that run more than one. By default there is no such key.
     *
     * @param name 1 to 64 letters, digits, dots, hyphens or underscores; never null
     * @return this builder
     * @throws InvalidInputException if the name is not such
     */
    public Builder name(String name) {
      if (name == null || !NAME.matcher(name).matches()) {
        throw new InvalidInputException("name", "must be 1 to 64 letters, digits, '.', '-' or '_'");
      }
      this.name = name;
      return this;
    }

    /** The monotonic source of nanoseconds that durations are measured with; for tests. */
    Builder ticker(LongSupplier ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

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
     * @throws InvalidInputException if terms, storage or the pseudonym key are missing, or no event
     *     publisher is given and the storage has no outbox
     */
    public PartnerProgram build() {
      if (terms == null) {
        throw new InvalidInputException("terms", "call terms(...) before build()");
      }
      if (storage == null) {
        throw new InvalidInputException("storage", "call storage(...) before build()");
      }
      if (pseudonymKey == null) {
        throw new InvalidInputException(
            "pseudonymKey", "call pseudonymKey(PseudonymKey.of(secret)) before build()");
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
      Observations observations = new Observations(observer, ticker, Optional.ofNullable(name));
      ServiceContext context =
          new ServiceContext(
              terms,
              storage,
              publisher,
              clock,
              source,
              retry,
              observations,
              pseudonymKey,
              publishCustomerAccountIds);
      return new PartnerProgram(terms, context);
    }
  }
}
