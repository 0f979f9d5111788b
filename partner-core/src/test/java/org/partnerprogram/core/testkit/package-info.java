/**
 * The kit for test authors and integrators, published in partner-core's test-jar: {@link
 * org.partnerprogram.core.testkit.Gens} (QuickTheories generators for money, rates and IBANs),
 * {@link org.partnerprogram.core.testkit.MutableClock} (a clock tests move), {@link
 * org.partnerprogram.core.testkit.ProgramFixture} (a programme with a Dutch hosting rate card and
 * one partner on any storage) and {@link org.partnerprogram.core.testkit.SepaSchemas} (validates
 * pain.001 files; needs hbci4j-core in test scope). The storage contract tests live in {@code
 * org.partnerprogram.core.port.out.contract}.
 */
package org.partnerprogram.core.testkit;
