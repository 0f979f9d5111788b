/**
 * The in-memory adapter: {@link org.partnerprogram.core.adapter.memory.InMemoryStorage} implements
 * every outbound port, for tests, demos and single-instance hosts.
 */
package org.partnerprogram.core.adapter.memory;
