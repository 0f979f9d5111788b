/**
 * The use cases the host calls (inbound ports), one method each, taking a small command record. Get
 * them from {@link org.partnerprogram.core.PartnerProgram}: for example {@code
 * program.enrollPartner().enroll(EnrollPartnerCommand.of("cust-42"))}.
 */
package org.partnerprogram.core.port.in;
