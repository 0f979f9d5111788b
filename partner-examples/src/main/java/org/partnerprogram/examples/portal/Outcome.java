package org.partnerprogram.examples.portal;

import org.partnerprogram.core.domain.InvalidInputException;

/**
 * Where a form action leads: the next page, a message for it (or null), and a sign-in or sign-out.
 */
record Outcome(String next, String flash, String signInAs, boolean signOut) {
  static Outcome to(String next, String flash) {
    return new Outcome(next, flash, null, false);
  }

  static Outcome signIn(String next, String flash, String customerId) {
    return new Outcome(next, flash, customerId, false);
  }

  static Outcome signOut(String next) {
    return new Outcome(next, null, null, true);
  }

  /** Thrown in a transaction to roll it back and still lead somewhere with a message. */
  static final class Undone extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient Outcome outcome;

    Undone(Outcome outcome) {
      super(outcome.flash, null, false, false);
      this.outcome = outcome;
    }
  }

  /** An input error's message without its field name in front (the form says which field). */
  static String reason(InvalidInputException e) {
    String message = e.getMessage();
    String prefix = e.field() + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }
}
