package org.partnerprogram.jdbc.bench;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import javax.sql.DataSource;

/**
 * Bulk-loads a benchmark database with set-based SQL (PostgreSQL {@code generate_series}, MariaDB's
 * sequence engine {@code seq_0_to_n}, H2 {@code SYSTEM_RANGE}): at scale {@code n}, {@code n / 20}
 * active partners with a payout account and one code each, {@code n} clicks of {@code n / 5}
 * visitors in the first half of November 2026, {@code n} EARNED entries payable in October 2026
 * spread over the partners, and on top {@code n / 10} entries for the first partner (the overview's
 * partner; or the sizes {@code bench.overview.lines} lists, one big partner each), each with its
 * open row as the SDK writes it ({@link #entries}), and 1,000 programme-wide rate versions.
 */
final class Fixtures {
  static final String IBAN = "NL91ABNA0417164300";
  static final int RATE_VERSIONS = 1_000;

  final BenchDatabase.Kind kind;
  final long scale;
  final long partners;
  final long visitors;

  /**
   * The ledger lines of each of the overview's big partners, the first partners ({@code p00000000}
   * on): one, a tenth of the scale, unless {@code -Dbench.overview.lines} lists sizes (e.g. {@code
   * 10000,100000,1000000}, to compare the overviews of partners of those sizes in one run without
   * loading ten times their rows of everything else).
   */
  final long[] bigPartnerLines;

  /** The big partners' ledger lines together. */
  final long bigPartnerEntries;

  /**
   * Fixtures with one big partner of {@code -Dbench.overview.lines} ledger lines (default a tenth
   * of the scale).
   */
  Fixtures(BenchDatabase.Kind kind, long scale) {
    this(kind, scale, Math.max(100, scale / 20), Long.toString(scale / 10));
  }

  /**
   * Fixtures with big partners of the sizes {@code -Dbench.overview.lines} lists, by default {@code
   * defaultLines}.
   *
   * @param defaultLines comma-separated ledger lines, one big partner each
   */
  Fixtures(BenchDatabase.Kind kind, long scale, String defaultLines) {
    this(kind, scale, Math.max(100, scale / 20), defaultLines);
  }

  /**
   * Fixtures with a chosen number of partners (the memory check's close of many partners), at least
   * 100 and at most {@code scale + 1}, so that each has an entry.
   */
  Fixtures(BenchDatabase.Kind kind, long scale, long partners) {
    this(kind, scale, partners, Long.toString(scale / 10));
  }

  private Fixtures(BenchDatabase.Kind kind, long scale, long partners, String defaultLines) {
    if (partners < 100 || partners > scale + 1) {
      throw new IllegalArgumentException(
          "partners must be between 100 and scale + 1 (" + (scale + 1) + "), was " + partners);
    }
    this.kind = kind;
    this.scale = scale;
    this.partners = partners;
    this.visitors = Math.max(100, scale / 5);
    String lines = System.getProperty("bench.overview.lines", defaultLines);
    this.bigPartnerLines =
        Arrays.stream(lines.split(",", -1)).map(String::trim).mapToLong(Long::parseLong).toArray();
    if (bigPartnerLines.length >= partners || Arrays.stream(bigPartnerLines).anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("bench.overview.lines: " + lines);
    }
    this.bigPartnerEntries = Arrays.stream(bigPartnerLines).sum();
  }

  static String partnerId(long index) {
    return String.format(Locale.ROOT, "p%08d", index);
  }

  static String visitorId(long index) {
    return String.format(Locale.ROOT, "v%09d", index);
  }

  /** A FROM item with one BIGINT column {@code i} from 0 to {@code n - 1}. */
  private String range(long n) {
    return range(0, n);
  }

  /** An instant {@code seconds} (an SQL expression) after a UTC base 'YYYY-MM-DD HH:MM:SS'. */
  String at(String base, String seconds) {
    return switch (kind) {
      case POSTGRESQL ->
          "(TIMESTAMPTZ '" + base + "+00' + (" + seconds + ") * INTERVAL '1 second')";
      case MARIADB -> "(TIMESTAMP '" + base + "' + INTERVAL (" + seconds + ") SECOND)";
      case H2 -> "DATEADD(SECOND, " + seconds + ", TIMESTAMP WITH TIME ZONE '" + base + "+00')";
    };
  }

  static String padded(String prefix, String number, int width) {
    return "CONCAT('" + prefix + "', LPAD(CONCAT('', " + number + "), " + width + ", '0'))";
  }

