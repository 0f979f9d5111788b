package org.partnerprogram.jdbc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.domain.AttributionRecord;
import org.partnerprogram.core.domain.LedgerEntry;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.port.out.AttributionStore;
import org.partnerprogram.core.port.out.LedgerStore;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * A later page of the export's keyset paging reads about a page of rows, not every row before it:
 * the continuation must start the index range at the previous page's end. (It once did not, and the
 * export of 10^6 entries re-read half of them per page on average.) The pages run in a host
 * transaction planned as on a large table (an ordered index range: no sequential or bitmap scans,
 * no sorts), and the rows the transaction fetched are read from {@code pg_stat_xact_user_tables}
 * around the page.
 */
class PostgresExportPagesReadTheirOwnRowsTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres();

  private static final PartnerId PARTNER = PartnerId.of("p_pages");
  private static final Instant BY = Instant.parse("2026-12-01T00:00:00Z");
  private static final int ROWS = 400;
  private static final int PAGE = 10;

  @Test
  void theLastPagesOfTheLedgerAndTheAttributionsReadAboutAPageOfRows() throws Exception {
    try (Connection c = DB.emptied().getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute(
            "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
                + " status_changed_at, payout_iban, payout_holder_name, version) VALUES"
                + " ('p_pages', 'cust-pages', 'ACTIVE', '2026-01-01T00:00:00Z',"
                + " '2026-01-01T00:00:00Z', 'NL91ABNA0417164300', 'Jan de Vries', 1)");
        s.execute(
            PostgresPartnerExportInASmallHeapTest.entries(
                "p_pages",
                "1",
                Integer.toString(ROWS),
                "TIMESTAMPTZ '2026-02-01T00:00:00Z' + i * INTERVAL '1 second'"));
        s.execute(
            "INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
                + " decided_partner_id, code, touched_at, attribution_rule, reason, visitor_id,"
                + " typed_code, new_customer, customer_iban_given, signup_at, decided_at)"
                + " SELECT 'cust-' || i, 'ATTRIBUTED', 'p_pages', 'p_pages', 'PAGES', t,"
                + " 'LAST_TOUCH', NULL, 'v-' || i, NULL, TRUE, FALSE, t, t FROM (SELECT i,"
                + " TIMESTAMPTZ '2026-01-01T00:00:00Z' + i * INTERVAL '1 second' AS t"
                + " FROM generate_series(1, "
                + ROWS
                + ") AS i) s");
        // The plan a large table gets: an ordered range of the index, read until the page is
        // full (on a table this small the planner would rather sort, or OR two bitmap ranges).
        s.execute("SET LOCAL enable_seqscan = off");
        s.execute("SET LOCAL enable_bitmapscan = off");
        s.execute("SET LOCAL enable_sort = off");
      }
      JdbcProgramStorage storage =
          JdbcProgramStorage.joining(() -> Optional.of(c), Dialect.POSTGRESQL);
      LedgerStore ledger = storage.ledger();
      AttributionStore attributions = storage.attributions();

      List<LedgerEntry> head =
          storage
              .transactions()
              .execute(() -> ledger.entriesOfPartner(PARTNER, BY, Optional.empty(), ROWS - PAGE));
      assertThat(head).hasSize(ROWS - PAGE);
      Optional<LedgerStore.EntryKey> afterEntry =
          Optional.of(LedgerStore.EntryKey.of(head.get(head.size() - 1)));
      long before = fetched(c, "pp_ledger_entry");
      List<LedgerEntry> last =
          storage
              .transactions()
              .execute(() -> ledger.entriesOfPartner(PARTNER, BY, afterEntry, PAGE));
      long read = fetched(c, "pp_ledger_entry") - before;
      assertThat(last).hasSize(PAGE);
      assertThat(read).as("ledger rows fetched for the last page of %d", PAGE).isLessThan(3 * PAGE);

      List<AttributionRecord> first =
          storage
              .transactions()
              .execute(
                  () ->
                      attributions.attributionsOfPartner(
                          PARTNER, BY, Optional.empty(), ROWS - PAGE));
      assertThat(first).hasSize(ROWS - PAGE);
      Optional<AttributionStore.AttributionKey> afterDecision =
          Optional.of(AttributionStore.AttributionKey.of(first.get(first.size() - 1)));
      before = fetched(c, "pp_attribution");
      List<AttributionRecord> rest =
          storage
              .transactions()
              .execute(() -> attributions.attributionsOfPartner(PARTNER, BY, afterDecision, PAGE));
      read = fetched(c, "pp_attribution") - before;
      assertThat(rest).hasSize(PAGE);
      assertThat(read)
          .as("attribution rows fetched for the last page of %d", PAGE)
          .isLessThan(3 * PAGE);
      c.rollback();
    }
  }

  /** The rows this transaction has fetched from the table through an index so far. */
  private static long fetched(Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT COALESCE(idx_tup_fetch, 0) + COALESCE(seq_tup_read, 0)"
                    + " FROM pg_stat_xact_user_tables WHERE relname = '"
                    + table
                    + "'")) {
      assertThat(rs.next()).isTrue();
      return rs.getLong(1);
    }
  }
}
