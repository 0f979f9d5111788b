package org.partnerprogram.core.port.in;

import java.util.Objects;
import org.partnerprogram.core.domain.Partner;

/**
 * The outcome of an enrolment.
 *
 * @param partner the partner (new, or the one that existed); never null
 * @param newlyEnrolled true if this call enrolled the account; false if it was a partner already
 */
public record EnrollmentResult(Partner partner, boolean newlyEnrolled) {
  /** Checks for null. */
  public EnrollmentResult {
    Objects.requireNonNull(partner, "partner");
  }
}
