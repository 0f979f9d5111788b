package org.partnerprogram.jdbc;

import java.time.Clock;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.Balance;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.AuditStore;
import org.partnerprogram.core.port.out.ErasureStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.ReportStore;
import org.partnerprogram.core.port.out.ResolvedTouch;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.core.port.out.TransactionBoundary;

/**
 * Every outbound port of partner-core over plain JDBC, on PostgreSQL, MariaDB or H2, with a
 * transactional {@linkplain #outboxReader() outbox} for events. The tables ({@code pp_*}) must
 * exist: run {@link JdbcMigrations#migrate(DataSource)} or the migrations with your own Flyway.
 *
 * <p>Three ways to run transactions:
 *
 * <ul>
 *   <li>{@link #create(DataSource)}: the adapter owns them. Each use case takes a connection, runs
 *       in one READ COMMITTED transaction, commits when it returns and rolls back on any failure; a
 *       {@code RetryPolicy} may repeat it.
 *   <li>{@link #joining(HostTransactions)}: the host owns them. Each use case runs on the
 *       connection of the host's open transaction, which the adapter never commits, rolls back or
 *       closes (a failed use case is undone back to a savepoint, and its exception propagates to
 *       the host). Called where the host has no transaction open, it throws {@link
 *       HostTransactionRequiredException} before taking any connection.
 *   <li>{@link #joiningOrOwning(DataSource, HostTransactions)}: joins the host's transaction when
 *       one is open on the calling thread, and otherwise owns one exactly as {@link
 *       #create(DataSource)} does (retries included), decided per use case. What users of Spring's
 *       {@code JdbcTemplate} expect.
 * </ul>
 *
 * <p>Immutable and safe for concurrent use; many host instances may share one database.
 */
public final class JdbcProgramStorage implements ProgramStorage {
  private final JdbcTransactions transactions;
  private final JdbcPartnerStore partners;
  private final JdbcReferralCodeStore codes;
  private final JdbcRateStore rates;
  private final JdbcTouchStore touches;
  private final JdbcAttributionStore attributions;
  private final JdbcOrderStore orders;
  private final JdbcLedgerStore ledger;
  private final JdbcProcessedEventStore processedEvents;
  private final JdbcPayoutStore payouts;
  private final JdbcOutbox outbox;
  private final JdbcErasureStore erasures;
  private final JdbcReportStore reports;
  private final JdbcAuditStore audit;
  private final Sql sql;

  private JdbcProgramStorage(JdbcTransactions transactions) {
    this.transactions = transactions;
    Sql sql = new Sql(transactions);
    this.sql = sql;
    this.partners = new JdbcPartnerStore(sql);
    this.codes = new JdbcReferralCodeStore(sql);
    this.rates = new JdbcRateStore(sql);
    this.touches = new JdbcTouchStore(sql);
    this.attributions = new JdbcAttributionStore(sql);
    this.orders = new JdbcOrderStore(sql);
    this.ledger = new JdbcLedgerStore(sql);
    this.processedEvents = new JdbcProcessedEventStore(sql);
    this.payouts = new JdbcPayoutStore(sql, ledger);
    this.outbox = new JdbcOutbox(transactions, sql, Clock.systemUTC());
    this.erasures = new JdbcErasureStore(sql);
    this.reports = new JdbcReportStore(sql, payouts);
    this.audit = new JdbcAuditStore(sql);
  }

  /**
   * Storage that owns its transactions, detecting the database from the first connection.
   *
   * @param dataSource where connections come from (a pool in production); never null
   * @return the storage
   * @throws NullPointerException if the data source is null
   */
  public static JdbcProgramStorage create(DataSource dataSource) {
    return new JdbcProgramStorage(JdbcTransactions.owned(dataSource, null));
  }

  /**
   * Storage that owns its transactions on a known database.
   *
   * @param dataSource where connections come from; never null
   * @param dialect the database; never null
   * @return the storage
   * @throws NullPointerException if an argument is null
   */
  public static JdbcProgramStorage create(DataSource dataSource, Dialect dialect) {
    return new JdbcProgramStorage(
        JdbcTransactions.owned(dataSource, Objects.requireNonNull(dialect, "dialect")));
  }

  /**
   * Storage that joins the host's transactions and only those, detecting the database from the
   * first connection. At the start of each use case it asks {@code host} for the transaction open
   * on the calling thread; when there is none (or its connection is in autocommit mode) the use
   * case fails with {@link HostTransactionRequiredException} before any connection is taken or any
   * SQL runs. The adapter never repeats a use case on its own in this mode.
   *
   * @param host the host's open transaction; never null
   * @return the storage
   * @throws NullPointerException if {@code host} is null
   */
  public static JdbcProgramStorage joining(HostTransactions host) {
    return new JdbcProgramStorage(JdbcTransactions.joined(host, null));
  }

