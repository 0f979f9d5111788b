package org.partnerprogram.jdbc.support;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Currency;
import java.util.Optional;
import org.partnerprogram.core.domain.Money;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.Payout;
import org.partnerprogram.core.domain.PayoutAccount;
import org.partnerprogram.core.domain.PayoutId;
import org.partnerprogram.core.domain.PayoutStatus;

/**
 * Rows for tests of the payout store's SQL: ledger entries written straight into the table, as an
 * earlier release or another writer left them, and new payouts to store.
 */
public final class PayoutRows {
  private PayoutRows() {}

  /** A new payout of November 2026 for EUR 0.01, created at 2026-12-01 09:00 UTC. */
  public static Payout payout(String id, String partner) {
    Instant at = Instant.parse("2026-12-01T09:00:00Z");
    return new Payout(
        PayoutId.of(id),
        PartnerId.of(partner),
        YearMonth.of(2026, 11),
        Money.of(new BigDecimal("0.01"), Currency.getInstance("EUR")),
        Optional.of(PayoutAccount.of("NL91ABNA0417164300", "Jan")),
        PayoutStatus.CREATED,
        at,
        at,
        Optional.empty());
  }

  /**
   * A ledger entry in EUR, payable from 2026-11-10 09:00; its order, event and order key come from
   * the id's last twelve characters.
   */
  public static void entry(Connection c, String id, String partner, String kind, String amount)
      throws SQLException {
    execute(
        c,
        "INSERT INTO pp_ledger_entry (entry_id, entry_order, partner_id, order_id, line_number,"
            + " kind, amount, currency_code, base_amount, base_currency, occurred_at, payable_at,"
            + " source_event_id, recorded_at) VALUES ('"
            + id
            + "', '"
            + id.substring(24)
            + "', '"
            + partner
            + "', 'o-"
            + id.substring(24)
            + "', 1, '"
            + kind
            + "', "
            + amount
            + ", 'EUR', 100.00, 'EUR', TIMESTAMP '2026-11-02 09:00:00',"
            + " TIMESTAMP '2026-11-10 09:00:00', 'e-"
            + id.substring(24)
            + "', TIMESTAMP '2026-11-02 09:00:00')");
  }

  /**
   * As {@link #entry}, on a database at V11 or later, with the open row the adapter writes beside
   * an EARNED or REVERSED entry that no payout holds yet ({@code pp_open_entry}).
   */
  public static void openEntry(Connection c, String id, String partner, String kind, String amount)
      throws SQLException {
    entry(c, id, partner, kind, amount);
    execute(
        c,
        "INSERT INTO pp_open_entry (partner_id, entry_id, payable_at, currency_code, signed_amount)"
            + " VALUES ('"
            + partner
            + "', '"
            + id
            + "', TIMESTAMP '2026-11-10 09:00:00', 'EUR', "
            + (kind.equals("REVERSED") ? "-" : "")
            + amount
            + ")");
  }

  /** A payout item as an earlier release or a close wrote it, with the entry's signed amount. */
  public static void item(
      Connection c, String entry, String payout, String partner, String signedAmount)
      throws SQLException {
    execute(
        c,
        "INSERT INTO pp_payout_item (entry_id, payout_id, partner_id, signed_amount) VALUES ('"
            + entry
            + "', '"
            + payout
            + "', '"
            + partner
            + "', "
            + signedAmount
            + ")");
  }

  public static void execute(Connection c, String statement) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }
}
