package org.partnerprogram.jdbc;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerAmount;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutId;

/**
 * The close's aggregate and its assignment of ledger entries to payouts, for {@link
 * JdbcPayoutStore}: both run in storage ({@code INSERT … SELECT} into {@code pp_payout_item}, whose
 * primary key entry_id pays an entry in at most one payout), so entries are never loaded to pay
 * them.
 */
final class JdbcPayoutAssignment {
  private final Sql sql;

  JdbcPayoutAssignment(Sql sql) {
    this.sql = sql;
  }

  /**
   * The exclusive bound as storage compares it: entries keep whole microseconds, so {@code
   * payableAt < before} is {@code payableAt <} before rounded up to a microsecond.
   */
  static Instant bound(Instant before) {
    Instant cut = before.truncatedTo(ChronoUnit.MICROS);
    return cut.equals(before) ? cut : cut.plus(1, ChronoUnit.MICROS);
  }

  List<PartnerAmount> unassignedPayable(
      Instant before, Currency currency, Optional<PartnerId> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "aggregating unassigned payable entries",
        c -> {
          // Bounded per page: take the next partners with open payable entries in id order (a
          // range of pp_open_entry's key), then sum those partners' open entries; repeat while
          // fewer than `limit` of them had any in the currency, so a close costs open entries,
          // not the ledger's history, nor entries x pages.
          List<PartnerAmount> page = new ArrayList<>();
          Optional<String> cursor = after.map(PartnerId::value);
          Instant bound = Sql.storable("before", bound(before));
          while (page.size() < limit) {
            List<String> candidates = partnersAfter(c, cursor, bound, Sql.IN_LIST);
            if (candidates.isEmpty()) {
              break;
            }
            Map<String, BigDecimal> sums =
                sql.statements().unassignedSums(c, candidates, bound, currency);
            for (String id : candidates) {
              BigDecimal sum = sums.get(id);
              if (sum != null) {
                page.add(new PartnerAmount(PartnerId.of(id), Statements.total(sum, currency)));
                if (page.size() == limit) {
                  break;
                }
              }
            }
            if (candidates.size() < Sql.IN_LIST) {
              break;
            }
            cursor = Optional.of(candidates.get(candidates.size() - 1));
          }
          return List.copyOf(page);
        });
  }

  /**
   * How many partners have open entries in the currency payable before the bound: one count over
   * {@code pp_open_entry}, for a close's progress.
   */
  long countUnassignedPayable(Instant before, Currency currency) {
    Instant bound = Sql.storable("before", bound(before));
    Long count =
        sql.run(
            "counting partners with unassigned payable entries",
            c -> {
              Statements statements = sql.statements();
              return Jdbc.queryOne(
                  c,
                  "SELECT COUNT(DISTINCT o.partner_id) AS partners FROM pp_open_entry o"
                      + " WHERE o.payable_at < ? AND o.currency_code = ?",
                  ps -> {
                    statements.setInstant(ps, 1, bound);
                    ps.setString(2, currency.getCurrencyCode());
                  },
                  rs -> rs.getLong("partners"));
            });
    return count == null ? 0 : count;
  }

  /**
   * The ids of up to {@code limit} partners with open entries payable before the bound, after the
   * cursor, in {@link String#compareTo} order: a range of {@code pp_open_entry}'s primary key
   * (partner_id first; byte order on PostgreSQL, whose column is collated "C").
   */
  private List<String> partnersAfter(
      Connection c, Optional<String> cursor, Instant bound, int limit) throws SQLException {
    Statements statements = sql.statements();
    return Jdbc.query(
        c,
        "SELECT DISTINCT o.partner_id FROM pp_open_entry o WHERE o.partner_id > ?"
            + " AND o.payable_at < ? ORDER BY o.partner_id LIMIT ?",
        ps -> {
          ps.setString(1, cursor.orElse(""));
          statements.setInstant(ps, 2, bound);
          ps.setInt(3, limit);
        },
        rs -> rs.getString(1));
  }

  Money assign(PayoutId payoutId, PartnerId partnerId, Instant before, Currency currency) {
    return sql.run(
        "assigning the payable entries of partner " + partnerId + " to payout " + payoutId,
        c -> {
          BigDecimal already = sumOf(c, payoutId);
          // One INSERT ... SELECT: the entries never leave the database.
          int assigned =
              sql.statements()
                  .assignEntriesOfPartner(
                      c,
                      payoutId.value(),
                      partnerId.value(),
                      Sql.storable("before", bound(before)),
                      currency);
          if (assigned == 0) {
            return Money.zero(currency);
          }
          // What this call assigned: the payout's sum now minus before.
          return Statements.total(sumOf(c, payoutId).subtract(already), currency);
        });
  }

  private static BigDecimal sumOf(Connection c, PayoutId payoutId) throws SQLException {
    BigDecimal sum =
        Jdbc.queryOne(
            c,
            "SELECT COALESCE(SUM(signed_amount), 0) AS assigned FROM pp_payout_item"
                + " WHERE payout_id = ?",
            ps -> ps.setString(1, payoutId.value()),
            rs -> rs.getBigDecimal("assigned"));
    return sum == null ? BigDecimal.ZERO : sum;
  }

  Map<PayoutId, Money> insertAndAssign(
      List<Payout> payouts, Instant before, Currency currency, Jdbc.RowBinder<Payout> bindPayout) {
    Map<PayoutId, Money> assigned = new LinkedHashMap<>();
    if (payouts.isEmpty()) {
      return assigned;
    }
    Set<PartnerId> partners = new HashSet<>();
    for (Payout payout : payouts) {
      if (!partners.add(payout.partnerId())) {
        throw new IllegalArgumentException(
            "at most one new payout per partner, but " + payout.partnerId() + " has several");
      }
      assigned.put(payout.payoutId(), Money.zero(currency));
    }
    Statements statements = sql.statements();
    return sql.run(
        "storing and assigning " + payouts.size() + " payouts",
        c ->
            statements.foreignKeysCheckedByIndex(
                c,
                cc -> {
                  statements.insertPayouts(cc, payouts, bindPayout);
                  Instant bound = Sql.storable("before", bound(before));
                  for (int from = 0; from < payouts.size(); from += Sql.IN_LIST) {
                    List<Payout> chunk =
                        payouts.subList(from, Math.min(payouts.size(), from + Sql.IN_LIST));
                    assigned.putAll(statements.assignNewPayouts(cc, chunk, bound, currency));
                  }
                  return assigned;
                }));
  }
}
