package org.partnerprogram.jdbc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.port.in.PartnerExport;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * Issue 26's access right at scale: a partner with 10^6 ledger entries and 10^4 attribution
 * decisions, seeded server-side with {@code generate_series}, is exported by a child JVM of 48 MiB
 * heap ({@link PartnerExportInASmallHeap}) to its standard output, which this test reads as a
 * stream (never holding the document): the counts and the sums by kind are those of the database as
 * of the export's instant, entries recorded after it and other partners' entries are left out, and
 * no referred customer's account id appears.
 */
class PostgresPartnerExportInASmallHeapTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.postgres("export-heap");

  private static final String PARTNER = "p_big";
  private static final String AS_OF = "2026-12-01T00:00:00Z";
  private static final int ENTRIES = 1_000_000;
  private static final int DECISIONS = 10_000;
  private static final Pattern PSEUDONYM = Pattern.compile("ps:[a-z2-7]{32}");

  /** Java's {@code sortKey(UUID)}: the hex of both halves with their sign bits flipped. */
  private static final String ENTRY_ORDER =
      "translate(substr(h, 1, 1), '0123456789abcdef', '89abcdef01234567') || substr(h, 2, 15)"
          + " || translate(substr(h, 17, 1), '0123456789abcdef', '89abcdef01234567')"
          + " || substr(h, 18, 15)";

  private static final String ENTRY_ID =
      "substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-' || substr(h, 13, 4) || '-'"
          + " || substr(h, 17, 4) || '-' || substr(h, 21, 12)";

  static String entries(String partner, String from, String to, String recordedAt) {
    return "INSERT INTO pp_ledger_entry (entry_order, entry_id, partner_id, order_id, line_number,"
        + " kind, amount, currency_code, base_amount, base_currency, occurred_at, payable_at,"
        + " source_event_id, recorded_at)"
        + " SELECT "
        + ENTRY_ORDER
        + ", "
        + ENTRY_ID
        + ", '"
        + partner
        + "', 'order-' || (i / 2), 1 + i % 2, k, ((i % 997) + 1)::numeric / 100, 'EUR',"
        + " 100.00, 'EUR', t, CASE WHEN k IN ('EARNED', 'REVERSED') THEN t END, 'ev-"
        + partner
        + "-' || i, t"
        + " FROM (SELECT i, md5('"
        + partner
        + "' || i) AS h,"
        + " (ARRAY['ACCRUED', 'EARNED', 'CANCELLED', 'REVERSED'])[1 + i % 4] AS k, "
        + recordedAt
        + " AS t FROM generate_series("
        + from
        + ", "
        + to
        // OFFSET 0 keeps the subquery from being inlined, which would compute md5 once per use of h
        // (nine times a row) instead of once.
        + ") AS i OFFSET 0) s";
  }

  /**
   * Runs {@code load} on {@code table} with its indexes that back no constraint dropped, then
   * builds them again from their own definitions ({@code pg_get_indexdef}), all in the caller's
   * transaction: building an index once over 10^6 rows is much cheaper than updating it row by row,
   * and at commit the table has exactly the indexes the migrations gave it.
   */
  private static void withIndexesBuiltAfter(Statement s, String table, String load)
      throws Exception {
    Map<String, String> indexes = new LinkedHashMap<>();
    try (ResultSet rs =
        s.executeQuery(
            "SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i"
                + " WHERE i.indrelid = '"
                + table
                + "'::regclass AND NOT EXISTS"
                + " (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
      while (rs.next()) {
        indexes.put(rs.getString(1), rs.getString(2));
      }
    }
    assertThat(indexes).as("the secondary indexes of %s", table).isNotEmpty();
    for (String name : indexes.keySet()) {
      s.execute("DROP INDEX " + name);
    }
    s.execute(load);
    for (String definition : indexes.values()) {
      s.execute(definition);
    }
  }

  /** Seeds the database in one transaction (untimed by the test; it prints how long it took). */
  private static void seed(Connection c) throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM pp_ledger_entry");
      s.execute("DELETE FROM pp_attribution");
      s.execute("DELETE FROM pp_referral_code");
      s.execute("DELETE FROM pp_payout_account_change");
      s.execute("DELETE FROM pp_partner");
      s.execute(
          "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
              + " status_changed_at, payout_iban, payout_holder_name, version) VALUES ('"
              + PARTNER
              + "', 'cust-big', 'ACTIVE', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z',"
              + " 'NL91ABNA0417164300', 'Jan de Vries', 1)");
      s.execute(
          "INSERT INTO pp_payout_account_change VALUES ('"
              + PARTNER
              + "', 1, 'NL91ABNA0417164300', 'Jan de Vries', '2026-01-01T00:00:00Z')");
      s.execute(
          "INSERT INTO pp_referral_code VALUES ('JAN-HOSTING', '"
              + PARTNER
              + "', TRUE, '2026-01-01T00:00:00Z', NULL)");
      s.execute(
          "INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
              + " decided_partner_id, code, touched_at, attribution_rule, reason, visitor_id,"
              + " typed_code, new_customer, customer_iban_given, signup_at, decided_at)"
              + " SELECT 'cust-' || i, 'ATTRIBUTED', '"
              + PARTNER
              + "', '"
              + PARTNER
              + "', 'JAN-HOSTING', t, 'LAST_TOUCH', NULL, 'v-' || i, NULL, TRUE, FALSE, t, t"
              + " FROM (SELECT i, TIMESTAMPTZ '2026-01-01T00:00:00Z' + (i / 2) * INTERVAL '1 second'"
              + " AS t FROM generate_series(1, "
              + DECISIONS
              + ") AS i) s");
      // Three entries per instant, so that pages break ties by entry id.
      withIndexesBuiltAfter(
          s,
          "pp_ledger_entry",
          entries(
              PARTNER,
              "1",
              Integer.toString(ENTRIES),
              "TIMESTAMPTZ '2026-02-01T00:00:00Z' + (i / 3) * INTERVAL '1 second'"));
      // Recorded after the export's instant (by an instance whose clock is ahead): left out.
      s.execute(entries(PARTNER, "1000001", "1000010", "TIMESTAMPTZ '2026-12-01T00:00:01Z'"));
      s.execute(entries("p_other", "1", "1000", "TIMESTAMPTZ '2026-02-01T00:00:00Z'"));
      s.execute("ANALYZE pp_ledger_entry");
      s.execute("ANALYZE pp_attribution");
    }
    c.commit();
    c.setAutoCommit(true);
  }

  private static Map<String, BigDecimal[]> expected(Connection c) throws Exception {
    Map<String, BigDecimal[]> byKind = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, COUNT(*), SUM(amount) FROM pp_ledger_entry"
                + " WHERE partner_id = ? AND recorded_at <= ? GROUP BY kind")) {
      ps.setString(1, PARTNER);
      ps.setObject(2, OffsetDateTime.parse(AS_OF));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byKind.put(
              rs.getString(1),
              new BigDecimal[] {BigDecimal.valueOf(rs.getLong(2)), rs.getBigDecimal(3)});
        }
      }
    }
    return byKind;
  }

  @Test
  void aPartnerWithAMillionLedgerEntriesIsExportedByAJvmOf48MiB() throws Exception {
    String url;
    String user;
    Map<String, BigDecimal[]> expected;
    long seeding = System.nanoTime();
    try (Connection c = DB.dataSource().getConnection()) {
      seed(c);
      expected = expected(c);
      DatabaseMetaData meta = c.getMetaData();
      url = meta.getURL();
      user = meta.getUserName();
    }
    assertThat(expected.values().stream().mapToLong(v -> v[0].longValue()).sum())
        .isEqualTo(ENTRIES);

    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    seeding = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - seeding);
    long t0 = System.nanoTime();
    Process child =
        new ProcessBuilder(
                java,
                "-Xmx48m",
                "-XX:+UseSerialGC",
                "-XX:+ExitOnOutOfMemoryError",
                "-cp",
                classpath,
                PartnerExportInASmallHeap.class.getName(),
                url,
                user,
                PARTNER,
                AS_OF)
            .start();
    ByteArrayOutputStream log = new ByteArrayOutputStream();
    Thread drain =
        new Thread(
            () -> {
              try (InputStream err = child.getErrorStream()) {
                err.transferTo(log);
              } catch (java.io.IOException e) {
                // the child died; what it wrote so far is in log
              }
            });
    drain.start();

    Map<String, JsonNode> top = new HashMap<>();
    long entries = 0;
    long attributions = 0;
    Map<String, BigDecimal> sums = new HashMap<>();
    Map<String, Long> counts = new HashMap<>();
    String previous = "";
    ObjectMapper mapper =
        JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();
    try (JsonParser p = mapper.createParser(child.getInputStream())) {
      assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        if (value == JsonToken.START_ARRAY
            && (name.equals("ledger") || name.equals("attributions"))) {
          while (p.nextToken() == JsonToken.START_OBJECT) {
            JsonNode item = p.readValueAsTree();
            if (name.equals("ledger")) {
              entries++;
              String kind = item.get("kind").asText();
              sums.merge(kind, item.get("amount").decimalValue(), BigDecimal::add);
              counts.merge(kind, 1L, Long::sum);
              String recordedAt = item.get("recordedAt").asText();
              assertThat(recordedAt).isLessThanOrEqualTo(AS_OF).isGreaterThanOrEqualTo(previous);
              previous = recordedAt;
            } else {
              attributions++;
              assertThat(item.get("customer").asText()).matches(PSEUDONYM);
            }
          }
        } else {
          top.put(name, p.readValueAsTree());
        }
      }
    }
    // The stream has ended, so the child is exiting; the bound only keeps a hung child from
    // hanging the build.
    boolean exited = child.waitFor(120, TimeUnit.SECONDS);
    if (!exited) {
      child.destroyForcibly();
    }
    drain.join(10_000);
    String output = log.toString(StandardCharsets.UTF_8);
    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0);
    assertThat(exited).as("the child exited after its output ended; its log:%n%s", output).isTrue();
    assertThat(child.exitValue()).as("the child's log:%n%s", output).isZero();
    assertThat(output).contains("EXPORTED " + ENTRIES + " entries").contains("DONE");
    System.out.println(
        output.strip() + " (seeding: " + seeding + " s, export and reading: " + seconds + " s)");
    assertThat(previous).startsWith("2026-");

    assertThat(top.get("schemaVersion").intValue()).isEqualTo(PartnerExport.JSON_SCHEMA_VERSION);
    assertThat(top.get("generatedAt").asText()).isEqualTo(AS_OF);
    assertThat(top.get("partner").get("customerAccountId").asText()).isEqualTo("cust-big");
    assertThat(entries).isEqualTo(ENTRIES);
    assertThat(attributions).isEqualTo(DECISIONS);
    JsonNode totals = top.get("totals");
    assertThat(totals.get("ledgerEntries").longValue()).isEqualTo(ENTRIES);
    assertThat(totals.get("attributions").longValue()).isEqualTo(DECISIONS);
    for (Map.Entry<String, BigDecimal[]> kind : expected.entrySet()) {
      String name = kind.getKey();
      assertThat(counts.get(name)).as(name).isEqualTo(kind.getValue()[0].longValue());
      assertThat(sums.get(name)).as(name).isEqualByComparingTo(kind.getValue()[1]);
      assertThat(totals.get(name.toLowerCase(Locale.ROOT)).decimalValue())
          .as(name)
          .isEqualByComparingTo(kind.getValue()[1]);
    }
    // No assertion on time: speed is the benchmarks' business; the line printed above says how long
    // the seeding and the export took, for whoever reads the build's log.
  }
}
