package org.partnerprogram.jdbc.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.EventPublisher;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.OrderStore;
import org.partnerprogram.core.port.out.PartnerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.ProcessedEventStore;
import org.partnerprogram.core.port.out.ProgramStorage;
import org.partnerprogram.core.port.out.RateStore;
import org.partnerprogram.core.port.out.ReferralCodeStore;
import org.partnerprogram.core.port.out.ResolvedTouch;
import org.partnerprogram.core.port.out.TouchStore;
import org.partnerprogram.core.port.out.TransactionBoundary;
import org.partnerprogram.jdbc.JdbcProgramStorage;

/**
 * A host that manages its own transactions, with a {@link JdbcProgramStorage#joining joined}
 * storage inside: every unit of work the contract runs is wrapped in a host transaction on a
 * connection of the host's own, which the host commits or rolls back. {@link #joinOrOwn} instead
 * wires {@link JdbcProgramStorage#joiningOrOwning} and wraps only every other unit of work in a
 * host transaction, so that the storage joins half of them and owns the others.
 */
public final class HostManagedStorage implements ProgramStorage {
  private final DataSource dataSource;

  // The host's "current transaction", per storage as a host framework keeps it per data source.
  @SuppressWarnings("ThreadLocalUsage")
  private final ThreadLocal<Connection> hostConnection = new ThreadLocal<>();

  private final JdbcProgramStorage joined;

  /** Null: every unit runs in a host transaction; else counts units, odd ones in the host's. */
  private final AtomicInteger alternate;

  /** A host whose every unit of work runs in its transaction, with a strictly joined storage. */
  public HostManagedStorage(DataSource dataSource) {
    this(dataSource, false);
  }

  private HostManagedStorage(DataSource dataSource, boolean joinOrOwn) {
    this.dataSource = dataSource;
    this.joined =
        joinOrOwn
            ? JdbcProgramStorage.joiningOrOwning(dataSource, this::hostTransaction)
            : JdbcProgramStorage.joining(this::hostTransaction);
    this.alternate = joinOrOwn ? new AtomicInteger() : null;
  }

  /**
   * A host with a {@link JdbcProgramStorage#joiningOrOwning join-or-own} storage that runs every
   * other outermost unit of work in its own transaction and leaves the rest to the storage.
   */
  public static HostManagedStorage joinOrOwn(DataSource dataSource) {
    return new HostManagedStorage(dataSource, true);
  }

  /** The host's side of {@link org.partnerprogram.jdbc.HostTransactions}. */
  private Optional<Connection> hostTransaction() {
    return Optional.ofNullable(hostConnection.get());
  }

  public JdbcProgramStorage joined() {
    return joined;
  }

  /** The connection of the host transaction in progress on this thread (null outside one). */
  public Connection currentHostConnection() {
    return hostConnection.get();
  }

  /** Runs work in a host transaction, as a host framework would. */
  public <T> T inHostTransaction(Supplier<T> work) {
    if (hostConnection.get() != null) {
      return work.get();
    }
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      hostConnection.set(c);
      try {
        T result = work.get();
        c.commit();
        return result;
      } catch (RuntimeException | Error e) {
        c.rollback();
        throw e;
      } finally {
        hostConnection.remove();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("host transaction failed", e);
    }
  }

  @Override
  public PartnerStore partners() {
    return joined.partners();
  }

  @Override
  public ReferralCodeStore codes() {
    return joined.codes();
  }

  @Override
  public RateStore rates() {
    return joined.rates();
  }

  @Override
  public TouchStore touches() {
    return joined.touches();
  }

  @Override
  public List<ResolvedTouch> resolvedTouches(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    return joined.resolvedTouches(visitorId, fromInclusive, toInclusive);
  }

  @Override
  public AttributionStore attributions() {
    return joined.attributions();
  }

  @Override
  public OrderStore orders() {
    return joined.orders();
  }

  @Override
  public LedgerStore ledger() {
    return joined.ledger();
  }

  @Override
  public ProcessedEventStore processedEvents() {
    return joined.processedEvents();
  }

  @Override
  public PayoutStore payouts() {
    return joined.payouts();
  }

  @Override
  public org.partnerprogram.core.port.out.ErasureStore erasures() {
    return joined.erasures();
  }

  @Override
  public org.partnerprogram.core.port.out.ReportStore reports() {
    return joined.reports();
  }

  @Override
  public org.partnerprogram.core.port.out.AuditStore audit() {
    return joined.audit();
  }

  @Override
  public TransactionBoundary transactions() {
    TransactionBoundary inner = joined.transactions();
    return new TransactionBoundary() {
      @Override
      public <T> T execute(Supplier<T> work) {
        if (alternate != null
            && hostConnection.get() == null
            && alternate.getAndIncrement() % 2 == 1) {
          return inner.execute(work);
        }
        return inHostTransaction(() -> inner.execute(work));
      }
    };
  }

  @Override
  public Optional<EventPublisher> outbox() {
    return joined.outbox();
  }
}
