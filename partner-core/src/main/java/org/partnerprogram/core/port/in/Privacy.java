package org.partnerprogram.core.port.in;

/**
 * What the programme keeps about people, and how it forgets: the retention the SDK enforces, the
 * erasure of a referred customer or a partner, and a partner's data as one document (GDPR arts. 15,
 * 17 and 20). Every identifier the SDK pseudonymises goes through the programme's {@link
 * org.partnerprogram.core.domain.PseudonymKey}. The inventory of what is stored and published, with
 * purposes and retention, is {@code partner-jdbc-adapter/PRIVACY.md}.
 */
public interface Privacy {}
