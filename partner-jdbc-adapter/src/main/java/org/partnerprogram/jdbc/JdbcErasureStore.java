package org.partnerprogram.jdbc;

import java.util.Optional;
import org.partnerprogram.core.domain.CustomerAccountId;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.port.out.ErasureStore;

/**
 * {@link ErasureStore} over {@code pp_customer_erasure} (V15), keyed by the pseudonym: a duplicate
 * insert is caught as the processed-event claim is ({@code ON CONFLICT DO NOTHING} on PostgreSQL,
 * the duplicate-key error elsewhere).
 */
final class JdbcErasureStore implements ErasureStore {
  private final Sql sql;

  /**
   * Creates the store.
   *
   * @param sql the helpers of the storage's transaction boundary
   */
  public JdbcErasureStore(Sql sql) {
    this.sql = sql;
  }

  @Override
  public boolean insertCustomerErasure(CustomerErasure erasure) {
    return sql.run(
        "recording a customer's erasure",
        c ->
            Jdbc.insertUnlessDuplicate(
                c,
                "INSERT INTO pp_customer_erasure (pseudonym, erased_at, attribution_rows,"
                    + " order_rows, click_rows, event_rows) VALUES (?, ?, ?, ?, ?, ?)"
                    + sql.onConflictDoNothing(),
                ps -> {
                  ps.setString(1, erasure.pseudonym().value());
                  sql.setInstant(ps, 2, "erasedAt", erasure.erasedAt());
                  ps.setInt(3, erasure.attributionRows());
                  ps.setInt(4, erasure.orderRows());
                  ps.setInt(5, erasure.clickRows());
                  ps.setInt(6, erasure.eventRows());
                }));
  }

  @Override
  public Optional<CustomerErasure> findCustomerErasure(CustomerAccountId pseudonym) {
    return sql.run(
        "reading a customer's erasure",
        c ->
            Jdbc.queryFirst(
                c,
                "SELECT erased_at, attribution_rows, order_rows, click_rows, event_rows"
                    + " FROM pp_customer_erasure WHERE pseudonym = ?",
                ps -> ps.setString(1, pseudonym.value()),
                rs ->
                    new CustomerErasure(
                        pseudonym,
                        sql.getRequiredInstant(rs, "erased_at"),
                        rs.getInt("attribution_rows"),
                        rs.getInt("order_rows"),
                        rs.getInt("click_rows"),
                        rs.getInt("event_rows"))));
  }
}
