package org.partnerprogram.jdbc.migration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.jdbc.JdbcMigrations;
import org.partnerprogram.jdbc.support.TestDatabase;

/**
 * V17 over partners and payouts an earlier release stored: every row keeps its values; afterwards a
 * partner may be ERASED and a settled payout may lose its account, while a payout on its way must
 * keep it and a payout may not keep half an account. Each database runs it through a subclass on a
 * database of its own, migrated to V16 first.
 */
abstract class AbstractPartnerErasureMigrationTest {
  private static final String AT = "TIMESTAMP '2016-03-15 10:15:30'";

  /** A database of the subclass's kind, migrated to V16 only. */
  abstract TestDatabase database();

  @Test
  void storedRowsKeepTheirValuesAndOnlyASettledPayoutMayLoseItsAccount() throws Exception {
    DataSource db = database().dataSource();
    MigrationSql.execute(
        db,
        "INSERT INTO pp_partner (partner_id, customer_account_id, status, enrolled_at,"
            + " status_changed_at, payout_iban, payout_holder_name, version) VALUES ('p-1', 'c-1',"
            + " 'TERMINATED', "
            + AT
            + ", "
            + AT
            + ", 'NL91ABNA0417164300', 'Jan', 3)");
    for (String[] payout : new String[][] {{"PO-PAID", "PAID"}, {"PO-CREATED", "CREATED"}}) {
      MigrationSql.execute(
          db,
          "INSERT INTO pp_payout (payout_id, partner_id, period, amount, currency_code, iban,"
              + " holder_name, status, created_at, status_changed_at) VALUES ('"
              + payout[0]
              + "', 'p-1', '2016-02', 25.0000, 'EUR', 'NL91ABNA0417164300', 'Jan', '"
              + payout[1]
              + "', "
              + AT
              + ", "
              + AT
              + ")");
    }

    JdbcMigrations.migrate(db);

    assertThat(
            MigrationSql.text(db, "SELECT holder_name FROM pp_payout WHERE payout_id = 'PO-PAID'"))
        .isEqualTo("Jan");
    assertThat(MigrationSql.text(db, "SELECT status FROM pp_partner WHERE partner_id = 'p-1'"))
        .isEqualTo("TERMINATED");
    MigrationSql.execute(
        db,
        "UPDATE pp_partner SET status = 'ERASED', payout_iban = NULL,"
            + " payout_holder_name = NULL WHERE partner_id = 'p-1'");
    MigrationSql.execute(
        db, "UPDATE pp_payout SET iban = NULL, holder_name = NULL WHERE payout_id = 'PO-PAID'");
    assertThat(MigrationSql.text(db, "SELECT status FROM pp_partner WHERE partner_id = 'p-1'"))
        .isEqualTo("ERASED");
    assertThat(MigrationSql.text(db, "SELECT iban FROM pp_payout WHERE payout_id = 'PO-PAID'"))
        .isNull();
    assertThatThrownBy(
            () ->
                MigrationSql.execute(
                    db,
                    "UPDATE pp_payout SET iban = NULL, holder_name = NULL"
                        + " WHERE payout_id = 'PO-CREATED'"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                MigrationSql.execute(
                    db, "UPDATE pp_payout SET iban = NULL WHERE payout_id = 'PO-CREATED'"))
        .isInstanceOf(SQLException.class);
    assertThatThrownBy(
            () ->
                MigrationSql.execute(
                    db, "UPDATE pp_partner SET status = 'GONE' WHERE partner_id = 'p-1'"))
        .isInstanceOf(SQLException.class);
    assertThat(MigrationSql.text(db, "SELECT iban FROM pp_payout WHERE payout_id = 'PO-CREATED'"))
        .isEqualTo("NL91ABNA0417164300");
  }
}
