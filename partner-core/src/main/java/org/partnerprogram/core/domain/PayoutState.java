package org.partnerprogram.core.domain;

/**
 * Where a payout stands, in the words a partner needs: on its way until the host confirms the bank
 * paid it, then paid, or failed (the money went back to the partner's balance). {@link
 * PayoutStatus} keeps the finer lifecycle (a payout on its way is CREATED, then EXPORTED to a bank
 * file); a partner sees no difference between the two, since neither means the money arrived.
 */
public enum PayoutState {
  /** In a payout that is on its way: made by a close, perhaps in a bank file, not confirmed. */
  ON_ITS_WAY("on its way (in a payout, not yet confirmed paid)"),
  /** The host confirmed that the bank paid it. */
  PAID("paid (confirmed)"),
  /** The bank rejected it; the amount went back to the partner's balance. */
  FAILED("failed: the amount went back to your balance and is paid with a later month");

  private final String words;

  PayoutState(String words) {
    this.words = words;
  }

  /**
   * The state of a payout with a status.
   *
   * @param status the status; never null
   * @return ON_ITS_WAY for CREATED and EXPORTED, PAID, or FAILED
   */
  public static PayoutState of(PayoutStatus status) {
    return switch (status) {
      case CREATED, EXPORTED -> ON_ITS_WAY;
      case PAID -> PAID;
      case FAILED -> FAILED;
    };
  }

  /**
   * The state as a partner reads it.
   *
   * @return a short English phrase
   */
  public String words() {
    return words;
  }
}
