/**
 * The storage contract every adapter must pass, shipped in partner-core's test-jar: extend {@link
 * org.partnerprogram.core.port.out.contract.ProgramStorageContractTest} with a subclass that hands
 * out fresh, empty storage and the ids of the events it committed.
 */
package org.partnerprogram.core.port.out.contract;
