package org.partnerprogram.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.core.port.in.EnrollPartnerCommand;
import org.partnerprogram.core.port.in.EnrollmentResult;
import org.partnerprogram.jdbc.support.TestDatabase;

/** The snippets of partner-jdbc-adapter/README.md, compiled and run (on H2). */
class ReadmeExamplesTest {
  @RegisterExtension static final TestDatabase DB = TestDatabase.h2();

  private static final ThreadLocal<Connection> HOST_TRANSACTION = new ThreadLocal<>();

  private static ProgramTerms terms() {
    return ProgramTerms.builder()
        .referralLinkTemplate(ReferralLinkTemplate.of("https://example.nl/?ref={code}"))
        .build();
  }

  @Test
  void wiringWithADataSource() {
    DataSource dataSource = DB.emptied();
    ProgramTerms terms = terms();
    // tag::data-source[]
    JdbcMigrations.migrate(dataSource); // or run the migrations with your own Flyway
    JdbcProgramStorage storage = JdbcProgramStorage.create(dataSource);
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(terms)
            .storage(storage)
            .build();

    EnrollmentResult enrolled = program.partners().enroll(EnrollPartnerCommand.of("cust-42"));
    // end::data-source[]
    assertThat(enrolled.outcome()).isEqualTo(EnrollmentResult.Outcome.NEW_PARTNER);
  }

  @Test
  void wiringWithHostManagedTransactions() throws SQLException {
    DataSource dataSource = DB.emptied();
    ProgramTerms terms = terms();
    // tag::joined[]
    // Your framework knows the connection of the current transaction; here a ThreadLocal.
    JdbcProgramStorage storage =
        JdbcProgramStorage.joining(() -> Optional.ofNullable(HOST_TRANSACTION.get()));
    PartnerProgram program =
        PartnerProgram.builder()
            .pseudonymKey(PseudonymKey.of(new byte[32]))
            .terms(terms)
            .storage(storage)
            .build();

    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      HOST_TRANSACTION.set(connection);
      try {
        try (PreparedStatement own =
            connection.prepareStatement("INSERT INTO host_audit (message) VALUES (?)")) {
          own.setString(1, "cust-42 became a partner");
          own.executeUpdate();
        }
        program.partners().enroll(EnrollPartnerCommand.of("cust-42"));
        connection.commit(); // the host's row, the partner and its events, or none of them
      } catch (RuntimeException | SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        HOST_TRANSACTION.remove();
      }
    }
    // end::joined[]
    assertThat(TestDatabase.eventIds(JdbcProgramStorage.create(dataSource))).hasSize(2);
  }

  @Test
  void relayingTheOutbox() {
    DataSource dataSource = DB.emptied();
    JdbcProgramStorage storage = JdbcProgramStorage.create(dataSource);
    PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.of(new byte[32]))
        .terms(terms())
        .storage(storage)
        .build()
        .partners()
        .enroll(EnrollPartnerCommand.of("cust-42"));
    List<String> delivered = new java.util.ArrayList<>();
    // tag::outbox[]
    JdbcOutbox outbox = storage.outboxReader();
    List<OutboxEntry> batch = outbox.unacknowledged(100);
    for (OutboxEntry entry : batch) {
      delivered.add(entry.payload()); // hand it to your broker; consumers dedupe by eventId
    }
    outbox.acknowledge(batch.stream().map(OutboxEntry::sequence).toList());
    // end::outbox[]
    assertThat(delivered).hasSize(2);
    assertThat(outbox.unacknowledged(100)).isEmpty();
  }
}
