/**
 * The storage contract every adapter must pass, shipped in the test kit: extend {@link
 * org.partnerprogram.testkit.contract.ProgramStorageContractTest} with a subclass that hands out
 * fresh, empty storage and the ids of the events it committed.
 */
package org.partnerprogram.testkit.contract;
