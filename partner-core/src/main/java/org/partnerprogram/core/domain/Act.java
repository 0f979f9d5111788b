package org.partnerprogram.core.domain;

/**
 * Who does an administrative act and why: the operator (a person or a job of the host) and the
 * reason, both recorded with the act so that support and finance can later see who changed what.
 * Every administrative method of the programme (suspending a partner, booking an adjustment,
 * closing a month, marking a payout paid, ...) takes one.
 *
 * <pre>{@code
 * program.partners().suspend(partnerId, Act.by("alice@host.example", "fraud review #4711"));
 * }</pre>
 *
 * @param actor who acts: 1 to {@value #MAX_ACTOR_LENGTH} characters, letters, digits and {@code - _
 *     . : @ / +} (an operator's login, an e-mail address, {@code job:monthly-close})
 * @param reason why: 1 to {@value #MAX_REASON_LENGTH} characters of free text without control
 *     characters
 */
public record Act(String actor, String reason) {
  /** The longest actor, in characters. */
  public static final int MAX_ACTOR_LENGTH = 100;

  /** The longest reason, in characters (Unicode code points). */
  public static final int MAX_REASON_LENGTH = 200;

  /**
   * Checks both parts.
   *
   * @throws InvalidInputException if the actor is not an identifier of at most {@value
   *     #MAX_ACTOR_LENGTH} characters, or the reason is blank, too long or has control characters
   */
  public Act {
    Text.identifier("actor", actor, MAX_ACTOR_LENGTH);
    Text.freeText("reason", reason, MAX_REASON_LENGTH);
  }

  /**
   * An act by an operator for a reason.
   *
   * @param actor who acts; see {@link Act}
   * @param reason why; see {@link Act}
   * @return the act
   * @throws InvalidInputException if a part is invalid
   */
  public static Act by(String actor, String reason) {
    return new Act(actor, reason);
  }
}
