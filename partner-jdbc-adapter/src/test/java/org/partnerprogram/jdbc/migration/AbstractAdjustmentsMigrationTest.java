package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * V18 over ledger entries an earlier release stored: every entry keeps its values and its order;
 * afterwards an adjustment entry names no order, an order-line entry must still name one, and an
 * adjustment's details need their entry. Each database runs it through a subclass on a database of
 * its own, migrated to V17 first.
 */
abstract class AbstractAdjustmentsMigrationTest {
  private static final String AT = "TIMESTAMP '2016-03-15 10:15:30'";

  /** A database of the subclass's kind, migrated to V17 only. */
  abstract TestDatabase database();

  @Test
  void storedEntriesKeepTheirOrderAndOnlyAnAdjustmentMayNameNone() throws Exception {
    DataSource db = database().dataSource();
    MigrationSql.execute(db, entry("e-earned", "'o-1'", 1, "EARNED", AT));

    JdbcMigrations.migrate(db);

    assertThat(
            MigrationSql.text(
                db, "SELECT order_id FROM pp_ledger_entry WHERE entry_id = 'e-earned'"))
        .isEqualTo("o-1");
    MigrationSql.execute(db, entry("e-credit", "NULL", 0, "CREDITED", AT));
    MigrationSql.execute(db, entry("e-written", "NULL", 0, "WRITTEN_OFF", AT));
    MigrationSql.execute(
        db,
        "INSERT INTO pp_adjustment (adjustment_id, entry_id, partner_id, type, amount,"
            + " currency_code, ref_order_id, ref_line_number, actor, reason, booked_at) VALUES"
            + " ('adj-1', 'e-credit', 'p-1', 'ADJUSTMENT', -2.5000, 'EUR', 'o-1', 1, 'alice',"
            + " 'double-counted', "
            + AT
            + ")");
    assertThat(
            MigrationSql.text(db, "SELECT reason FROM pp_adjustment WHERE adjustment_id = 'adj-1'"))
        .isEqualTo("double-counted");
    // an order-line movement without its order, an adjustment with one, an unknown kind
    assertThatThrownBy(() -> MigrationSql.execute(db, entry("e-bad-1", "NULL", 1, "EARNED", AT)))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> MigrationSql.execute(db, entry("e-bad-2", "'o-1'", 0, "DEBITED", AT)))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(() -> MigrationSql.execute(db, entry("e-bad-3", "NULL", 0, "GIFTED", AT)))
        .isInstanceOf(SQLException.class);
    // details without their entry; a write-off that takes; half a reference
    assertThatThrownBy(
            () -> MigrationSql.execute(db, adjustment("adj-2", "e-none", "ADJUSTMENT", "1.0000")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                MigrationSql.execute(db, adjustment("adj-3", "e-written", "WRITE_OFF", "-1.0000")))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                MigrationSql.execute(
                    db,
                    "INSERT INTO pp_adjustment (adjustment_id, entry_id, partner_id, type, amount,"
                        + " currency_code, ref_order_id, actor, reason, booked_at) VALUES ('adj-4',"
                        + " 'e-written', 'p-1', 'ADJUSTMENT', 1.0000, 'EUR', 'o-1', 'a', 'r', "
                        + AT
                        + ")"))
        .isInstanceOf(SQLException.class);
  }

  private static String entry(String id, String orderId, int line, String kind, String at) {
    boolean payable = !kind.equals("ACCRUED") && !kind.equals("CANCELLED");
    return "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
        + " kind, amount, currency_code, base_amount, base_currency, occurred_at, payable_at,"
        + " source_event_id, recorded_at) VALUES ('"
        + id
        + "', '"
        + id
        + "', 'p-1', "
        + orderId
        + ", "
        + line
        + ", '"
        + kind
        + "', 2.5000, 'EUR', 10.0000, 'EUR', "
        + at
        + ", "
        + (payable ? at : "NULL")
        + ", 'ev-"
        + id
        + "', "
        + at
        + ")";
  }

  private static String adjustment(String id, String entryId, String type, String amount) {
    return "INSERT INTO pp_adjustment (adjustment_id, entry_id, partner_id, type, amount,"
        + " currency_code, actor, reason, booked_at) VALUES ('"
        + id
        + "', '"
        + entryId
        + "', 'p-1', '"
        + type
        + "', "
        + amount
        + ", 'EUR', 'alice', 'reason', "
        + AT
        + ")";
  }
}
