package org.partnerprogram.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Rate;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.domain.RateVersion;
import org.partnerprogram.core.port.out.RateStore;

/**
 * {@link RateStore} over {@code pp_rate_version} (one row per version, unique per (scope, number)
 * and (scope, effective_from)) and {@code pp_rate} (one row per product or group of a version). The
 * scope column {@code partner_id} is never NULL: the programme-wide card is the empty string, so
 * that the unique keys hold on every database.
 */
final class JdbcRateStore implements RateStore {
  /** The {@code partner_id} of the programme-wide rate card. */
  public static final String PROGRAMME_SCOPE = "";

  private static final String HEADER =
      "SELECT version_number, effective_from, created_at FROM pp_rate_version WHERE partner_id = ?";

  /** The header query of the version of a scope in force at an instant (parameters: scope, at). */
  private static final String IN_FORCE =
      HEADER + " AND effective_from <= ? ORDER BY effective_from DESC LIMIT 1";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcRateStore(Sql sql) {
    this.sql = sql;
  }

  private static String scopeOf(Optional<PartnerId> scope) {
    return scope.map(PartnerId::value).orElse(PROGRAMME_SCOPE);
  }

  @Override
  public boolean insert(RateVersion version) {
    String scope = scopeOf(version.partnerId());
    return sql.run(
        "inserting rate version " + version.number() + " of scope '" + scope + "'",
        c -> {
          boolean inserted =
              Jdbc.insertUnlessDuplicate(
                  c,
                  "INSERT INTO pp_rate_version"
                      + " (partner_id, version_number, effective_from, created_at)"
                      + " VALUES (?, ?, ?, ?)"
                      + sql.onConflictDoNothing(),
                  ps -> {
                    ps.setString(1, scope);
                    ps.setInt(2, version.number());
                    sql.setInstant(ps, 3, "effectiveFrom", version.effectiveFrom());
                    sql.setInstant(ps, 4, "createdAt", version.createdAt());
                  });
          if (!inserted) {
            return false;
          }
          if (version.rates().isEmpty()) {
            return true;
          }
          Jdbc.<Map.Entry<RateTarget, Rate>>batch(
              c,
              "INSERT INTO pp_rate (partner_id, version_number, target_kind, target_id,"
                  + " rate_kind, percentage, amount, currency_code)"
                  + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
              version.rates().entrySet(),
              (ps, e) -> {
                ps.setString(1, scope);
                ps.setInt(2, version.number());
                ps.setString(3, e.getKey().kind().name());
                ps.setString(4, e.getKey().id());
                Rate rate = e.getValue();
                if (rate instanceof Rate.Percentage p) {
                  ps.setString(5, "PERCENTAGE");
                  ps.setBigDecimal(6, p.percent());
                  ps.setNull(7, Types.DECIMAL);
                  ps.setNull(8, Types.CHAR);
                } else if (rate instanceof Rate.FixedAmount f) {
                  ps.setString(5, "FIXED");
                  ps.setNull(6, Types.DECIMAL);
                  ps.setBigDecimal(7, f.amount().amount());
                  ps.setString(8, f.amount().currency().getCurrencyCode());
                }
              });
          return true;
        });
  }

  @Override
  public Optional<RateVersion> latest(Optional<PartnerId> scope) {
    return first(scope, HEADER + " ORDER BY version_number DESC LIMIT 1", null);
  }

  @Override
  public Optional<RateVersion> inForceAt(Optional<PartnerId> scope, Instant at) {
    return first(scope, IN_FORCE, at);
  }

  /**
   * Both versions in one statement: {@link #inForceAt}'s query for the programme-wide card and for
   * the partner, joined by {@code UNION ALL}, each row marked with its scope; or, where the
   * database's {@link Statements#readsRateCardsInOneStatement()} says otherwise, the two statements
   * of the default.
   */
  @Override
  public InForce inForceFor(PartnerId partnerId, Instant at) {
    if (!sql.statements().readsRateCardsInOneStatement()) {
      return RateStore.super.inForceFor(partnerId, at);
    }
    Optional<PartnerId> partner = Optional.of(partnerId);
    return sql.run(
        "reading the rate versions in force for partner " + partnerId,
        c -> {
          VersionRows programme = new VersionRows();
          VersionRows own = new VersionRows();
          Jdbc.forEachRow(
              c,
              withRates(IN_FORCE, "0 AS scope_index, ")
                  + " UNION ALL "
                  + withRates(IN_FORCE, "1, "),
              ps -> {
                int index = 1;
                for (String key : List.of(PROGRAMME_SCOPE, partnerId.value())) {
                  ps.setString(index++, key);
                  sql.setInstant(ps, index++, "at", at);
                  ps.setString(index++, key);
                }
              },
              rs -> (rs.getInt("scope_index") == 0 ? programme : own).add(rs));
          return new InForce(programme.version(Optional.empty()), own.version(partner));
        });
  }

