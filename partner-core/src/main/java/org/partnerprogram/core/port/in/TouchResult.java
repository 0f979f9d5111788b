package org.partnerprogram.core.port.in;

import java.util.Objects;
import org.partnerprogram.core.domain.Touch;

/**
 * What became of a click. An unknown or revoked code, or a code of a partner who is not active, is
 * not an error for a landing page: nothing is stored and the page renders as usual.
 */
public sealed interface TouchResult permits TouchResult.Recorded, TouchResult.Ignored {

  /** Why a click was not recorded. */
  enum Why {
    /** The code was never issued. */
    UNKNOWN_CODE,
    /** The code was revoked. */
    CODE_REVOKED,
    /** The code's partner is suspended or has left. */
    PARTNER_NOT_ACTIVE
  }

  /**
   * The click was stored.
   *
   * @param touch the stored touch; never null
   */
  record Recorded(Touch touch) implements TouchResult {
    /** Checks for null. */
    public Recorded {
      Objects.requireNonNull(touch, "touch");
    }
  }

  /**
   * The click was not stored.
   *
   * @param why the reason; never null
   */
  record Ignored(Why why) implements TouchResult {
    /** Checks for null. */
    public Ignored {
      Objects.requireNonNull(why, "why");
    }
  }
}
