/**
 * The kit for test authors and integrators, the artifact {@code partner-testkit}: {@link
 * org.partnerprogram.testkit.Gens} (QuickTheories generators behind one facade: money, rate tables,
 * orders, valid and corrupted IBANs, referral codes and whole months of events with duplicate and
 * reordered deliveries, each shrinking to small counterexamples), {@link
 * org.partnerprogram.testkit.MutableClock} (a clock tests move), {@link
 * org.partnerprogram.testkit.ProgramFixture} (a programme with a Dutch hosting rate card and one
 * partner on any storage), {@link org.partnerprogram.testkit.ProgrammeModelCheck} (the stateful
 * check a storage adapter runs with one subclass), {@link org.partnerprogram.testkit.Invariants}
 * and {@link org.partnerprogram.testkit.SepaSchemas} (validates pain.001 files against the XSDs of
 * hbci4j-core, a dependency of the kit). The storage contract tests live in {@code
 * org.partnerprogram.testkit.contract}.
 */
package org.partnerprogram.testkit;
