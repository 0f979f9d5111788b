package org.partnerprogram.core.domain;

/** Which referral click wins when a visitor followed several partners' links within the window. */
public enum AttributionModel {
  /** The most recent click inside the attribution window (the default). */
  LAST_TOUCH,
  /** The earliest click inside the attribution window. */
  FIRST_TOUCH
}
