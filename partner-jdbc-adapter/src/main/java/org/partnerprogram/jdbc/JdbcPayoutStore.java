package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.domain.PeriodClose;
import org.partnerprogram.core.domain.PeriodCloseLine;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.core.port.out.PayoutTotals;

/**
 * {@link PayoutStore} over {@code pp_payout}, {@code pp_payout_item} (primary key entry_id: a
 * ledger entry is paid in at most one payout) and {@code pp_released_item}; the months' closes and
 * their lines are {@link JdbcPeriodCloses}, the close's aggregate and assignment of entries {@link
 * JdbcPayoutAssignment}.
 */
final class JdbcPayoutStore implements PayoutStore {
  private static final String PAYOUT_COLUMNS =
      "payout_id, partner_id, period, amount, currency_code, iban, holder_name, status,"
          + " created_at, status_changed_at, failure_reason";

  private final Sql sql;
  private final JdbcLedgerStore ledger;
  private final JdbcPeriodCloses closes;
  private final JdbcPayoutAssignment assignment;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   * @param ledger the ledger store, whose row mapping reads entries
   */
  public JdbcPayoutStore(Sql sql, JdbcLedgerStore ledger) {
    this.sql = sql;
    this.ledger = ledger;
    this.closes = new JdbcPeriodCloses(sql, ledger);
    this.assignment = new JdbcPayoutAssignment(sql);
  }

  /**
   * The columns of {@code pp_payout} in the order its inserts bind them.
   *
   * @return the column list
   */
  static String payoutColumns() {
    return PAYOUT_COLUMNS;
  }

  @Override
  public boolean claimPeriod(PeriodClose close) {
    return closes.claimPeriod(close);
  }

  @Override
  public Optional<PeriodClose> findClose(YearMonth period) {
    return closes.findClose(period);
  }

  @Override
  public Optional<PeriodClose> latestClose() {
    return closes.latestClose();
  }

  @Override
  public List<PartnerAmount> unassignedPayable(
      Instant before, Currency currency, Optional<PartnerId> after, int limit) {
    return assignment.unassignedPayable(before, currency, after, limit);
  }

  @Override
  public OptionalLong countUnassignedPayable(Instant before, Currency currency) {
    return OptionalLong.of(assignment.countUnassignedPayable(before, currency));
  }