  /**
   * Loads the partners, codes and rate versions, and the clicks and the ledger if asked.
   *
   * @param ds the database
   * @param touches whether to load the clicks
   * @param ledger whether to load the ledger entries
   */
  void load(DataSource ds, boolean touches, boolean ledger) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      time(
          "partners and codes",
          s,
          "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
              + " status_changed_at, payout_iban, payout_holder_name, version) SELECT "
              + padded("p", "i", 8)
              + ", "
              + padded("acct-", "i", 8)
              + ", 'ACTIVE', "
              + at("2026-01-01 00:00:00", "0")
              + ", "
              + at("2026-01-01 00:00:00", "0")
              + ", '"
              + IBAN
              + "', CONCAT('Partner ', i), 1 FROM "
              + range(partners),
          "INSERT INTO pp_referral_code (code, partner_id, vanity, issued_at) SELECT "
              + padded("BP", "i", 8)
              + ", "
              + padded("p", "i", 8)
              + ", FALSE, "
              + at("2026-01-01 00:00:00", "0")
              + " FROM "
              + range(partners));
      time(
          "rate versions",
          s,
          "INSERT INTO pp_rate_version (partner_id, version_number, effective_from, created_at)"
              + " SELECT '', i + 1, "
              + at("2024-01-01 00:00:00", "i * 3600")
              + ", "
              + at("2024-01-01 00:00:00", "i * 3600")
              + " FROM "
              + range(RATE_VERSIONS),
          "INSERT INTO pp_rate (partner_id, version_number, target_kind, target_id, rate_kind,"
              + " percentage) SELECT '', i + 1, 'GROUP', 'shared-hosting', 'PERCENTAGE', 25 FROM "
              + range(RATE_VERSIONS),
          "INSERT INTO pp_rate (partner_id, version_number, target_kind, target_id, rate_kind,"
              + " percentage) SELECT '', i + 1, 'PRODUCT', 'vps-m', 'PERCENTAGE', 12.5 FROM "
              + range(RATE_VERSIONS));
      String partnerOfTouch = "MOD(i, " + partners + ")";
      if (touches) {
        time(
            scale + " touches",
            s,
            "INSERT INTO pp_touch (visitor_id, code, partner_id, touched_at) SELECT "
                + padded("v", "MOD(i, " + visitors + ")", 9)
                + ", "
                + padded("BP", partnerOfTouch, 8)
                + ", "
                + padded("p", partnerOfTouch, 8)
                + ", "
                + at("2026-11-01 00:00:00", "MOD(i, 1000000)")
                + " FROM "
                + range(scale));
      }
      StringBuilder partnerOfEntry = new StringBuilder("CASE");
      long upTo = 0;
      for (int p = 0; p < bigPartnerLines.length; p++) {
        upTo += bigPartnerLines[p];
        partnerOfEntry.append(" WHEN i < ").append(upTo).append(" THEN ").append(p);
      }
      partnerOfEntry
          .append(" ELSE ")
          .append(bigPartnerLines.length)
          .append(" + MOD(i, ")
          .append(partners - bigPartnerLines.length)
          .append(") END");
      if (ledger) {
        time(
            (scale + bigPartnerEntries) + " ledger entries and their open rows",
            s,
            entries(
                range(scale + bigPartnerEntries),
                partnerOfEntry.toString(),
                "'EARNED'",
                "1.25 + MOD(i, 100)",
                at("2026-10-02 00:00:00", "MOD(i, 2000000)")));
        // The partners' totals by kind (V12), as the SDK keeps them beside its entries: what a
        // balance reads instead of the entries.
        time(
            "the partners' totals",
            s,
            "INSERT INTO pp_partner_total (partner_id, currency_code, stripe, accrued, cancelled,"
                + " earned, reversed) SELECT partner_id, currency_code, 0,"
                + " SUM(CASE WHEN kind = 'ACCRUED' THEN amount ELSE 0 END),"
                + " SUM(CASE WHEN kind = 'CANCELLED' THEN amount ELSE 0 END),"
                + " SUM(CASE WHEN kind = 'EARNED' THEN amount ELSE 0 END),"
                + " SUM(CASE WHEN kind = 'REVERSED' THEN amount ELSE 0 END)"
                + " FROM pp_ledger_entry GROUP BY partner_id, currency_code");
      }
      time(
          "statistics",
          s,
          switch (kind) {
            // VACUUM as after any bulk load: it sets the visibility map that index-only scans
            // need. Left to autovacuum, it lands at an unpredictable point of the run, and the
            // plans (the SDK's and the baselines') flip between runs with it.
            case POSTGRESQL -> "VACUUM ANALYZE";
            case MARIADB ->
                "ANALYZE TABLE pp_partner, pp_referral_code, pp_touch, pp_ledger_entry,"
                    + " pp_open_entry, pp_partner_total, pp_rate_version, pp_rate";
            case H2 -> "ANALYZE";
          });
      s.execute("CREATE TABLE bench_insert (id BIGINT NOT NULL PRIMARY KEY, payload VARCHAR(100))");
    }
  }

  /**
   * The two statements that bulk-load ledger entries as the SDK writes them: the entries, and for
   * each EARNED or REVERSED one its open row ({@code pp_open_entry}, V11: in no payout yet, so a
   * close pays it), made from the same series so that no statement reads the ledger back. Entry
   * {@code i} gets the entry id, order and event {@code i}, and is payable (and occurred and
   * recorded) at {@code when}.
   *
   * @param from a FROM item with a BIGINT column {@code i} ({@link #range})
   * @param partnerOfEntry the partner's index, an SQL expression of {@code i}
   * @param kind 'EARNED' or 'REVERSED', an SQL expression of {@code i}
   * @param amount the (unsigned) amount, an SQL expression of {@code i}
   * @param when the instant, an SQL expression of {@code i} ({@link #at})
   */
  String[] entries(String from, String partnerOfEntry, String kind, String amount, String when) {
    return new String[] {
      "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
          + " kind, amount, currency_code, base_amount, base_currency, occurred_at, payable_at,"
          + " source_event_id, recorded_at) SELECT "
          + entryId()
          + ", "
          + padded("8000000000004000", "i", 16)
          + ", "
          + padded("p", partnerOfEntry, 8)
          + ", "
          + padded("bo-", "i", 10)
          + ", 1, "
          + kind
          + ", "
          + amount
          + ", 'EUR', 10 + MOD(i, 100) * 8, 'EUR', "
          + when
          + ", "
          + when
          + ", "
          + padded("be-", "i", 10)
          + ", "
          + when
          + " FROM "
          + from,
      "INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)"
          + " SELECT "
          + padded("p", partnerOfEntry, 8)
          + ", "
          + entryId()
          + ", "
          + when
          + ", 'EUR', CASE WHEN "
          + kind
          + " = 'EARNED' THEN "
          + amount
          + " ELSE -("
          + amount
          + ") END FROM "
          + from
    };
  }

  private static String entryId() {
    return padded("00000000-0000-4000-8000-", "i", 12);
  }

  /**
   * A FROM item with one BIGINT column {@code i} from {@code first} to {@code first + n - 1}.
   *
   * @param first the first value
   * @param n how many
   * @return the FROM item
   */
  String range(long first, long n) {
    long last = first + n - 1;
    return switch (kind) {
      case POSTGRESQL -> "generate_series(" + first + ", " + last + ") AS s(i)";
      case MARIADB -> "(SELECT seq AS i FROM seq_" + first + "_to_" + last + ") s";
      case H2 -> "(SELECT \"X\" AS i FROM SYSTEM_RANGE(" + first + ", " + last + ")) s";
    };
  }

  /**
   * Statistics again after the JIT warm-up, as autovacuum would take them on a running system. The
   * warm-up's thousands of orders land in tables analysed empty, and PostgreSQL keeps the generic
   * plans it made while they were: an order read by its key stayed a sequential scan of every order
   * (0.7 ms of a payment, auto_explain) until statistics changed.
   */
  void analyzeAfterWarmUp(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      time(
          "statistics after the warm-up",
          s,
          switch (kind) {
            case POSTGRESQL, H2 -> "ANALYZE";
            case MARIADB ->
                "ANALYZE TABLE pp_order, pp_order_line, pp_commission_line, pp_attribution,"
                    + " pp_ledger_entry, pp_processed_event, pp_outbox";
          });
    }
  }

  static String orderCustomer(long index) {
    return String.format(Locale.ROOT, "oc-%08d", index);
  }

  /**
   * Stores {@code count} customers ({@link #orderCustomer}) already attributed to partners other
   * than the big ones, so their orders earn.
   */
  void attributeOrderCustomers(DataSource ds, long count) throws SQLException {
    String partnerOf =
        bigPartnerLines.length + " + MOD(i, " + (partners - bigPartnerLines.length) + ")";
    String when = at("2026-11-10 00:00:00", "0");
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      c.setAutoCommit(true);
      time(
          count + " attributed customers",
          s,
          "INSERT INTO pp_attribution (customer_account_id, outcome, partner_id,"
              + " decided_partner_id, code, touched_at, attribution_rule, visitor_id,"
              + " new_customer, customer_iban_given, signup_at, decided_at) SELECT "
              + padded("oc-", "i", 8)
              + ", 'ATTRIBUTED', "
              + padded("p", partnerOf, 8)
              + ", "
              + padded("p", partnerOf, 8)
              + ", "
              + padded("BP", partnerOf, 8)
              + ", "
              + when
              + ", 'LAST_TOUCH', 'visitor', TRUE, FALSE, "
              + when
              + ", "
              + when
              + " FROM "
              + range(count));
    }
  }

  static void time(String what, Statement s, String... statements) throws SQLException {
    long start = System.nanoTime();
    for (String sql : statements) {
      s.execute(sql);
    }
    System.out.printf(
        Locale.ROOT, "  loaded %s in %.1f s%n", what, (System.nanoTime() - start) / 1e9);
  }
}
