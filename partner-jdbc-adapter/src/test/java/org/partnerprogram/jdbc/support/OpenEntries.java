package org.partnerprogram.jdbc.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The open entries (V11) reconciled with the ledger: {@code pp_open_entry} holds exactly the EARNED
 * and REVERSED entries that no payout holds, each with its partner, payable instant, currency and
 * signed amount. The close reads only that table, so a row missing there is an entry never paid and
 * a row too many is an entry paid twice.
 */
public final class OpenEntries {
  private OpenEntries() {}

  /** The entries that should be open and are not, or are open and should not be (entry ids). */
  public static void assertReconciled(DataSource db) throws SQLException {
    try (Connection c = db.getConnection()) {
      List<String> missing =
          ids(
              c,
              "SELECT e.entry_id FROM pp_ledger_entry e WHERE e.kind IN ('EARNED', 'REVERSED')"
                  + " AND NOT EXISTS (SELECT 1 FROM pp_payout_item i WHERE i.entry_id = e.entry_id)"
                  + " AND NOT EXISTS (SELECT 1 FROM pp_open_entry o WHERE o.entry_id = e.entry_id"
                  + " AND o.partner_id = e.partner_id AND o.payable_at = e.payable_at"
                  + " AND o.currency_code = e.currency_code AND o.signed_amount ="
                  + " CASE WHEN e.kind = 'EARNED' THEN e.amount ELSE -e.amount END)");
      List<String> extra =
          ids(
              c,
              "SELECT o.entry_id FROM pp_open_entry o WHERE EXISTS (SELECT 1 FROM pp_payout_item i"
                  + " WHERE i.entry_id = o.entry_id) OR NOT EXISTS (SELECT 1 FROM pp_ledger_entry e"
                  + " WHERE e.entry_id = o.entry_id AND e.kind IN ('EARNED', 'REVERSED'))");
      assertThat(missing).as("payable entries in no payout but not open").isEmpty();
      assertThat(extra).as("open rows of entries paid or not payable").isEmpty();
    }
  }

  private static List<String> ids(Connection c, String query) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(query)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }
}
