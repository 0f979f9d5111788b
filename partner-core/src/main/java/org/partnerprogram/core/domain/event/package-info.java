/**
 * The events the programme publishes: {@link org.partnerprogram.core.domain.event.ProgramEvent} and
 * its records. Events carry ids and codes only, never personal data.
 */
package org.partnerprogram.core.domain.event;
