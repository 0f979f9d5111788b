package org.partnerprogram.jdbc.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.partnerprogram.core.domain.CustomerErasure;
import org.partnerprogram.core.domain.PartnerErasure;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.partnerprogram.jdbc.support.TestDatabase;
import org.partnerprogram.testkit.CustomerErasureScenario;
import org.partnerprogram.testkit.PartnerErasureScenario;
import org.partnerprogram.testkit.ProgramFixture;

/**
 * After a customer's erasure, no column of any {@code pp_} table holds their account id or any of
 * their visitor ids; after a partner's erasure, none holds the partner's account id, IBANs (nor
 * their last digits), holder names or vanity code; not even inside a longer text (the outbox's JSON
 * payloads included). The tables and columns are read from the database's own catalogue, so a
 * column added by a later migration is scanned without a change here. Each database runs it through
 * a subclass.
 */
abstract class AbstractErasureScanTest {

  /** A migrated database of the subclass's kind. */
  abstract TestDatabase database();

  @Test
  void noColumnOfAnyTableHoldsTheErasedCustomersIdsAfterTheErasure() throws SQLException {
    DataSource dataSource = database().emptied();
    CustomerErasureScenario scenario =
        CustomerErasureScenario.on(JdbcProgramStorage.create(dataSource));
    // the scan finds both ids before the erasure (attribution, order, touch, outbox): it can fail
    assertThat(cellsHolding(dataSource))
        .anyMatch(cell -> cell.startsWith("pp_attribution.customer_account_id"))
        .anyMatch(cell -> cell.startsWith("pp_order.customer_account_id"))
        .anyMatch(cell -> cell.startsWith("pp_touch.visitor_id"))
        .anyMatch(cell -> cell.startsWith("pp_outbox.payload"));

    CustomerErasure erasure = scenario.erase();

    assertThat(cellsHolding(dataSource)).as("cells holding an erased id").isEmpty();
    assertThat(erasure.pseudonym())
        .isEqualTo(ProgramFixture.PSEUDONYM_KEY.pseudonymOf(CustomerErasureScenario.CUSTOMER));
    assertThat(cellsHolding(dataSource, List.of(erasure.pseudonym().value())))
        .contains(
            "pp_attribution.customer_account_id",
            "pp_order.customer_account_id",
            "pp_customer_erasure.pseudonym",
            "pp_outbox.payload");
    assertThat(scenario.booksAsOfBefore()).isEqualTo(scenario.before);
  }

  @Test
  void noColumnOfAnyTableHoldsTheErasedPartnersDataAfterTheErasure() throws SQLException {
    DataSource dataSource = database().emptied();
    PartnerErasureScenario scenario =
        PartnerErasureScenario.on(JdbcProgramStorage.create(dataSource));
    List<String> texts = PartnerErasureScenario.erasedTexts();
    // the scan finds the partner's data before the erasure: it can fail
    assertThat(cellsHolding(dataSource, texts))
        .contains(
            "pp_partner.customer_account_id",
            "pp_partner.payout_iban",
            "pp_partner.payout_holder_name",
            "pp_payout_account_change.iban",
            "pp_payout_account_change.holder_name",
            "pp_payout.iban",
            "pp_payout.holder_name",
            "pp_referral_code.code",
            "pp_touch.code",
            "pp_attribution.code",
            "pp_attribution.typed_code",
            "pp_outbox.payload");

    PartnerErasure erasure = scenario.erase();

    assertThat(cellsHolding(dataSource, texts))
        .as("cells holding the erased partner's data")
        .isEmpty();
    assertThat(cellsHolding(dataSource, List.of(erasure.pseudonym().value())))
        .containsExactlyInAnyOrder("pp_partner.customer_account_id", "pp_outbox.payload");
  }

  /** The cells (as table.column) of every pp_ table that contain an erased id. */
  private static List<String> cellsHolding(DataSource dataSource) throws SQLException {
    return cellsHolding(dataSource, CustomerErasureScenario.erasedTexts());
  }

  /** The cells (as table.column, each once) of every pp_ table that contain one of the texts. */
  private static List<String> cellsHolding(DataSource dataSource, List<String> texts)
      throws SQLException {
    TreeSet<String> found = new TreeSet<>();
    try (Connection c = dataSource.getConnection()) {
      DatabaseMetaData meta = c.getMetaData();
      List<String> tables = new ArrayList<>();
      try (ResultSet rs =
          meta.getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          String table = rs.getString("TABLE_NAME");
          if (table.toLowerCase(Locale.ROOT).startsWith("pp_")) {
            tables.add(table);
          }
        }
      }
      assertThat(tables).as("pp_ tables").hasSizeGreaterThan(20);
      for (String table : tables) {
        try (Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
          int columns = rs.getMetaData().getColumnCount();
          while (rs.next()) {
            for (int i = 1; i <= columns; i++) {
              String value = rs.getString(i);
              if (value != null && texts.stream().anyMatch(value::contains)) {
                found.add(
                    table.toLowerCase(Locale.ROOT)
                        + "."
                        + rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT));
              }
            }
          }
        }
      }
    }
    return List.copyOf(found);
  }
}
