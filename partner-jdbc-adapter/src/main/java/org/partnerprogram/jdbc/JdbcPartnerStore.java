package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.Iban;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutAccountChange;
import org.partnerprogram.core.domain.RetryableException;
import org.partnerprogram.core.port.out.PartnerStore;

/**
 * {@link PartnerStore} over the tables {@code pp_partner} (with the latest absence of a partner who
 * rejoined in {@code left_at} and {@code rejoined_at}) and {@code pp_payout_account_change}.
 */
final class JdbcPartnerStore implements PartnerStore {
  private static final String COLUMNS =
      "partner_id, customer_account_id, status, enrolled_at, status_changed_at, payout_iban,"
          + " payout_holder_name, left_at, rejoined_at, version";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcPartnerStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean insert(Partner partner) {
    return sql.run(
        "inserting partner " + partner.id(),
        c -> {
          boolean inserted =
              Jdbc.insertUnlessDuplicate(
                  c,
                  "INSERT INTO pp_partner ("
                      + COLUMNS
                      + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                      + sql.onConflictDoNothing(),
                  ps -> {
                    bind(ps, partner);
                    ps.setLong(10, partner.version());
                  });
          if (inserted) {
            return true;
          }
          // Which key refused it? A locking read sees the latest committed row at any isolation.
          if (exists(c, "customer_account_id", partner.customerAccountId().value())) {
            return false;
          }
          if (exists(c, "partner_id", partner.id().value())) {
            throw new ConflictException(
                "a partner with id " + partner.id() + " exists already for another account");
          }
          throw new RetryableException(
              "partner " + partner.id() + " conflicted with a concurrent change; try again", null);
        });
  }

  private static boolean exists(Connection c, String column, String value) throws SQLException {
    return Jdbc.queryFirst(
            c,
            "SELECT partner_id FROM pp_partner WHERE " + column + " = ? FOR UPDATE",
            ps -> ps.setString(1, value),
            rs -> rs.getString(1))
        .isPresent();
  }

  private void bind(PreparedStatement ps, Partner partner) throws SQLException {
    ps.setString(1, partner.id().value());
    ps.setString(2, partner.customerAccountId().value());
    ps.setString(3, partner.status().name());
    sql.setInstant(ps, 4, "enrolledAt", partner.enrolledAt());
    sql.setInstant(ps, 5, "statusChangedAt", partner.statusChangedAt());
    ps.setString(6, partner.payoutAccount().map(a -> a.iban().value()).orElse(null));
    ps.setString(7, partner.payoutAccount().map(PayoutAccount::holderName).orElse(null));
    bindAbsence(ps, 8, partner);
  }

  /** The latest absence's two instants at {@code index} and the next one (both NULL if none). */
  private void bindAbsence(PreparedStatement ps, int index, Partner partner) throws SQLException {
    sql.setInstant(ps, index, "leftAt", partner.lastAbsence().map(Partner.Absence::leftAt));
    sql.setInstant(
        ps, index + 1, "rejoinedAt", partner.lastAbsence().map(Partner.Absence::rejoinedAt));
  }

  @Override
  public Optional<Partner> findById(PartnerId id) {
    return find("partner_id", id.value());
  }

