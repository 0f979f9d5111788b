package org.partnerprogram.jdbc.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.LedgerLine;
import org.partnerprogram.core.domain.OrderId;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.core.port.out.PayoutStore;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.RecordingDataSource;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * The partner page's queries read index ranges, not tables: on a ledger of {@value #PARTNERS}
 * partners x {@value #LINES} priced lines and {@value #MONTHS} months of payouts each, with
 * statistics taken, the plan of every statement the adapter runs for {@link
 * LedgerStore#ledgerLines} and {@link PayoutStore#payoutsOfPartner} (recorded as it sent them, then
 * explained with the same parameters) reads the lines by {@code
 * ix_pp_commission_line_partner_placed} (V10), their entries by {@code ix_pp_ledger_entry_order},
 * and the payouts by {@code ix_pp_payout_partner}, and scans no table whole.
 */
abstract class AbstractPartnerPageQueryPlanTest {
  static final int PARTNERS = 40;
  static final int LINES = 250;
  static final int MONTHS = 24;
  private static final Instant START = Instant.parse("2026-01-01T10:00:00Z");
  private static final PartnerId PARTNER = PartnerId.of("p-007");

  /** The database under test, migrated. */
  abstract TestDatabase db();

  /** The plan of a statement, one string per row of the database's EXPLAIN. */
  abstract List<String> plan(Connection c, String sql, List<Object> parameters) throws SQLException;

  /** Takes statistics of the tables the queries read. */
  abstract void analyze(Statement s) throws SQLException;

  /** Asserts that a plan reads no table (nor a whole index) from start to end. */
  abstract void assertNoFullScan(List<String> plan);

  /** Asserts that a plan reads a table by an index and never whole. */
  abstract void assertReadsByIndex(List<String> plan, String table, String index);

  @AfterEach
  void emptyAgain() throws SQLException {
    // The statistics of an empty schema again, for the plan checks of other test classes.
    try (Connection c = db().emptied().getConnection();
        Statement s = c.createStatement()) {
      analyze(s);
    }
  }

  @Test
  void theLedgerLinesAndPayoutsOfAPartnerAreIndexRanges() throws Exception {
    DataSource data = db().emptied();
    populate(data);
    RecordingDataSource recording = new RecordingDataSource(data);
    JdbcProgramStorage storage = JdbcProgramStorage.create(recording.dataSource());
    Instant from = START.plus(30, ChronoUnit.DAYS);
    Instant to = from.plus(31, ChronoUnit.DAYS);
    Instant now = START.plus(400, ChronoUnit.DAYS);
    LedgerStore.LedgerLineKey key =
        new LedgerStore.LedgerLineKey(from.plus(5, ChronoUnit.HOURS), OrderId.of("o-007-00040"), 1);
    List<List<Object>> parameters = new ArrayList<>();
    storage
        .transactions()
        .execute(
            () -> {
              List<LedgerLine> page =
                  storage
                      .ledger()
                      .ledgerLines(
                          new LedgerStore.LinesWanted(
                              PARTNER, from, to, Optional.empty(), now, Optional.empty(), 21));
              assertThat(page).hasSize(21); // the data is what the plans are about
              parameters.add(List.of(PARTNER.value(), from, to, 21));
              storage
                  .ledger()
                  .ledgerLines(
                      new LedgerStore.LinesWanted(
                          PARTNER, from, to, Optional.empty(), now, Optional.of(key), 21));
              parameters.add(
                  List.of(
                      PARTNER.value(),
                      from,
                      to,
                      key.placedAt(),
                      key.placedAt(),
                      key.placedAt(),
                      key.orderId().value(),
                      key.orderId().value(),
                      key.lineNumber(),
                      21));
              for (LedgerLine.State state : LedgerLine.State.values()) {
                storage
                    .ledger()
                    .ledgerLines(
                        new LedgerStore.LinesWanted(
                            PARTNER, from, to, Optional.of(state), now, Optional.empty(), 21));
                List<Object> p = new ArrayList<>(List.of(PARTNER.value(), from, to));
                if (state == LedgerLine.State.HELD || state == LedgerLine.State.PAYABLE) {
                  p.add(now);
                }
                p.add(21);
                parameters.add(p);
              }
              assertThat(storage.payouts().payoutsOfPartner(PARTNER, Optional.empty(), 13))
                  .hasSize(13);
              parameters.add(List.of(PARTNER.value(), 13));
              storage
                  .payouts()
                  .payoutsOfPartner(
                      PARTNER,
                      Optional.of(
                          new PayoutStore.PayoutKey(
                              YearMonth.of(2027, 3),
                              PayoutId.of(payoutId(7, YearMonth.of(2027, 3))))),
                      13);
              parameters.add(
                  List.of(
                      PARTNER.value(),
                      "2027-03",
                      "2027-03",
                      payoutId(7, YearMonth.of(2027, 3)),
                      13));
              return null;
            });
    List<String> statements =
        recording.statements().stream()
            .filter(s -> s.contains("FROM pp_commission_line l") || s.contains("FROM pp_payout"))
            .toList();
    assertThat(statements).hasSize(parameters.size());

    try (Connection c = data.getConnection()) {
      for (int i = 0; i < statements.size(); i++) {
        String sql = statements.get(i);
        List<String> plan = plan(c, sql, parameters.get(i));
        assertNoFullScan(plan);
        if (sql.contains("pp_commission_line")) {
          assertReadsByIndex(plan, "pp_commission_line", "ix_pp_commission_line_partner_placed");
          assertReadsByIndex(plan, "pp_ledger_entry", "ix_pp_ledger_entry_order");
        } else {
          assertReadsByIndex(plan, "pp_payout", "ix_pp_payout_partner");
        }
      }
    }
  }

  private static String payoutId(int partner, YearMonth period) {
    return String.format("PO%03d%s%015d", partner, period.toString().replace("-", ""), 0);
  }

  /** Binds a parameter as the adapter does. */
  static void bind(PreparedStatement ps, int index, Object value, boolean localTimes)
      throws SQLException {
    if (value instanceof Instant at) {
      ps.setObject(
          index,
          localTimes
              ? LocalDateTime.ofInstant(at, ZoneOffset.UTC)
              : OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    } else if (value instanceof Integer n) {
      ps.setInt(index, n);
    } else {
      ps.setString(index, (String) value);
    }
  }

  /** The rows of an EXPLAIN, each row's columns joined by spaces. */
  static List<String> rows(ResultSet rs) throws SQLException {
    List<String> rows = new ArrayList<>();
    int columns = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      StringBuilder row = new StringBuilder();
      for (int i = 1; i <= columns; i++) {
        row.append(rs.getString(i)).append(' ');
      }
      rows.add(row.toString().strip());
    }
    return rows;
  }

  private void populate(DataSource data) throws SQLException {
    try (Connection c = data.getConnection()) {
      c.setAutoCommit(false);
      // MariaDB's DATETIME columns take UTC local times, as the adapter binds them.
      String product = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
      boolean localTimes = product.contains("maria") || product.contains("mysql");
      try (PreparedStatement line =
              c.prepareStatement(
                  "INSERT INTO pp_commission_line (order_id, line_number, partner_id, product_id,"
                      + " net_amount, currency_code, commission_amount, commission_currency,"
                      + " placed_at, source_event_id)"
                      + " VALUES (?, 1, ?, 'vps-m', 100, 'EUR', 25, 'EUR', ?, ?)");
          PreparedStatement entry =
              c.prepareStatement(
                  "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id,"
                      + " line_number, kind, amount, currency_code, base_amount, base_currency,"
                      + " occurred_at, payable_at, source_event_id, recorded_at)"
                      + " VALUES (?, ?, ?, ?, 1, ?, 25, 'EUR', 100, 'EUR', ?, ?, ?, ?)");
          PreparedStatement payout =
              c.prepareStatement(
                  "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code,"
                      + " iban, holder_name, status, created_at, status_changed_at)"
                      + " VALUES (?, ?, ?, 10, 'EUR', 'NL91ABNA0417164300', 'Jan', 'PAID', ?, ?)");
          PreparedStatement item =
              c.prepareStatement(
                  "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount)"
                      + " VALUES (?, ?, ?, 25)")) {
        for (int p = 0; p < PARTNERS; p++) {
          String partner = String.format("p-%03d", p);
          for (int n = 0; n < LINES; n++) {
            String order = String.format("o-%03d-%05d", p, n);
            Instant placed = START.plus(n * 23L, ChronoUnit.HOURS);
            line.setString(1, order);
            line.setString(2, partner);
            bind(line, 3, placed, localTimes);
            line.setString(4, "e-" + order);
            line.addBatch();
            for (String kind : n % 2 == 0 ? List.of("ACCRUED", "EARNED") : List.of("ACCRUED")) {
              UUID id = UUID.randomUUID();
              entry.setString(1, id.toString());
              entry.setString(2, id.toString().replace("-", ""));
              entry.setString(3, partner);
              entry.setString(4, order);
              entry.setString(5, kind);
              bind(entry, 6, placed, localTimes);
              if (kind.equals("EARNED")) {
                bind(entry, 7, placed.plus(1, ChronoUnit.DAYS), localTimes);
              } else {
                entry.setObject(7, null);
              }
              entry.setString(8, "e-" + kind + "-" + order);
              bind(entry, 9, placed, localTimes);
              entry.addBatch();
              if (kind.equals("EARNED") && n % 4 == 0) { // every other earned line is paid out
                item.setString(1, id.toString());
                item.setString(2, payoutId(p, YearMonth.of(2026, 1)));
                item.setString(3, partner);
                item.addBatch();
              }
            }
          }
          for (int m = 0; m < MONTHS; m++) {
            YearMonth period = YearMonth.of(2026, 1).plusMonths(m);
            payout.setString(1, payoutId(p, period));
            payout.setString(2, partner);
            payout.setString(3, period.toString());
            Instant created = START.plus(m * 31L, ChronoUnit.DAYS);
            bind(payout, 4, created, localTimes);
            bind(payout, 5, created, localTimes);
            payout.addBatch();
          }
          line.executeBatch();
          entry.executeBatch();
          payout.executeBatch();
          item.executeBatch();
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