  /**
   * Storage that joins the host's transactions and only those, on a known database; see {@link
   * #joining(HostTransactions)}.
   *
   * @param host the host's open transaction; never null
   * @param dialect the database; never null
   * @return the storage
   * @throws NullPointerException if an argument is null
   */
  public static JdbcProgramStorage joining(HostTransactions host, Dialect dialect) {
    return new JdbcProgramStorage(
        JdbcTransactions.joined(host, Objects.requireNonNull(dialect, "dialect")));
  }

  /**
   * Storage that joins the host's transaction when one is open and owns one otherwise, detecting
   * the database from the first connection. Per use case, on the calling thread: when {@code host}
   * returns a connection the use case runs on it as in {@link #joining(HostTransactions)}
   * (savepoint, never committed or closed, never repeated); when it returns empty, the use case
   * takes a connection from {@code dataSource} and runs as in {@link #create(DataSource)}
   * (committed, closed, and repeatable by a {@code RetryPolicy}). Give both the same database.
   *
   * @param dataSource where connections come from when the host has no transaction open; never null
   * @param host the host's open transaction; never null
   * @return the storage
   * @throws NullPointerException if an argument is null
   */
  public static JdbcProgramStorage joiningOrOwning(DataSource dataSource, HostTransactions host) {
    return new JdbcProgramStorage(JdbcTransactions.joinedOrOwned(dataSource, host, null));
  }

  /**
   * Storage that joins the host's transaction when one is open and owns one otherwise, on a known
   * database; see {@link #joiningOrOwning(DataSource, HostTransactions)}.
   *
   * @param dataSource where connections come from when the host has no transaction open; never null
   * @param host the host's open transaction; never null
   * @param dialect the database; never null
   * @return the storage
   * @throws NullPointerException if an argument is null
   */
  public static JdbcProgramStorage joiningOrOwning(
      DataSource dataSource, HostTransactions host, Dialect dialect) {
    return new JdbcProgramStorage(
        JdbcTransactions.joinedOrOwned(
            dataSource, host, Objects.requireNonNull(dialect, "dialect")));
  }

  /**
   * Compares what the adapter keeps beside the ledger, so that a month's close and a partner's
   * balance cost what is recent rather than the whole history, with the ledger itself: each
   * partner's totals by kind (schema V12) with the sums of the partner's entries, and the open
   * entries a close reads (V11) with the EARNED and REVERSED entries that no payout holds. They
   * agree by construction (each is written in the transaction that writes what it summarises); a
   * difference means rows were changed outside the SDK. Each comparison is one statement over the
   * whole ledger, so run it at a quiet hour (for example after the monthly close); it changes
   * nothing.
   *
   * @return one line per difference, naming the partner or entry; empty when all agree
   * @throws org.partnerprogram.core.domain.StorageException if the database fails
   */
  public List<String> reconcile() {
    return transactions.execute(() -> JdbcReconciliation.run(sql));
  }

  @Override
  public PartnerStore partners() {
    return partners;
  }

  @Override
  public ReferralCodeStore codes() {
    return codes;
  }

  @Override
  public RateStore rates() {
    return rates;
  }

  @Override
  public TouchStore touches() {
    return touches;
  }

  /** One query: the touches joined with their codes and the codes' partners. */
  @Override
  public List<ResolvedTouch> resolvedTouches(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    return touches.findResolvedByVisitor(visitorId, fromInclusive, toInclusive);
  }

  @Override
  public AttributionStore attributions() {
    return attributions;
  }

  @Override
  public OrderStore orders() {
    return orders;
  }

  @Override
  public LedgerStore ledger() {
    return ledger;
  }

  /** One query: the clicks counted with the decisions. */
  @Override
  public AttributionCounts referralCounts(PartnerId partnerId) {
    return attributions.countsWithClicks(partnerId);
  }

  /** The ledger's sums and the paid total in one statement. */
  @Override
  public Balance balanceNetOfPayouts(PartnerId partnerId, Currency currency, Instant asOf) {
    return ledger.balanceNetOfPayouts(partnerId, currency, asOf);
  }

  @Override
  public ProcessedEventStore processedEvents() {
    return processedEvents;
  }

  @Override
  public PayoutStore payouts() {
    return payouts;
  }

  @Override
  public ErasureStore erasures() {
    return erasures;
  }

  @Override
  public ReportStore reports() {
    return reports;
  }

  @Override
  public AuditStore audit() {
    return audit;
  }

  @Override
  public TransactionBoundary transactions() {
    return transactions;
  }

  /**
   * The outbox as the core's event publisher; {@code
   * PartnerProgram.builder().pseudonymKey(PseudonymKey.of(new byte[32]))} uses it by default.
   *
   * @return the outbox; never empty
   */
  @Override
  public Optional<EventPublisher> outbox() {
    return Optional.of(outbox);
  }

  /**
   * The outbox, for a relay that reads and acknowledges events.
   *
   * @return the outbox; never null
   */
  public JdbcOutbox outboxReader() {
    return outbox;
  }
}