  @Override
  public Map<PartnerId, Partner> findAllById(Collection<PartnerId> ids) {
    List<String> keys =
        ids.stream().map(id -> Objects.requireNonNull(id, "id").value()).distinct().toList();
    Map<PartnerId, Partner> found = new HashMap<>();
    if (keys.isEmpty()) {
      return found;
    }
    return sql.run(
        "reading " + keys.size() + " partners",
        c -> {
          for (int from = 0; from < keys.size(); from += Sql.IN_LIST) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + Sql.IN_LIST));
            Jdbc.forEach(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM pp_partner WHERE partner_id IN ("
                    + Sql.placeholders(chunk.size())
                    + ")",
                ps -> {
                  for (int i = 0; i < chunk.size(); i++) {
                    ps.setString(i + 1, chunk.get(i));
                  }
                },
                0,
                this::read,
                partner -> found.put(partner.id(), partner));
          }
          return found;
        });
  }

  @Override
  public Optional<Partner> findByCustomerAccount(CustomerAccountId account) {
    return find("customer_account_id", account.value());
  }

  private Optional<Partner> find(String column, String value) {
    return sql.run(
        "reading a partner",
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT " + COLUMNS + " FROM pp_partner WHERE " + column + " = ?",
                ps -> ps.setString(1, value),
                this::read));
  }

  private Partner read(ResultSet rs) throws SQLException {
    return read(sql, rs);
  }

  /**
   * Maps the current row, read by the labels of {@code COLUMNS} (also from a join that selects them
   * under those labels).
   */
  static Partner read(Sql sql, ResultSet rs) throws SQLException {
    String iban = rs.getString("payout_iban");
    String holder = rs.getString("payout_holder_name");
    Optional<PayoutAccount> account =
        iban == null ? Optional.empty() : Optional.of(new PayoutAccount(new Iban(iban), holder));
    Optional<Instant> leftAt = sql.getInstant(rs, "left_at");
    Optional<Instant> rejoinedAt = sql.getInstant(rs, "rejoined_at");
    Optional<Partner.Absence> absence =
        leftAt.isPresent() && rejoinedAt.isPresent()
            ? Optional.of(new Partner.Absence(leftAt.get(), rejoinedAt.get()))
            : Optional.empty();
    return new Partner(
        PartnerId.of(rs.getString("partner_id")),
        CustomerAccountId.of(rs.getString("customer_account_id")),
        PartnerStatus.valueOf(rs.getString("status")),
        sql.getRequiredInstant(rs, "enrolled_at"),
        sql.getRequiredInstant(rs, "status_changed_at"),
        account,
        absence,
        rs.getLong("version"));
  }

  @Override
  public void update(Partner partner) {
    sql.run(
        "updating partner " + partner.id(),
        c -> {
          int updated =
              Jdbc.update(
                  c,
                  "UPDATE pp_partner SET status = ?, enrolled_at = ?, status_changed_at = ?,"
                      + " payout_iban = ?, payout_holder_name = ?, left_at = ?, rejoined_at = ?,"
                      + " version = ?, customer_account_id = ? WHERE partner_id = ? AND version = ?",
                  ps -> {
                    ps.setString(1, partner.status().name());
                    sql.setInstant(ps, 2, "enrolledAt", partner.enrolledAt());
                    sql.setInstant(ps, 3, "statusChangedAt", partner.statusChangedAt());
                    ps.setString(
                        4, partner.payoutAccount().map(a -> a.iban().value()).orElse(null));
                    ps.setString(
                        5, partner.payoutAccount().map(PayoutAccount::holderName).orElse(null));
                    bindAbsence(ps, 6, partner);
                    ps.setLong(8, partner.version());
                    ps.setString(9, partner.customerAccountId().value());
                    ps.setString(10, partner.id().value());
                    ps.setLong(11, partner.version() - 1);
                  });
          if (updated == 1) {
            return null;
          }
          long stored =
              Jdbc.queryFirst(
                      c,
                      "SELECT version FROM pp_partner WHERE partner_id = ?",
                      ps -> ps.setString(1, partner.id().value()),
                      rs -> rs.getLong(1))
                  .orElseThrow(() -> new NotFoundException("no partner with id " + partner.id()));
          throw new RetryableException(
              "partner "
                  + partner.id()
                  + " was changed concurrently (stored version "
                  + stored
                  + ", update based on "
                  + (partner.version() - 1)
                  + ")",
              null);
        });
  }

  /**
   * Inserts the entry with the instant it is superseded (the next higher version's {@code
   * changed_at}, NULL when it is the latest), then marks the entry before it as superseded now: so
   * {@code superseded_at} (V14) holds the "next entry" of the port even when entries come out of
   * order.
   */
  @Override
  public void appendPayoutAccountChange(PayoutAccountChange change) {
    sql.run(
        "appending a payout-account change of partner " + change.partnerId(),
        c -> {
          Optional<Instant> supersededAt =
              Jdbc.queryFirst(
                  c,
                  "SELECT changed_at FROM pp_payout_account_change WHERE partner_id = ?"
                      + " AND partner_version = (SELECT MIN(partner_version)"
                      + " FROM pp_payout_account_change WHERE partner_id = ?"
                      + " AND partner_version > ?)",
                  ps -> {
                    ps.setString(1, change.partnerId().value());
                    ps.setString(2, change.partnerId().value());
                    ps.setLong(3, change.partnerVersion());
                  },
                  rs -> sql.getRequiredInstant(rs, "changed_at"));
          Jdbc.update(
              c,
              "INSERT INTO pp_payout_account_change"
                  + " (partner_id, partner_version, iban, holder_name, changed_at, superseded_at)"
                  + " VALUES (?, ?, ?, ?, ?, ?)",
              ps -> {
                ps.setString(1, change.partnerId().value());
                ps.setLong(2, change.partnerVersion());
                ps.setString(3, change.account().iban().value());
                ps.setString(4, change.account().holderName());
                sql.setInstant(ps, 5, "changedAt", change.changedAt());
                sql.setInstant(ps, 6, "supersededAt", supersededAt);
              });
          return Jdbc.update(
              c,
              "UPDATE pp_payout_account_change SET superseded_at = ? WHERE partner_id = ?"
                  + " AND partner_version = (SELECT MAX(partner_version)"
                  + " FROM pp_payout_account_change WHERE partner_id = ? AND partner_version < ?)",
              ps -> {
                sql.setInstant(ps, 1, "changedAt", change.changedAt());
                ps.setString(2, change.partnerId().value());
                ps.setString(3, change.partnerId().value());
                ps.setLong(4, change.partnerVersion());
              });
        });
  }

  @Override
  public List<PayoutAccountChange> payoutAccountHistory(PartnerId id) {
    return sql.run(
        "reading the payout-account history of partner " + id,
        c ->
            Jdbc.query(
                c,
                "SELECT partner_version, iban, holder_name, changed_at"
                    + " FROM pp_payout_account_change WHERE partner_id = ?"
                    + " ORDER BY partner_version",
                ps -> ps.setString(1, id.value()),
                rs ->
                    new PayoutAccountChange(
                        id,
                        rs.getLong("partner_version"),
                        new PayoutAccount(
                            new Iban(rs.getString("iban")), rs.getString("holder_name")),
                        sql.getRequiredInstant(rs, "changed_at"))));
  }

  @Override
  public int deletePayoutAccountHistory(PartnerId id) {
    return sql.run(
        "deleting the payout-account history of partner " + id,
        c ->
            Jdbc.update(
                c,
                "DELETE FROM pp_payout_account_change WHERE partner_id = ?",
                ps -> ps.setString(1, id.value())));
  }

  @Override
  public int deletePayoutAccountsSupersededBefore(Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Optional<Instant> bound = Sql.before(cutoff);
    if (bound.isEmpty()) {
      return 0;
    }
    return sql.run(
        "deleting up to " + limit + " payout accounts superseded before " + cutoff,
        c ->
            sql.statements()
                .deleteSupersededAccounts(
                    c,
                    ps -> {
                      sql.setInstant(ps, 1, "cutoff", bound.get());
                      ps.setInt(2, limit);
                    }));
  }
}
