package org.partnerprogram.core.port.out;

/**
 * Hears what a programme does, for the host's metrics, traces and progress bars: the SDK calls it
 * around every call a host makes through {@link org.partnerprogram.core.PartnerProgram}'s groups
 * (one use case, named {@code group.method}, such as {@code commissions.recordPayment}), and while
 * a month's close or a bank export works through its partners or payouts. Set one with {@code
 * PartnerProgram.builder().observer(...)}; the default, {@link #none()}, does nothing.
 *
 * <p>Every method has a default that does nothing, so an observer overrides only what it needs. The
 * SDK calls it on the thread that runs the use case, before and after the use case's own work, so
 * {@link #started} may open a trace span and make it current, and the {@link UseCaseScope} it
 * returns may close it. An observer must be fast and safe for concurrent use; one that throws does
 * not break the use case: the SDK logs the first such failure at WARN and goes on.
 *
 * <p>Nothing the SDK hands to an observer holds personal data, except the exception of a refused or
 * failed use case, whose message may quote the refused input (keep it out of metrics' tags).
 */
public interface ProgramObserver {
  /**
   * The observer that does nothing: the default.
   *
   * @return never null
   */
  static ProgramObserver none() {
    return Nothing.INSTANCE;
  }

  /**
   * A use case starts, on the calling thread.
   *
   * @param useCase its name, {@code group.method} (such as {@code payouts.close}); never null
   * @return what to call once it finished, on the same thread; never null (the default does
   *     nothing)
   */
  default UseCaseScope started(String useCase) {
    return UseCaseScope.NOTHING;
  }

  /**
   * A month's close or a bank export made progress: called after each page of a close (with the
   * partners settled so far) and while an export writes its payouts, on the thread running it. If a
   * unit of work is repeated after a transient failure, its progress starts again from zero.
   *
   * @param progress how far it got; never null
   */
  default void progressed(WorkProgress progress) {}

  /** What the SDK calls when a use case that {@link #started} finished, one way or another. */
  @FunctionalInterface
  interface UseCaseScope {
    /** The scope that does nothing. */
    UseCaseScope NOTHING = outcome -> {};

    /**
     * The use case finished: called exactly once, on the thread that started it.
     *
     * @param outcome how it ended and how long it took; never null
     */
    void finished(UseCaseOutcome outcome);
  }

  /** The observer that does nothing. */
  enum Nothing implements ProgramObserver {
    /** The only one. */
    INSTANCE
  }
}
