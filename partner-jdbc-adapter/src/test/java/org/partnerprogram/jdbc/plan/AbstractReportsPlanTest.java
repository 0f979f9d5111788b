package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PartnerStatus;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;
import org.partnerprogram.core.port.out.ReportStore;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The reports read index ranges, not tables: on a programme of {@value #PARTNERS} partners with
 * {@value #MONTHS} months of history ({@value #ENTRIES_PER_MONTH} ledger entries, and clicks,
 * decisions, paid orders and payouts each month), with statistics taken, the plan of every
 * statement the adapter runs for {@link ReportStore} (recorded as it sent them, then explained with
 * the same parameters) reads each table by the index of schema V20 (or V3, V13) named for it, and
 * scans no table whole: partners by {@code ix_pp_partner_status}, the ledger by {@code
 * ix_pp_ledger_entry_occurred}, clicks by {@code ix_pp_touch_touched_at}, decisions by {@code
 * ix_pp_attribution_outcome_decided}, orders by {@code ix_pp_order_paid}, paid payouts by {@code
 * ix_pp_payout_status_changed} and a month's payouts by {@code ix_pp_payout_period}.
 */
abstract class AbstractReportsPlanTest {
  static final int PARTNERS = 400;
  static final int MONTHS = 24;
  static final int ENTRIES_PER_MONTH = 2_000;
  private static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  private static final YearMonth MONTH = YearMonth.of(2026, 3);
  private static final Instant FROM = Instant.parse("2026-03-01T00:00:00Z");
  private static final Instant TO = Instant.parse("2026-04-01T00:00:00Z");
  private static final Currency EUR = Currency.getInstance("EUR");

  /** The index each table is read by, per report. */
  private static final Map<String, String> INDEX_OF =
      Map.of(
          "pp_partner", "ix_pp_partner_status",
          "pp_ledger_entry", "ix_pp_ledger_entry_occurred",
          "pp_touch", "ix_pp_touch_touched_at",
          "pp_attribution", "ix_pp_attribution_outcome_decided",
          "pp_order", "ix_pp_order_paid");

  /** The database under test, migrated. */
  abstract TestDatabase db();

  /** The plan of a statement, one string per row of the database's EXPLAIN. */
  abstract List<String> plan(Connection c, String sql, List<Object> parameters) throws SQLException;

  /** Takes statistics of the tables the reports read. */
  abstract void analyze(Statement s) throws SQLException;

  /** Asserts that a plan reads no table (nor a whole index) from start to end. */
  abstract void assertNoFullScan(List<String> plan);

  /** Asserts that a plan reads a table (by its alias in the statement) by an index. */
  abstract void assertReadsByIndex(List<String> plan, String table, String alias, String index);

  @AfterEach
  void emptyAgain() throws SQLException {
    // The statistics of an empty schema again, for the plan checks of other test classes.
    try (Connection c = db().emptied().getConnection();
        Statement s = c.createStatement()) {
      analyze(s);
    }
  }

  @Test
  void everyReportIsIndexRanges() throws Exception {
    DataSource data = db().emptied();
    populate(data);
    RecordingDataSource recording = new RecordingDataSource(data);
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());
    List<List<Object>> parameters = new ArrayList<>();
    String payoutAfter = payoutId(7, MONTH);
    storage
        .transactions()
        .execute(
            () -> {
              ReportStore reports = storage.reports();
              for (PartnerStatus status : List.of(PartnerStatus.ACTIVE, PartnerStatus.SUSPENDED)) {
                assertThat(reports.partnersWithStatus(status, Optional.empty(), 51)).isNotEmpty();
                parameters.add(List.of(status.name(), 51));
                reports.partnersWithStatus(status, Optional.of(PartnerId.of("p-0100")), 51);
                parameters.add(List.of(status.name(), "p-0100", 51));
              }
              assertThat(reports.topEarners(EUR, FROM, TO, 10)).hasSize(10);
              parameters.add(List.of(FROM, TO, "EUR", 10));
              assertThat(reports.funnel(MONTH, FROM, TO, EUR).clicks()).isPositive();
              List<Object> funnel = new ArrayList<>();
              for (int figure = 0; figure < 7; figure++) {
                funnel.add(FROM);
                funnel.add(TO);
                if (figure >= 3) {
                  funnel.add("EUR");
                }
              }
              parameters.add(funnel);
              assertThat(reports.payoutsOfMonth(MONTH, Optional.empty(), Optional.empty(), 51))
                  .hasSize(51);
              parameters.add(List.of(MONTH.toString(), 51));
              reports.payoutsOfMonth(
                  MONTH,
                  Optional.of(PayoutStatus.FAILED),
                  Optional.of(PayoutId.of(payoutAfter)),
                  51);
              parameters.add(List.of(MONTH.toString(), "FAILED", payoutAfter, 51));
              return null;
            });
    List<String> statements =
        recording.statements().stream()
            .filter(
                s ->
                    s.contains("FROM pp_partner")
                        || s.contains("FROM pp_ledger_entry")
                        || s.contains("FROM pp_payout"))
            .toList();
    assertThat(statements).hasSize(parameters.size());

    try (Connection c = data.getConnection()) {
      for (int i = 0; i < statements.size(); i++) {
        String sql = statements.get(i);
        List<String> plan = plan(c, sql, parameters.get(i));
        assertNoFullScan(plan);
        if (sql.contains("FROM pp_partner")) {
          assertReadsByIndex(plan, "pp_partner", "pp_partner", INDEX_OF.get("pp_partner"));
        } else if (sql.contains("AS clicks")) {
          assertReadsByIndex(plan, "pp_touch", "t", INDEX_OF.get("pp_touch"));
          assertReadsByIndex(plan, "pp_attribution", "a", INDEX_OF.get("pp_attribution"));
          assertReadsByIndex(plan, "pp_order", "o", INDEX_OF.get("pp_order"));
          assertReadsByIndex(plan, "pp_ledger_entry", "e", INDEX_OF.get("pp_ledger_entry"));
          assertReadsByIndex(plan, "pp_payout", "p", "ix_pp_payout_status_changed");
        } else if (sql.contains("FROM pp_ledger_entry")) {
          assertReadsByIndex(plan, "pp_ledger_entry", "e", INDEX_OF.get("pp_ledger_entry"));
        } else {
          assertReadsByIndex(plan, "pp_payout", "pp_payout", "ix_pp_payout_period");
        }
      }
    }
  }

  private static String payoutId(int partner, YearMonth period) {
    return String.format("PO%04d%s%014d", partner, period.toString().replace("-", ""), 0);
  }

  private static String partnerId(int p) {
    return String.format("p-%04d", p);
  }

  private void populate(DataSource data) throws SQLException {
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      // MariaDB's DATETIME columns take UTC local times, as the adapter binds them.
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      boolean localTimes = product.contains("maria") || product.contains("mysql");
      try (PreparedStatement partner =
              c.prepareStatement(
                  "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
                      + " status_changed_at, version) VALUES (?, ?, ?, ?, ?, 1)");
          PreparedStatement entry =
              c.prepareStatement(
                  "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id,"
                      + " line_number, kind, amount, currency_code, base_amount, base_currency,"
                      + " occurred_at, payable_at, source_event_id, recorded_at)"
                      + " VALUES (?, ?, ?, ?, 1, ?, 25, 'EUR', 100, 'EUR', ?, ?, ?, ?)");
          PreparedStatement touch =
              c.prepareStatement(
                  "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at)"
                      + " VALUES (?, 'CODE-X', ?, ?)");
          PreparedStatement decision =
              c.prepareStatement(
                  "INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
                      + " decided_partner_id, code, touched_at, attribution_rule, reason,"
                      + " new_customer, customer_iban_given, signup_at, decided_at)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, TRUE, FALSE, ?, ?)");
          PreparedStatement order =
              c.prepareStatement(
                  "INSERT INTO pp_order (order_id, customer_account_id, placed_at, currency_code,"
                      + " partner_id, not_earning_reason, source_event_id, recorded_at, paid_at)"
                      + " VALUES (?, ?, ?, 'EUR', ?, ?, ?, ?, ?)");
          PreparedStatement payout =
              c.prepareStatement(
                  "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code,"
                      + " iban, holder_name, status, created_at, status_changed_at,"
                      + " failure_reason)"
                      + " VALUES (?, ?, ?, 10, 'EUR', 'NL91ABNA0417164300', 'Jan', ?, ?, ?, ?)")) {
        for (int p = 0; p < PARTNERS; p++) {
          partner.setString(1, partnerId(p));
          partner.setString(2, "cust-" + p);
          partner.setString(3, p % 20 == 0 ? "SUSPENDED" : p % 25 == 1 ? "TERMINATED" : "ACTIVE");
          AbstractPartnerPageQueryPlanTest.bind(partner, 4, START, localTimes);
          AbstractPartnerPageQueryPlanTest.bind(partner, 5, START, localTimes);
          partner.addBatch();
        }
        partner.executeBatch();
        String[] kinds = {"ACCRUED", "EARNED", "CANCELLED", "REVERSED"};
        for (int m = 0; m < MONTHS; m++) {
          YearMonth month = YearMonth.of(2025, 1).plusMonths(m);
          Instant monthStart = month.atDay(1).atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
          for (int n = 0; n < ENTRIES_PER_MONTH; n++) {
            Instant at = monthStart.plus(n * 20L, ChronoUnit.MINUTES);
            String partnerOf = partnerId(n % PARTNERS);
            String kind = kinds[n % 4];
            String orderId = "o-" + m + "-" + n;
            UUID id = UUID.randomUUID();
            entry.setString(1, id.toString());
            entry.setString(2, id.toString().replace("-", ""));
            entry.setString(3, partnerOf);
            entry.setString(4, orderId);
            entry.setString(5, kind);
            AbstractPartnerPageQueryPlanTest.bind(entry, 6, at, localTimes);
            if (kind.equals("EARNED") || kind.equals("REVERSED")) {
              AbstractPartnerPageQueryPlanTest.bind(entry, 7, at, localTimes);
            } else {
              entry.setObject(7, null);
            }
            entry.setString(8, "e-" + kind + "-" + orderId);
            AbstractPartnerPageQueryPlanTest.bind(entry, 9, at, localTimes);
            entry.addBatch();
            if (n % 2 == 0) {
              touch.setString(1, "v-" + m + "-" + n);
              touch.setString(2, partnerOf);
              AbstractPartnerPageQueryPlanTest.bind(touch, 3, at, localTimes);
              touch.addBatch();
            }
            if (n % 4 == 0) {
              String customer = "c-" + m + "-" + n;
              boolean attributed = n % 8 == 0;
              decision.setString(1, customer);
              decision.setString(2, attributed ? "ATTRIBUTED" : "NOT_ATTRIBUTED");
              decision.setString(3, partnerOf);
              decision.setString(4, attributed ? partnerOf : null);
              decision.setString(5, attributed ? "CODE-X" : null);
              if (attributed) {
                AbstractPartnerPageQueryPlanTest.bind(decision, 6, at, localTimes);
              } else {
                decision.setObject(6, null);
              }
              decision.setString(7, attributed ? "LAST_TOUCH" : null);
              decision.setString(8, attributed ? null : "NO_TOUCH");
              AbstractPartnerPageQueryPlanTest.bind(decision, 9, at, localTimes);
              AbstractPartnerPageQueryPlanTest.bind(decision, 10, at, localTimes);
              decision.addBatch();
              order.setString(1, orderId);
              order.setString(2, customer);
              AbstractPartnerPageQueryPlanTest.bind(order, 3, at, localTimes);
              order.setString(4, attributed ? partnerOf : null);
              order.setString(5, attributed ? null : "CUSTOMER_NOT_ATTRIBUTED");
              order.setString(6, "e-" + orderId);
              AbstractPartnerPageQueryPlanTest.bind(order, 7, at, localTimes);
              AbstractPartnerPageQueryPlanTest.bind(order, 8, at.plusSeconds(60), localTimes);
              order.addBatch();
            }
          }
          for (int p = 0; p < PARTNERS; p++) {
            String status = p % 10 == 3 ? "FAILED" : p % 10 < 5 ? "PAID" : "CREATED";
            payout.setString(1, payoutId(p, month));
            payout.setString(2, partnerId(p));
            payout.setString(3, month.toString());
            payout.setString(4, status);
            Instant created = monthStart.plus(40, ChronoUnit.DAYS);
            AbstractPartnerPageQueryPlanTest.bind(payout, 5, created, localTimes);
            AbstractPartnerPageQueryPlanTest.bind(
                payout, 6, created.plus(p % 48, ChronoUnit.HOURS), localTimes);
            payout.setString(7, status.equals("FAILED") ? "account closed" : null);
            payout.addBatch();
          }
          entry.executeBatch();
          touch.executeBatch();
          decision.executeBatch();
          order.executeBatch();
          payout.executeBatch();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      try (Statement s = c.createStatement()) {
        analyze(s);
      }
    }
  }
}
