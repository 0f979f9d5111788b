package org.partnerprogram.examples.spring;

import java.time.Clock;
import java.time.Duration;
import javax.sql.DataSource;
import org.partnerprogram.core.PartnerProgram;
import org.partnerprogram.core.RetryPolicy;
import org.partnerprogram.core.domain.ProgramTerms;
import org.partnerprogram.core.domain.PseudonymKey;
import org.partnerprogram.core.domain.ReferralLinkTemplate;
import org.partnerprogram.examples.HostFlywayMigrations;
import org.partnerprogram.jdbc.Dialect;
import org.partnerprogram.jdbc.JdbcProgramStorage;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A Spring Boot host on PostgreSQL ({@code spring.datasource.*}): the SDK joins the host's
 * {@code @Transactional} work and owns a transaction where the host has none. Run it with {@code
 * spring.datasource.url=jdbc:postgresql://...}; {@code partner.month-close.cron} sets when ended
 * months are closed (daily at 03:00 in the programme's zone by default, {@code -} to switch off).
 */
@SpringBootApplication
@EnableScheduling
public class PartnerHostApplication {

  /**
   * Starts the host.
   *
   * @param args Spring Boot's arguments ({@code --spring.datasource.url=...})
   */
  public static void main(String[] args) {
    SpringApplication.run(PartnerHostApplication.class, args);
  }

  /**
   * The clock of the programme and of the month close; a test replaces it.
   *
   * @return the system clock in UTC
   */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  /**
   * The programme's terms: EUR, Europe/Amsterdam, 90-day window (the defaults).
   *
   * @return the terms
   */
  @Bean
  ProgramTerms programTerms() {
    return ProgramTerms.builder()
        .referralLinkTemplate(ReferralLinkTemplate.of("https://www.example-hosting.nl/?ref={code}"))
        .build();
  }

  // tag::spring[]
  @Bean
  JdbcProgramStorage partnerStorage(DataSource dataSource) {
    // The host's Flyway (db/host), then the SDK's tables with their own history table.
    HostFlywayMigrations.migrate(dataSource, "classpath:db/host", Dialect.POSTGRESQL);
    // In a Spring transaction: joins it. Outside one: owns one, as create(dataSource) does.
    return JdbcProgramStorage.joiningOrOwning(dataSource, new SpringHostTransactions(dataSource));
  }

  @Bean
  PartnerProgram partnerProgram(
      JdbcProgramStorage storage,
      ProgramTerms terms,
      Clock clock,
      @Value("${partner.pseudonym-key}") String pseudonymKey) { // env PARTNER_PSEUDONYM_KEY
    return PartnerProgram.builder()
        .pseudonymKey(PseudonymKey.fromBase64(pseudonymKey))
        .terms(terms)
        .storage(storage)
        .clock(clock)
        .retry(RetryPolicy.of(3, Duration.ofMillis(20), Duration.ofMillis(500))) // owned units only
        .build();
  }
  // end::spring[]
}
