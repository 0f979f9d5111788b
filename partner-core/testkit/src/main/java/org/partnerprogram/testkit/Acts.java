package org.partnerprogram.testkit;

import org.partnerprogram.core.domain.Act;

/** Acts for tests: who an operator method is called by when the test is not about who. */
public final class Acts {
  /** The actor of {@link #TEST} and {@link #because}. */
  public static final String TEST_ACTOR = "test:operator";

  /** An act by {@value #TEST_ACTOR} for a test. */
  public static final Act TEST = Act.by(TEST_ACTOR, "test");

  private Acts() {}

  /**
   * An act by {@value #TEST_ACTOR} for a reason.
   *
   * @param reason the reason; see {@link Act}
   * @return the act
   * @throws org.partnerprogram.core.domain.InvalidInputException if the reason is invalid
   */
  public static Act because(String reason) {
    return Act.by(TEST_ACTOR, reason);
  }
}
