/**
 * A Spring Boot host: the SDK inside a Spring application's own transactions.
 *
 * <p>Entry points: {@link org.partnerprogram.examples.spring.PartnerHostApplication} (the wiring:
 * migrations, storage, programme, clock), {@link
 * org.partnerprogram.examples.spring.SpringHostTransactions} (Spring's open transaction as the
 * adapter's {@link org.partnerprogram.jdbc.HostTransactions}), {@link
 * org.partnerprogram.examples.spring.BillingWebhookController} and {@link
 * org.partnerprogram.examples.spring.Billing} (orders, payments and refunds recorded in the host's
 * {@code @Transactional} work, beside its own invoice row), {@link
 * org.partnerprogram.examples.spring.PartnerPageController} (the partner page as JSON) and {@link
 * org.partnerprogram.examples.spring.MonthClose} (the scheduled monthly close).
 *
 * <p>The storage is {@link org.partnerprogram.jdbc.JdbcProgramStorage#joiningOrOwning}: inside a
 * Spring transaction the SDK's rows commit or roll back with the host's; outside one (the scheduled
 * close, the partner page) the adapter owns a transaction and may retry it.
 *
 * <p>The host's Flyway migrations and the SDK's run in the storage bean ({@link
 * org.partnerprogram.examples.HostFlywayMigrations}: the SDK's with their own history table); Boot
 * 4's Flyway auto-configuration lives in {@code spring-boot-flyway}, which is left out so that
 * nothing migrates twice.
 *
 * <p>Spring is used here only: partner-core and partner-jdbc-adapter stay framework-free. The
 * example is built on Spring Boot 4.0.x: it keeps the SDK's Java 17 baseline (Boot 4 requires 17),
 * and Boot 3.5's open-source support ended in mid-2026. Boot 4.1 and 4.2 were also released when
 * this was written; moving to them is the {@code spring-boot.version} property of partner-examples.
 * Boot 4 ships Jackson 3 for its web layer ({@code tools.jackson}), which lives beside the SDK's
 * Jackson 2 without conflict; Logback is excluded because the examples log through slf4j-simple.
 */
package org.partnerprogram.examples.spring;