  /**
   * A header query as a derived table joined to its versions' rates: one row per rate, or one row
   * with NULL rate columns for a version without rates (parameters: the header query's, then the
   * scope again).
   *
   * @param lead columns to put first, each followed by {@code ", "}, or empty
   */
  private static String withRates(String headerQuery, String lead) {
    return "SELECT "
        + lead
        + "v.version_number, v.effective_from, v.created_at, r.target_kind,"
        + " r.target_id, r.rate_kind, r.percentage, r.amount, r.currency_code"
        + " FROM ("
        + headerQuery
        + ") v LEFT JOIN pp_rate r"
        + " ON r.partner_id = ? AND r.version_number = v.version_number";
  }

  /** The rows of one version read by {@link #withRates}, collected into the version. */
  private final class VersionRows {
    private Header header;
    private final Map<RateTarget, Rate> rates = new LinkedHashMap<>();

    void add(ResultSet rs) throws SQLException {
      if (header == null) {
        header =
            new Header(
                rs.getInt("version_number"),
                sql.getRequiredInstant(rs, "effective_from"),
                sql.getRequiredInstant(rs, "created_at"));
      }
      if (rs.getString("target_kind") != null) {
        rates.put(target(rs), rate(rs));
      }
    }

    Optional<RateVersion> version(Optional<PartnerId> scope) {
      return header == null
          ? Optional.empty()
          : Optional.of(JdbcRateStore.version(scope, header, rates));
    }
  }

  /** The one version a header query picks, read with its rates in one statement. */
  private Optional<RateVersion> first(Optional<PartnerId> scope, String headerQuery, Instant at) {
    String key = scopeOf(scope);
    return sql.run(
        "reading rate versions of scope '" + key + "'",
        c -> {
          VersionRows rows = new VersionRows();
          Jdbc.forEachRow(
              c,
              withRates(headerQuery, ""),
              ps -> {
                int index = 1;
                ps.setString(index++, key);
                if (at != null) {
                  sql.setInstant(ps, index++, "at", at);
                }
                ps.setString(index, key);
              },
              rows::add);
          return rows.version(scope);
        });
  }

  @Override
  public List<RateVersion> versions(Optional<PartnerId> scope) {
    return sql.run(
        "reading rate versions of scope '" + scopeOf(scope) + "'",
        c -> load(c, scope, HEADER + " ORDER BY version_number"));
  }

  private record Header(int number, Instant effectiveFrom, Instant createdAt) {}

  private List<RateVersion> load(Connection c, Optional<PartnerId> scope, String query)
      throws SQLException {
    String key = scopeOf(scope);
    List<Header> headers =
        Jdbc.query(
            c,
            query,
            ps -> ps.setString(1, key),
            rs ->
                new Header(
                    rs.getInt("version_number"),
                    sql.getRequiredInstant(rs, "effective_from"),
                    sql.getRequiredInstant(rs, "created_at")));
    if (headers.isEmpty()) {
      return List.of();
    }
    Map<Integer, Map<RateTarget, Rate>> rates = new HashMap<>();
    String rateQuery =
        "SELECT version_number, target_kind, target_id, rate_kind, percentage, amount,"
            + " currency_code FROM pp_rate WHERE partner_id = ?"
            + (headers.size() == 1 ? " AND version_number = ?" : "");
    Jdbc.forEachRow(
        c,
        rateQuery,
        ps -> {
          ps.setString(1, key);
          if (headers.size() == 1) {
            ps.setInt(2, headers.get(0).number());
          }
        },
        rs ->
            rates
                .computeIfAbsent(rs.getInt("version_number"), n -> new LinkedHashMap<>())
                .put(target(rs), rate(rs)));
    List<RateVersion> versions = new ArrayList<>();
    for (Header h : headers) {
      versions.add(version(scope, h, rates.getOrDefault(h.number(), Map.of())));
    }
    return List.copyOf(versions);
  }

  private static RateTarget target(ResultSet rs) throws SQLException {
    return new RateTarget(
        RateTarget.Kind.valueOf(rs.getString("target_kind")), rs.getString("target_id"));
  }

  private static Rate rate(ResultSet rs) throws SQLException {
    return "PERCENTAGE".equals(rs.getString("rate_kind"))
        ? new Rate.Percentage(rs.getBigDecimal("percentage"))
        : Rate.fixed(
            Money.of(
                rs.getBigDecimal("amount"),
                Currency.getInstance(rs.getString("currency_code").trim())));
  }

  private static RateVersion version(
      Optional<PartnerId> scope, Header h, Map<RateTarget, Rate> rates) {
    return RateVersion.builder()
        .partnerId(scope)
        .number(h.number())
        .effectiveFrom(h.effectiveFrom())
        .putAllRates(rates)
        .createdAt(h.createdAt())
        .build();
  }

  @Override
  public void insertLabels(
      Optional<PartnerId> scope, int versionNumber, Map<RateTarget, String> labels) {
    new JdbcRateLabels(sql).insertLabels(scope, versionNumber, labels);
  }

  @Override
  public Map<RateTarget, String> labels(Optional<PartnerId> scope, int versionNumber) {
    return new JdbcRateLabels(sql).labels(scope, versionNumber);
  }
}
