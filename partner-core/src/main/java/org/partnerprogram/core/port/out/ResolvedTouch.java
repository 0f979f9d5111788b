package org.partnerprogram.core.port.out;

import java.util.Objects;
import org.partnerprogram.core.domain.IssuedCode;
import org.partnerprogram.core.domain.Partner;
import org.partnerprogram.core.domain.Touch;

/**
 * A click together with what storage holds now about its code and that code's partner: the facts an
 * attribution decision needs about one click, read in one go by {@link
 * ProgramStorage#resolvedTouches}.
 *
 * @param touch the click as stored; never null
 * @param code the click's code as issued, live or revoked; never null
 * @param partner the partner the code was issued to, as stored now; never null
 */
public record ResolvedTouch(Touch touch, IssuedCode code, Partner partner) {
  /**
   * Checks for nulls and that the three belong together.
   *
   * @throws IllegalArgumentException if the code is not the touch's code or the partner not the
   *     code's partner
   */
  public ResolvedTouch {
    Objects.requireNonNull(touch, "touch");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(partner, "partner");
    if (!code.code().equals(touch.code())) {
      throw new IllegalArgumentException("the issued code is not the code that was clicked");
    }
    if (!partner.id().equals(code.partnerId())) {
      throw new IllegalArgumentException("the partner is not the one the code was issued to");
    }
  }
}
