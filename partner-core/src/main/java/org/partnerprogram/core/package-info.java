/**
 * The partner programme SDK. Start at {@link org.partnerprogram.core.PartnerProgram#builder()}:
 * give it {@link org.partnerprogram.core.domain.ProgramTerms} and a {@link
 * org.partnerprogram.core.port.out.ProgramStorage} (the in-memory one in {@code adapter.memory}, or
 * the JDBC adapter), then call the use cases it hands out.
 */
package org.partnerprogram.core;
