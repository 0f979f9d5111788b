package org.partnerprogram.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.PartnerId;
import org.partnerprogram.core.domain.ReferralCode;

/**
 * Storage of issued referral codes. Codes are unique case-insensitively; {@link ReferralCode} is
 * already upper case, so an adapter that stores {@link ReferralCode#value()} may compare exactly,
 * but must enforce uniqueness in storage (a unique key), so that two instances racing cannot both
 * issue one code.
 */
public interface ReferralCodeStore {

  /**
   * Stores a newly issued code unless the code exists.
   *
   * @param code the code, live; never null
   * @return true if stored; false, writing nothing, if the code is taken (by any partner, live or
   *     revoked: a revoked code is never reissued), also when taken concurrently
   */
  boolean insert(IssuedCode code);

  /**
   * Looks a code up.
   *
   * @param code the code; never null
   * @return the issued code, live or revoked, or empty if it was never issued
   */
  Optional<IssuedCode> find(ReferralCode code);

  /**
   * Every code issued to a partner.
   *
   * @param partnerId the partner; never null
   * @return the codes, live and revoked, ordered by issue time and then by code; empty if none
   */
  List<IssuedCode> findByPartner(PartnerId partnerId);

  /**
   * Marks a live code revoked.
   *
   * @param code the code; never null
   * @param at the revocation instant; never null
   * @return true if the code was live and is now revoked; false, writing nothing, if it does not
   *     exist or was revoked already
   */
  boolean revoke(ReferralCode code, Instant at);

  /**
   * Gives a revoked code another text (an erased partner's vanity code, replaced by its pseudonym);
   * partner, kind and instants stay. From then on the code is found under the replacement only.
   *
   * @param code the code; never null, revoked
   * @param replacement its new text; never null, not a stored code
   * @return true if replaced; false, writing nothing, if {@code code} does not exist or is live
   * @throws org.partnerprogram.core.domain.ConflictException if {@code replacement} is a stored
   *     code
   */
  boolean replaceCode(ReferralCode code, ReferralCode replacement);
}
