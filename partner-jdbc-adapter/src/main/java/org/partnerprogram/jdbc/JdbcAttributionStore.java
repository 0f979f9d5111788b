package org.partnerprogram.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.partnerprogram.core.domain.Act;
import org.partnerprogram.core.domain.AttributionCounts;
import org.partnerprogram.core.domain.AttributionDecision;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.EventId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Reattribution;
import org.partnerprogram.core.domain.ReferralCode;
import org.partnerprogram.core.domain.VisitorId;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.RetentionBatch;

/**
 * {@link AttributionStore} over {@code pp_attribution}, whose primary key is the customer account:
 * a second decision for a customer (also from a concurrent transaction) is refused by the database
 * and reported as {@code false}. The {@code partner_id} column holds the candidate partner, so the
 * overview counts come from one grouped query on its index. The retention takes old decisions
 * through the index on {@code (inputs_pseudonymised, signup_at)} (V14), locking each batch.
 */
final class JdbcAttributionStore implements AttributionStore {
  private static final String COLUMNS =
      "customer_account_id, outcome, partner_id, decided_partner_id, code, touched_at,"
          + " attribution_rule, reason, visitor_id, typed_code, new_customer, customer_iban_given,"
          + " signup_at, decided_at";
  private static final String ATTRIBUTED = "ATTRIBUTED";
  private static final String NOT_ATTRIBUTED = "NOT_ATTRIBUTED";

  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcAttributionStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean insert(AttributionRecord record) {
    return sql.run(
        "storing the attribution decision for customer " + record.customer(),
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_attribution ("
                    + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> bind(ps, record)));
  }

  private void bind(PreparedStatement ps, AttributionRecord record) throws SQLException {
    ps.setString(1, record.customer().value());
    ps.setString(3, record.candidatePartner().map(PartnerId::value).orElse(null));
    if (record.decision() instanceof AttributionDecision.Attributed a) {
      ps.setString(2, ATTRIBUTED);
      ps.setString(4, a.partnerId().value());
      ps.setString(5, a.code().value());
      sql.setInstant(ps, 6, "touchAt", a.touchAt());
      ps.setString(7, a.rule().name());
      ps.setString(8, null);
    } else if (record.decision() instanceof AttributionDecision.NotAttributed n) {
      ps.setString(2, NOT_ATTRIBUTED);
      ps.setString(4, null);
      ps.setString(5, null);
      sql.setInstant(ps, 6, "touchAt", Optional.<Instant>empty());
      ps.setString(7, null);
      ps.setString(8, n.reason().name());
    }
    ps.setString(9, record.visitorId().map(VisitorId::value).orElse(null));
    ps.setString(10, record.typedCode().map(ReferralCode::value).orElse(null));
    ps.setBoolean(11, record.newCustomer());
    ps.setBoolean(12, record.customerIbanGiven());
    sql.setInstant(ps, 13, "signupAt", record.signupAt());
    sql.setInstant(ps, 14, "decidedAt", record.decidedAt());
  }