  @Override
  public Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
    return assignment.assign(payoutId, partnerId, before, currency);
  }

  @Override
  public Map<PayoutId, Money> insertAndAssign(
      List<Payout> payouts, Instant before, Currency currency) {
    return assignment.insertAndAssign(payouts, before, currency, this::bindPayout);
  }

  @Override
  public Map<PartnerId, Money> recordCarriedOver(
      YearMonth period, List<PartnerId> partners, Instant before, Currency currency) {
    return closes.recordCarriedOver(period, partners, before, currency);
  }

  @Override
  public List<LedgerEntry> carriedOverEntries(YearMonth period, PartnerId partnerId) {
    return closes.carriedOverEntries(period, partnerId);
  }

  @Override
  public void insertCloseLine(PeriodCloseLine line) {
    closes.insertCloseLine(line);
  }

  @Override
  public void insertCloseLines(List<PeriodCloseLine> lines) {
    closes.insertCloseLines(lines);
  }

  @Override
  public Optional<PeriodCloseLine> closeLine(YearMonth period, PartnerId partnerId) {
    return closes.closeLine(period, partnerId);
  }

  @Override
  public List<PeriodCloseLine> closeLines(YearMonth period) {
    return closes.closeLines(period);
  }

  @Override
  public void forEachCloseLine(YearMonth period, Consumer<PeriodCloseLine> action) {
    closes.forEachCloseLine(period, action);
  }

  @Override
  public void insertPayout(Payout payout) {
    sql.run(
        "storing payout " + payout.payoutId(),
        c -> Jdbc.update(c, sql.statements().insertPayout(), ps -> bindPayout(ps, payout)));
  }

  private void bindPayout(PreparedStatement ps, Payout payout) throws SQLException {
    ps.setString(1, payout.payoutId().value());
    ps.setString(2, payout.partnerId().value());
    ps.setString(3, payout.period().toString());
    Sql.setMoney(ps, 4, 5, payout.amount());
    ps.setString(6, payout.account().map(a -> a.iban().value()).orElse(null));
    ps.setString(7, payout.account().map(PayoutAccount::holderName).orElse(null));
    ps.setString(8, payout.status().name());
    sql.setInstant(ps, 9, "createdAt", payout.createdAt());
    sql.setInstant(ps, 10, "statusChangedAt", payout.statusChangedAt());
    ps.setString(11, payout.failureReason().orElse(null));
  }

  @Override
  public void release(PayoutId payoutId) {
    sql.run(
        "releasing the entries of payout " + payoutId,
        c -> {
          // The payout keeps the record of what it was made with (its statement lists it for good).
          Jdbc.update(
              c,
              "INSERT INTO pp_released_item (payout_id, entry_id, partner_id, signed_amount)"
                  + " SELECT payout_id, entry_id, partner_id, signed_amount"
                  + " FROM pp_payout_item WHERE payout_id = ?",
              ps -> ps.setString(1, payoutId.value()));
          sql.statements().reopen(c, payoutId.value());
          return deleteItems(c, payoutId);
        });
  }

  private static int deleteItems(Connection c, PayoutId payoutId) throws SQLException {
    return Jdbc.update(
        c,
        "DELETE FROM pp_payout_item WHERE payout_id = ?",
        ps -> ps.setString(1, payoutId.value()));
  }

  @Override
  public int eraseAccounts(PartnerId partnerId) {
    return sql.run(
        "erasing the accounts of partner " + partnerId + "'s payouts",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_payout SET iban = NULL, holder_name = NULL"
                    + " WHERE partner_id = ? AND iban IS NOT NULL",
                ps -> ps.setString(1, partnerId.value())));
  }

  @Override
  public void deletePayout(PayoutId payoutId) {
    sql.run(
        "deleting payout " + payoutId,
        c -> {
          sql.statements().reopen(c, payoutId.value());
          deleteItems(c, payoutId);
          Jdbc.update(
              c,
              "DELETE FROM pp_released_item WHERE payout_id = ?",
              ps -> ps.setString(1, payoutId.value()));
          return Jdbc.update(
              c,
              "DELETE FROM pp_payout WHERE payout_id = ?",
              ps -> ps.setString(1, payoutId.value()));
        });
  }

  @Override
  public boolean update(Payout payout, PayoutStatus expected) {
    // Conditional on the stored status: a concurrent change that won leaves 0 rows here.
    return sql.run(
        "updating payout " + payout.payoutId(),
        c ->
            Jdbc.update(
                    c,
                    "UPDATE pp_payout SET amount = ?, currency_code = ?, status = ?,"
                        + " status_changed_at = ?, failure_reason = ?"
                        + " WHERE payout_id = ? AND status = ?",
                    ps -> {
                      Sql.setMoney(ps, 1, 2, payout.amount());
                      ps.setString(3, payout.status().name());
                      sql.setInstant(ps, 4, "statusChangedAt", payout.statusChangedAt());
                      ps.setString(5, payout.failureReason().orElse(null));
                      ps.setString(6, payout.payoutId().value());
                      ps.setString(7, expected.name());
                    })
                == 1);
  }

  @Override
  public int markExported(YearMonth period, Instant at) {
    return sql.run(
        "marking the payouts of month " + period + " exported",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_payout SET status = 'EXPORTED', status_changed_at = ?"
                    + " WHERE period = ? AND status = 'CREATED'",
                ps -> {
                  sql.setInstant(ps, 1, "at", at);
                  ps.setString(2, period.toString());
                }));
  }

  @Override
  public Optional<Payout> find(PayoutId payoutId) {
    return sql.run(
        "reading payout " + payoutId,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT " + PAYOUT_COLUMNS + " FROM pp_payout WHERE payout_id = ?",
                ps -> ps.setString(1, payoutId.value()),
                this::payout));
  }

  @Override
  public List<Payout> payoutsOfPeriod(YearMonth period) {
    return sql.run(
        "reading the payouts of month " + period,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + PAYOUT_COLUMNS
                    + " FROM pp_payout WHERE period = ? ORDER BY payout_id"
                    + sql.statements().byteOrder(),
                ps -> ps.setString(1, period.toString()),
                this::payout));
  }

  @Override
  public void forEachPayoutOfPeriod(YearMonth period, Consumer<Payout> action) {
    // A cursor (PostgreSQL: autocommit is off inside the unit of work) or a streaming result
    // (MariaDB) keeps a few hundred payouts in memory, not the month's.
    sql.run(
        "streaming the payouts of month " + period,
        c -> {
          Jdbc.forEach(
              c,
              "SELECT "
                  + PAYOUT_COLUMNS
                  + " FROM pp_payout WHERE period = ? ORDER BY payout_id"
                  + sql.statements().byteOrder(),
              ps -> ps.setString(1, period.toString()),
              Statements.FETCH_SIZE,
              this::payout,
              action);
          return null;
        });
  }

  @Override
  public List<Payout> recentPayouts(PartnerId partnerId, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading the recent payouts of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + PAYOUT_COLUMNS
                    + " FROM pp_payout WHERE partner_id = ? ORDER BY period DESC, payout_id"
                    + sql.statements().byteOrder()
                    + " LIMIT ?",
                ps -> {
                  ps.setString(1, partnerId.value());
                  ps.setInt(2, limit);
                },
                this::payout));
  }

  /** Maps the current row, read by the labels of {@code PAYOUT_COLUMNS}. */
  Payout payout(ResultSet rs) throws SQLException {
    return new Payout(
        PayoutId.of(rs.getString("payout_id")),
        PartnerId.of(rs.getString("partner_id")),
        YearMonth.parse(rs.getString("period").trim()),
        Sql.getMoney(rs, "amount", "currency_code"),
        rs.getString("iban") == null
            ? Optional.empty()
            : Optional.of(PayoutAccount.of(rs.getString("iban"), rs.getString("holder_name"))),
        PayoutStatus.valueOf(rs.getString("status")),
        sql.getRequiredInstant(rs, "created_at"),
        sql.getRequiredInstant(rs, "status_changed_at"),
        Optional.ofNullable(rs.getString("failure_reason")));
  }

  @Override
  public PayoutTotals payoutTotals(PartnerId partnerId, Currency currency) {
    // The ledger store owns the statement, which the overview's balance statement shares.
    return ledger.payoutTotals(partnerId, currency);
  }

  @Override
  public List<LedgerEntry> entriesOfPayout(PayoutId payoutId) {
    // What it pays, or after a failure, what it paid (a payout is never in both tables).
    return sql.run(
        "reading the entries of payout " + payoutId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + JdbcLedgerStore.entryColumns()
                    + " FROM pp_ledger_entry e WHERE e.entry_id IN"
                    + " (SELECT i.entry_id FROM pp_payout_item i WHERE i.payout_id = ?"
                    + " UNION ALL SELECT r.entry_id FROM pp_released_item r"
                    + " WHERE r.payout_id = ?)"
                    + " ORDER BY CASE WHEN e.order_id IS NULL THEN 1 ELSE 0 END, e.order_id"
                    + sql.statements().byteOrder()
                    + ", e.line_number, e.recorded_at, e.entry_order",
                ps -> {
                  ps.setString(1, payoutId.value());
                  ps.setString(2, payoutId.value());
                },
                ledger::readEntry));
  }

  @Override
  public List<Payout> payoutsOfPartner(PartnerId partnerId, Optional<PayoutKey> after, int limit) {
    return new JdbcPayoutQueries(sql, this::payout).payoutsOfPartner(partnerId, after, limit);
  }
}
