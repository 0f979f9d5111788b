package org.partnerprogram.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.ConflictException;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.port.out.ReferralCodeStore;

/**
 * {@link ReferralCodeStore} over {@code pp_referral_code}. Codes are stored in their canonical
 * upper case with a unique key (and a CHECK that they are upper case), so lookups compare exactly.
 */
final class JdbcReferralCodeStore implements ReferralCodeStore {
  private static final String COLUMNS = "code, partner_id, vanity, issued_at, revoked_at";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcReferralCodeStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean insert(IssuedCode code) {
    return sql.run(
        "inserting referral code " + code.code(),
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_referral_code ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> {
                  ps.setString(1, code.code().value());
                  ps.setString(2, code.partnerId().value());
                  ps.setBoolean(3, code.vanity());
                  sql.setInstant(ps, 4, "issuedAt", code.issuedAt());
                  sql.setInstant(ps, 5, "revokedAt", code.revokedAt());
                }));
  }

  @Override
  public Optional<IssuedCode> find(ReferralCode code) {
    return sql.run(
        "reading referral code " + code,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT " + COLUMNS + " FROM pp_referral_code WHERE code = ?",
                ps -> ps.setString(1, code.value()),
                this::read));
  }

  @Override
  public List<IssuedCode> findByPartner(PartnerId partnerId) {
    return sql.run(
        "reading the referral codes of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + COLUMNS
                    + " FROM pp_referral_code WHERE partner_id = ? ORDER BY issued_at, code",
                ps -> ps.setString(1, partnerId.value()),
                this::read));
  }

  @Override
  public boolean revoke(ReferralCode code, Instant at) {
    return sql.run(
        "revoking referral code " + code,
        c ->
            Jdbc.update(
                    c,
                    "UPDATE pp_referral_code SET revoked_at = ?"
                        + " WHERE code = ? AND revoked_at IS NULL",
                    ps -> {
                      sql.setInstant(ps, 1, "revokedAt", at);
                      ps.setString(2, code.value());
                    })
                == 1);
  }

  @Override
  public boolean replaceCode(ReferralCode code, ReferralCode replacement) {
    return sql.run(
        "replacing referral code " + code,
        c -> {
          boolean revoked =
              Jdbc.queryFirst(
                      c,
                      "SELECT revoked_at FROM pp_referral_code WHERE code = ?",
                      ps -> ps.setString(1, code.value()),
                      rs -> rs.getObject(1) != null)
                  .orElse(false);
          if (!revoked) {
            return false;
          }
          if (Jdbc.queryFirst(
                  c,
                  "SELECT code FROM pp_referral_code WHERE code = ?",
                  ps -> ps.setString(1, replacement.value()),
                  rs -> rs.getString(1))
              .isPresent()) {
            throw new ConflictException("referral code " + replacement + " exists already");
          }
          return Jdbc.update(
                  c,
                  "UPDATE pp_referral_code SET code = ? WHERE code = ? AND revoked_at IS NOT NULL",
                  ps -> {
                    ps.setString(1, replacement.value());
                    ps.setString(2, code.value());
                  })
              == 1;
        });
  }

  private IssuedCode read(ResultSet rs) throws SQLException {
    return read(sql, rs);
  }

  /**
   * Maps the current row, read by the labels of {@code COLUMNS} (also from a join that selects them
   * under those labels).
   */
  static IssuedCode read(Sql sql, ResultSet rs) throws SQLException {
    return new IssuedCode(
        new ReferralCode(rs.getString("code")),
        PartnerId.of(rs.getString("partner_id")),
        rs.getBoolean("vanity"),
        sql.getRequiredInstant(rs, "issued_at"),
        sql.getInstant(rs, "revoked_at"));
  }
}