  @Override
  public Optional<AttributionRecord> findByCustomer(CustomerAccountId customer) {
    return sql.run(
        "reading the attribution decision for customer " + customer,
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT " + COLUMNS + " FROM pp_attribution WHERE customer_account_id = ?",
                ps -> ps.setString(1, customer.value()),
                this::read));
  }

  private AttributionRecord read(ResultSet rs) throws SQLException {
    AttributionDecision decision;
    if (ATTRIBUTED.equals(rs.getString("outcome"))) {
      decision =
          new AttributionDecision.Attributed(
              PartnerId.of(rs.getString("decided_partner_id")),
              new ReferralCode(rs.getString("code")),
              sql.getRequiredInstant(rs, "touched_at"),
              AttributionDecision.Rule.valueOf(rs.getString("attribution_rule")));
    } else {
      decision =
          new AttributionDecision.NotAttributed(
              AttributionDecision.Reason.valueOf(rs.getString("reason")));
    }
    return new AttributionRecord(
        CustomerAccountId.of(rs.getString("customer_account_id")),
        decision,
        Optional.ofNullable(rs.getString("partner_id")).map(PartnerId::of),
        Optional.ofNullable(rs.getString("visitor_id")).map(VisitorId::of),
        Optional.ofNullable(rs.getString("typed_code")).map(ReferralCode::new),
        rs.getBoolean("new_customer"),
        rs.getBoolean("customer_iban_given"),
        sql.getRequiredInstant(rs, "signup_at"),
        sql.getRequiredInstant(rs, "decided_at"));
  }

  @Override
  public AttributionCounts countsByPartner(PartnerId partnerId) {
    return counts(partnerId, false);
  }

  /**
   * {@link #countsByPartner} with the clicks on the partner's codes counted in the same statement:
   * a first row of outcome {@code CLICKS}, then the decisions ({@link
   * org.partnerprogram.core.port.out.ProgramStorage#referralCounts}).
   *
   * @param partnerId the partner
   * @return the counts with clicks
   */
  public AttributionCounts countsWithClicks(PartnerId partnerId) {
    return counts(partnerId, true);
  }

  private AttributionCounts counts(PartnerId partnerId, boolean clicks) {
    return sql.run(
        "counting the attribution decisions of partner " + partnerId,
        c -> {
          List<Count> rows =
              Jdbc.query(
                  c,
                  (clicks
                          ? "SELECT 'CLICKS' AS outcome, 'CLICKS' AS reason, COUNT(*) AS decisions"
                              + " FROM pp_touch WHERE partner_id = ? UNION ALL "
                          : "")
                      + "SELECT outcome, reason, COUNT(*) AS decisions FROM pp_attribution"
                      + " WHERE partner_id = ? GROUP BY outcome, reason",
                  ps -> {
                    ps.setString(1, partnerId.value());
                    if (clicks) {
                      ps.setString(2, partnerId.value());
                    }
                  },
                  rs ->
                      new Count(
                          rs.getString("outcome"),
                          rs.getString("reason"),
                          rs.getLong("decisions")));
          long clickCount = 0;
          long attributed = 0;
          Map<AttributionDecision.Reason, Long> refused =
              new EnumMap<>(AttributionDecision.Reason.class);
          for (Count row : rows) {
            if ("CLICKS".equals(row.outcome())) {
              clickCount = row.count();
            } else if (ATTRIBUTED.equals(row.outcome())) {
              attributed += row.count();
            } else {
              refused.merge(
                  AttributionDecision.Reason.valueOf(row.reason()), row.count(), Long::sum);
            }
          }
          return new AttributionCounts(clickCount, attributed, refused);
        });
  }

  /** The decisions concerning a partner, decided by an instant (parameters: partner, instant). */
  private static final String OF_PARTNER =
      "SELECT " + COLUMNS + " FROM pp_attribution WHERE partner_id = ? AND decided_at <= ?";

  /**
   * After the previous page's last decision (decided_at, customer_account_id), in sort order; the
   * redundant {@code decided_at >= ?} starts the index range there (see {@link
   * JdbcLedgerStore#entriesOfPartner}), so a page does not rescan the pages before it.
   */
  private static final String OF_PARTNER_AFTER =
      " AND decided_at >= ? AND (decided_at > ? OR (decided_at = ? AND customer_account_id > ?))";

  private static final String OF_PARTNER_ORDER =
      " ORDER BY decided_at, customer_account_id LIMIT ?";

  /**
   * {@inheritDoc}
   *
   * <p>A range of {@code ix_pp_attribution_partner_decided} (partner, decided_at,
   * customer_account_id; V14) in index order, continued with {@code a >= ? AND (a > ? OR (a = ? AND
   * b > ?))}.
   */
  @Override
  public List<AttributionRecord> attributionsOfPartner(
      PartnerId partnerId, Instant decidedBy, Optional<AttributionKey> after, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    return sql.run(
        "reading a page of the attribution decisions of partner " + partnerId,
        c ->
            Jdbc.query(
                c,
                after.isPresent()
                    ? OF_PARTNER + OF_PARTNER_AFTER + OF_PARTNER_ORDER
                    : OF_PARTNER + OF_PARTNER_ORDER,
                ps -> {
                  int i = 1;
                  ps.setString(i++, partnerId.value());
                  sql.setInstant(ps, i++, "decidedBy", decidedBy);
                  if (after.isPresent()) {
                    sql.setInstant(ps, i++, "after", after.get().decidedAt());
                    sql.setInstant(ps, i++, "after", after.get().decidedAt());
                    sql.setInstant(ps, i++, "after", after.get().decidedAt());
                    ps.setString(i++, after.get().customer().value());
                  }
                  ps.setInt(i, limit);
                },
                this::read));
  }

  /** One row of the counts: an outcome, a reason and how many decisions (or clicks) had them. */
  private record Count(String outcome, String reason, long count) {}

  @Override
  public RetentionBatch pseudonymiseInputsSignedUpBefore(
      Instant cutoff, int limit, UnaryOperator<VisitorId> pseudonym) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1, was " + limit);
    }
    Optional<Instant> bound = Sql.before(cutoff);
    if (bound.isEmpty()) {
      return new RetentionBatch(0, 0);
    }
    return sql.run(
        "pseudonymising the inputs of up to " + limit + " decisions signed up before " + cutoff,
        c -> {
          List<Due> due =
              Jdbc.query(
                  c,
                  sql.statements().lockInputsDue(),
                  ps -> {
                    sql.setInstant(ps, 1, "cutoff", bound.get());
                    ps.setInt(2, limit);
                  },
                  rs -> {
                    Optional<VisitorId> visitor =
                        Optional.ofNullable(rs.getString("visitor_id")).map(VisitorId::of);
                    return new Due(
                        rs.getString("customer_account_id"), visitor, visitor.map(pseudonym));
                  });
          if (due.isEmpty()) {
            return new RetentionBatch(0, 0);
          }
          // The rows are locked by this unit of work: each is taken here, and by no other.
          Jdbc.batch(
              c,
              "UPDATE pp_attribution SET visitor_id = ?, inputs_pseudonymised = ?"
                  + " WHERE customer_account_id = ?",
              due,
              (ps, d) -> {
                ps.setString(1, d.replacement().map(VisitorId::value).orElse(null));
                ps.setBoolean(2, true);
                ps.setString(3, d.customer());
              });
          int changed = (int) due.stream().filter(Due::changes).count();
          return new RetentionBatch(due.size(), changed);
        });
  }

  /** A decision due for pseudonymisation: its visitor id and what replaces it. */
  private record Due(
      String customer, Optional<VisitorId> visitor, Optional<VisitorId> replacement) {
    boolean changes() {
      return !visitor.equals(replacement);
    }
  }

  @Override
  public int replaceCustomer(CustomerAccountId customer, CustomerAccountId replacement) {
    return sql.run(
        "replacing a customer's account id in their attribution decision",
        c -> {
          Jdbc.update(
              c,
              "UPDATE pp_reattribution SET customer_account_id = ? WHERE customer_account_id = ?",
              ps -> {
                ps.setString(1, replacement.value());
                ps.setString(2, customer.value());
              });
          return Jdbc.update(
              c,
              "UPDATE pp_attribution SET customer_account_id = ? WHERE customer_account_id = ?",
              ps -> {
                ps.setString(1, replacement.value());
                ps.setString(2, customer.value());
              });
        });
  }

  /** The columns of {@code pp_reattribution} (V21), in the order they are inserted. */
  private static final String REATTRIBUTION_COLUMNS =
      "reattribution_id, customer_account_id, from_partner_id, to_partner_id, effective_from,"
          + " actor, reason, decided_at";

  @Override
  public void insertReattribution(Reattribution r) {
    sql.run(
        "storing re-attribution " + r.reattributionId(),
        c ->
            Jdbc.update(
                c,
                "INSERT INTO pp_reattribution ("
                    + REATTRIBUTION_COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                ps -> {
                  ps.setString(1, r.reattributionId().value());
                  ps.setString(2, r.customer().value());
                  ps.setString(3, r.fromPartner().map(PartnerId::value).orElse(null));
                  ps.setString(4, r.toPartner().map(PartnerId::value).orElse(null));
                  sql.setInstant(ps, 5, "effectiveFrom", r.effectiveFrom());
                  ps.setString(6, r.act().actor());
                  ps.setString(7, r.act().reason());
                  sql.setInstant(ps, 8, "decidedAt", r.decidedAt());
                }));
  }

  @Override
  public List<Reattribution> reattributionsOf(CustomerAccountId customer) {
    return sql.run(
        "reading the re-attributions of a customer",
        c ->
            Jdbc.query(
                c,
                "SELECT "
                    + REATTRIBUTION_COLUMNS
                    + " FROM pp_reattribution WHERE customer_account_id = ?"
                    + " ORDER BY effective_from, decided_at, reattribution_id",
                ps -> ps.setString(1, customer.value()),
                rs ->
                    new Reattribution(
                        EventId.of(rs.getString("reattribution_id")),
                        CustomerAccountId.of(rs.getString("customer_account_id")),
                        Optional.ofNullable(rs.getString("from_partner_id")).map(PartnerId::of),
                        Optional.ofNullable(rs.getString("to_partner_id")).map(PartnerId::of),
                        sql.getRequiredInstant(rs, "effective_from"),
                        Act.by(rs.getString("actor"), rs.getString("reason")),
                        sql.getRequiredInstant(rs, "decided_at"))));
  }

  @Override
  public int replaceVisitor(VisitorId visitor, VisitorId replacement) {
    return sql.run(
        "replacing a visitor id in attribution decisions",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_attribution SET visitor_id = ? WHERE visitor_id = ?",
                ps -> {
                  ps.setString(1, replacement.value());
                  ps.setString(2, visitor.value());
                }));
  }

  @Override
  public int replaceCode(PartnerId partnerId, ReferralCode code, ReferralCode replacement) {
    return sql.run(
        "replacing a referral code in attribution decisions",
        c ->
            Jdbc.update(
                c,
                "UPDATE pp_attribution SET"
                    + " code = CASE WHEN code = ? THEN ? ELSE code END,"
                    + " typed_code = CASE WHEN typed_code = ? THEN ? ELSE typed_code END"
                    + " WHERE partner_id = ? AND (code = ? OR typed_code = ?)",
                ps -> {
                  ps.setString(1, code.value());
                  ps.setString(2, replacement.value());
                  ps.setString(3, code.value());
                  ps.setString(4, replacement.value());
                  ps.setString(5, partnerId.value());
                  ps.setString(6, code.value());
                  ps.setString(7, code.value());
                }));
  }
}
