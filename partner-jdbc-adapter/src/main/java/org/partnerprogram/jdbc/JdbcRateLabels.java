package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.RateTarget;
import org.partnerprogram.core.port.out.RateStore;

/**
 * {@link RateStore#insertLabels} and {@link RateStore#labels} over {@code pp_rate_label} (V10),
 * keyed like {@code pp_rate} and referencing it, so a label always names a rate of its version.
 * Read by its primary key's leading columns (scope, version).
 */
final class JdbcRateLabels {
  private final Sql sql;

  JdbcRateLabels(Sql sql) {
    this.sql = sql;
  }

  private static String scopeOf(Optional<PartnerId> scope) {
    return scope.map(PartnerId::value).orElse(JdbcRateStore.PROGRAMME_SCOPE);
  }

  void insertLabels(Optional<PartnerId> scope, int versionNumber, Map<RateTarget, String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    sql.run(
        "labelling rate version " + versionNumber,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO pp_rate_label"
                      + " (partner_id, version_number, target_kind, target_id, label)"
                      + " VALUES (?, ?, ?, ?, ?)")) {
            for (Map.Entry<RateTarget, String> e : labels.entrySet()) {
              ps.setString(1, scopeOf(scope));
              ps.setInt(2, versionNumber);
              ps.setString(3, e.getKey().kind().name());
              ps.setString(4, e.getKey().id());
              ps.setString(5, e.getValue());
              ps.addBatch();
            }
            ps.executeBatch();
            return null;
          }
        });
  }

  Map<RateTarget, String> labels(Optional<PartnerId> scope, int versionNumber) {
    return sql.run(
        "reading the labels of rate version " + versionNumber,
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT target_kind, target_id, label FROM pp_rate_label"
                      + " WHERE partner_id = ? AND version_number = ?")) {
            ps.setString(1, scopeOf(scope));
            ps.setInt(2, versionNumber);
            Map<RateTarget, String> labels = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                labels.put(
                    new RateTarget(
                        RateTarget.Kind.valueOf(rs.getString("target_kind")),
                        rs.getString("target_id")),
                    rs.getString("label"));
              }
            }
            return Map.copyOf(labels);
          }
        });
  }
}
