package org.partnerprogram.core.domain;

/**
 * The record is not in a state that allows the call: leaving twice, reinstating a partner who left,
 * suspending a partner who is already suspended. Nothing was changed.
 */
public final class IllegalTransitionException extends PartnerProgramException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the current state and the transition that was refused; never null
   */
  public IllegalTransitionException(String message) {
    super(message);
  }
}
