/**
 * The kit for test authors and integrators, published in partner-core's test-jar: {@link
 * org.partnerprogram.core.testkit.Gens} (QuickTheories generators behind one facade: money, rate
 * tables, orders, valid and corrupted IBANs, referral codes and whole months of events with
 * duplicate and reordered deliveries, each shrinking to small counterexamples), {@link
 * org.partnerprogram.core.testkit.MutableClock} (a clock tests move), {@link
 * org.partnerprogram.core.testkit.ProgramFixture} (a programme with a Dutch hosting rate card and
 * one partner on any storage), {@link org.partnerprogram.core.testkit.ProgrammeModelCheck} (the
 * stateful check a storage adapter runs with one subclass), {@link
 * org.partnerprogram.core.testkit.Invariants} and {@link
 * org.partnerprogram.core.testkit.SepaSchemas} (validates pain.001 files; needs hbci4j-core in test
 * scope). The storage contract tests live in {@code org.partnerprogram.core.port.out.contract}.
 */
package org.partnerprogram.core.testkit;
