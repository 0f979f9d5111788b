package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.LandingPath;
import org.partnerprogram.core.domain.NotFoundException;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.Touch;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.PurgedTouches;
import org.partnerprogram.core.port.out.ResolvedTouch;
import org.partnerprogram.core.port.out.TouchStore;

/**
 * {@link TouchStore} over {@code pp_touch}: rows with a generated key, read through the index on
 * (visitor_id, touched_at), counted through the index on partner_id and purged in batches through
 * the index on touched_at, each batch from where the previous one ended.
 */
final class JdbcTouchStore implements TouchStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcTouchStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public void insert(Touch touch) {
    sql.run(
        "inserting a touch of code " + touch.code(),
        c ->
            Jdbc.update(
                c,
                "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at, landing_path)"
                    + " VALUES (?, ?, ?, ?, ?)",
                ps -> {
                  ps.setString(1, touch.visitorId().value());
                  ps.setString(2, touch.code().value());
                  ps.setString(3, touch.partnerId().value());
                  sql.setInstant(ps, 4, "at", touch.at());
                  ps.setString(5, touch.landingPath().map(LandingPath::value).orElse(null));
                }));
  }

  @Override
  public List<Touch> findByVisitor(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    return sql.run(
        "reading the touches of visitor " + visitorId,
        c -> {
          Instant from = lower(fromInclusive);
          Instant to = upper(toInclusive);
          if (from.isAfter(LATEST_STORABLE) || to.isBefore(Instant.EPOCH) || from.isAfter(to)) {
            return List.<Touch>of();
          }
          return Jdbc.query(
              c,
              "SELECT code, partner_id, touched_at, landing_path FROM pp_touch"
                  + " WHERE visitor_id = ? AND touched_at >= ? AND touched_at <= ?"
                  + " ORDER BY touched_at, code, touch_id",
              ps -> bindRange(ps, visitorId, from, to),
              rs -> touch(rs, "partner_id", visitorId));
        });
  }

  /**
   * A visitor's touches in a time range with each one's issued code and that code's partner, in one
   * query: the touches through the index on (visitor_id, touched_at), each code by its primary key,
   * each partner by its primary key. The code and partner columns keep the labels their own stores
   * read, so the stores' mappers read them here too.
   *
   * @param visitorId the visitor; never null
   * @param fromInclusive the earliest instant; never null
   * @param toInclusive the latest instant; never null
   * @return as {@link org.partnerprogram.core.port.out.ProgramStorage#resolvedTouches}
   * @throws NotFoundException if an issued code's partner is not stored
   */
  public List<ResolvedTouch> findResolvedByVisitor(
      VisitorId visitorId, Instant fromInclusive, Instant toInclusive) {
    return sql.run(
        "reading the touches of visitor " + visitorId + " with their codes and partners",
        c -> {
          Instant from = lower(fromInclusive);
          Instant to = upper(toInclusive);
          if (from.isAfter(LATEST_STORABLE) || to.isBefore(Instant.EPOCH) || from.isAfter(to)) {
            return List.<ResolvedTouch>of();
          }
          return Jdbc.query(
              c,
              "SELECT t.code, t.partner_id AS touch_partner_id, t.touched_at, t.landing_path,"
                  + " r.partner_id AS code_partner_id, r.vanity, r.issued_at, r.revoked_at,"
                  + " p.partner_id, p.customer_account_id, p.status, p.enrolled_at,"
                  + " p.status_changed_at, p.payout_iban, p.payout_holder_name, p.left_at,"
                  + " p.rejoined_at, p.version"
                  + " FROM pp_touch t"
                  + " JOIN pp_referral_code r ON r.code = t.code"
                  + " LEFT JOIN pp_partner p ON p.partner_id = r.partner_id"
                  + " WHERE t.visitor_id = ? AND t.touched_at >= ? AND t.touched_at <= ?"
                  + " ORDER BY t.touched_at, t.code, t.touch_id",
              ps -> bindRange(ps, visitorId, from, to),
              rs -> {
                if (rs.getString("partner_id") == null) {
                  throw new NotFoundException(
                      "no partner with id " + rs.getString("code_partner_id"));
                }
                return new ResolvedTouch(
                    touch(rs, "touch_partner_id", visitorId),
                    JdbcReferralCodeStore.read(sql, rs),
                    JdbcPartnerStore.read(sql, rs));
              });
        });
  }

  private void bindRange(PreparedStatement ps, VisitorId visitorId, Instant from, Instant to)
      throws SQLException {
    ps.setString(1, visitorId.value());
    sql.setInstant(ps, 2, "fromInclusive", from);
    sql.setInstant(ps, 3, "toInclusive", to);
  }

  /** The touch of the current row, its partner in the column {@code partnerColumn}. */
  private Touch touch(ResultSet rs, String partnerColumn, VisitorId visitorId) throws SQLException {
    return new Touch(
        new ReferralCode(rs.getString("code")),
        PartnerId.of(rs.getString(partnerColumn)),
        visitorId,
        sql.getRequiredInstant(rs, "touched_at"),
        Optional.ofNullable(rs.getString("landing_path")).map(LandingPath::of));
  }

  private static final Instant LATEST_STORABLE = Instant.parse("2999-12-31T23:59:59.999999Z");

  /** The lower bound as a storable instant selecting the same rows (rounded up, clamped). */
  private static Instant lower(Instant bound) {
    if (bound.isBefore(Instant.EPOCH)) {
      return Instant.EPOCH;
    }
    Instant micros = bound.truncatedTo(ChronoUnit.MICROS);
    return micros.isBefore(bound) ? micros.plus(1, ChronoUnit.MICROS) : micros;
  }

  /** The upper bound as a storable instant selecting the same rows (rounded down, clamped). */
  private static Instant upper(Instant bound) {
    return bound.isAfter(LATEST_STORABLE) ? LATEST_STORABLE : bound.truncatedTo(ChronoUnit.MICROS);
  }

  @Override
  public long countByPartner(PartnerId partnerId) {
    return sql.run(
        "counting the touches of partner " + partnerId,
        c ->
            Jdbc.queryOne(
                c,
                "SELECT COUNT(*) FROM pp_touch WHERE partner_id = ?",
                ps -> ps.setString(1, partnerId.value()),
                rs -> rs.getLong(1)));
  }

  @Override
  public PurgedTouches deleteTouchedBetween(Instant fromInclusive, Instant cutoff, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    // Stored (microsecond) instants at or after the start rounded up, strictly before the cutoff
    // rounded up: the same touches as the exact bounds select.
    Optional<Instant> before = Sql.before(cutoff);
    Instant from = lower(fromInclusive);
    if (before.isEmpty() || !from.isBefore(before.get())) {
      return PurgedTouches.NONE;
    }
    Instant to = before.get();
    return sql.run(
        "deleting up to " + limit + " touches from " + fromInclusive + " before " + cutoff,
        c ->
            sql.statements()
                .deleteTouchesBetween(
                    c,
                    ps -> {
                      sql.setInstant(ps, 1, "fromInclusive", from);
                      sql.setInstant(ps, 2, "cutoff", to);
                      ps.setInt(3, limit);
                    }));
  }

  @Override
  public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
    return sql.run(
        "replacing a visitor id in touches",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_touch SET visitor_id = ? WHERE visitor_id = ?",
                ps -> {
                  ps.setString(1, replacement.value());
                  ps.setString(2, visitor.value());
                }));
  }

  @Override
  public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
    return sql.run(
        "replacing a referral code in touches",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_touch SET code = ? WHERE partner_id = ? AND code = ?",
                ps -> {
                  ps.setString(1, replacement.value());
                  ps.setString(2, partnerId.value());
                  ps.setString(3, code.value());
                }));
  }
}
