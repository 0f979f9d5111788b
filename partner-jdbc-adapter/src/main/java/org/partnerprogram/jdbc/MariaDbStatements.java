package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;

/**
 * MariaDB 10.6 or later: a strict UTC session, instants as {@code DATETIME(6)} in UTC, and for a
 * close {@code INSERT … RETURNING} and a materialised subquery of the entries already paid.
 */
final class MariaDbStatements extends Statements {
  /** Strict SQL mode and UTC: nothing is truncated or coerced. */
  static final String SESSION =
      "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
          + "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION', time_zone = '+00:00'";

  /**
   * The statement that follows materialises its IN subquery; the planner would otherwise run it
   * once per entry on small or freshly emptied tables.
   */
  private static final String MATERIALISED =
      "SET STATEMENT optimizer_switch='in_to_exists=off' FOR ";

  /**
   * {@link #UNASSIGNED} for the entries of a chunk of partners: the statement appends {@code
   * Sql.placeholders(n)} and {@code "))"}, binds the partners after the bound, and starts with
   * {@link #MATERIALISED}.
   *
   * <p>The entries already paid are read once per statement, the chunk's partners' payouts by the
   * payouts' partner index and then their items by the items' payout index, instead of one lookup
   * in the items' primary key per payable entry. {@code STRAIGHT_JOIN} keeps that order on tables
   * analysed empty. It relies on what every close writes: a payout pays entries of its own partner.
   * An item under another partner's payout would not hide its entry; the primary key on {@code
   * entry_id} would then refuse to assign the entry twice, so the close would fail rather than pay
   * it twice.
   */
  private static final String UNASSIGNED_AMONG_PARTNERS =
      PAYABLE
          + " AND e.entry_id NOT IN (SELECT i.entry_id FROM pp_payout q STRAIGHT_JOIN pp_payout_item i"
          + " ON i.payout_id = q.payout_id WHERE q.partner_id IN (";

  @Override
  String sessionSetup() {
    return SESSION;
  }

  @Override
  void setInstant(PreparedStatement ps, int index, Instant value) throws SQLException {
    ps.setObject(index, LocalDateTime.ofInstant(value, ZoneOffset.UTC));
  }

  @Override
  Optional<Instant> getInstant(ResultSet rs, String column) throws SQLException {
    LocalDateTime value = rs.getObject(column, LocalDateTime.class);
    return Optional.ofNullable(value).map(v -> v.toInstant(ZoneOffset.UTC));
  }

  /** MariaDB materialises the union of the two derived tables; two statements cost less. */
  @Override
  boolean readsRateCardsInOneStatement() {
    return false;
  }

  @Override
  Map<String, BigDecimal> unassignedSums(
      Connection c, List<String> partners, Instant bound, Currency currency) throws SQLException {
    return sums(
        c,
        MATERIALISED
            + SUM_PER_PARTNER
            + " IN ("
            + Sql.placeholders(partners.size())
            + ") AND "
            + UNASSIGNED_AMONG_PARTNERS
            + Sql.placeholders(partners.size())
            + ")) AND e.currency_code = ? GROUP BY e.partner_id",
        ps -> {
          int i = bindAll(ps, 1, partners);
          setInstant(ps, i++, bound);
          i = bindAll(ps, i, partners);
          ps.setString(i, currency.getCurrencyCode());
        });
  }

  /**
   * One INSERT … SELECT for the chunk that returns each inserted row's payout and signed amount,
   * summed here (streamed: one partner may have hundreds of thousands of entries in a month).
   */
  @Override
  void assignNewPayouts(
      Connection c,
      List<Payout> chunk,
      Instant bound,
      Currency currency,
      Map<PayoutId, Money> assigned)
      throws SQLException {
    Map<String, BigDecimal> sums = new HashMap<>();
    Jdbc.forEach(
        c,
        MATERIALISED
            + "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
            + " SELECT e.entry_id, p.payout_id, e.partner_id, "
            + SIGNED_AMOUNT
            + " FROM pp_payout p JOIN pp_ledger_entry e ON e.partner_id = p.partner_id"
            + " WHERE p.payout_id IN ("
            + Sql.placeholders(chunk.size())
            + ") AND "
            + UNASSIGNED_AMONG_PARTNERS
            + Sql.placeholders(chunk.size())
            + ")) AND e.currency_code = ? RETURNING payout_id, signed_amount",
        ps -> {
          int i = bindPayoutIds(ps, 1, chunk);
          setInstant(ps, i++, bound);
          i = bindPartnerIds(ps, i, chunk);
          ps.setString(i, currency.getCurrencyCode());
        },
        FETCH_SIZE,
        rs -> Map.entry(rs.getString(1), rs.getBigDecimal(2)),
        e -> sums.merge(e.getKey(), e.getValue(), BigDecimal::add));
    sums.forEach((id, sum) -> assigned.put(PayoutId.of(id), total(sum, currency)));
  }
}
