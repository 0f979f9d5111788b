package org.partnerprogram.core.port.out;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one use case ended, as a {@link ProgramObserver} hears it.
 *
 * @param useCase its name, {@code group.method} (such as {@code commissions.recordPayment}); never
 *     null
 * @param kind how it ended; never null
 * @param reason for {@link Kind#REFUSED} and {@link Kind#FAILED}, the simple name of the
 *     exception's class (such as {@code InvalidInputException}, {@code NotFoundException}, {@code
 *     IdempotencyConflictException}): a short, fixed vocabulary fit for a metric's tag; empty
 *     otherwise; never null
 * @param error the exception the host received, for {@link Kind#REFUSED} and {@link Kind#FAILED};
 *     its message may quote the refused input; never null
 * @param duration how long the call took, measured by a monotonic ticker ({@link System#nanoTime()}
 *     by default), never by the programme's clock; never null, not negative
 * @param attempts how many times its unit of work ran: 1, or more when the retry policy repeated it
 *     after transient failures; at least 1
 */
public record UseCaseOutcome(
    String useCase,
    Kind kind,
    Optional<String> reason,
    Optional<Throwable> error,
    Duration duration,
    int attempts) {

  /** How a use case ended. */
  public enum Kind {
    /** It did what was asked. */
    SUCCEEDED,
    /**
     * It did nothing because the same event or close had been done before: a payment or refund
     * delivered again, an order event redelivered, a month closed before, a customer already
     * enrolled.
     */
    REDELIVERED,
    /**
     * It was refused with a typed {@link org.partnerprogram.core.domain.PartnerProgramException}
     * for the host to act on (bad input, not found, conflict, idempotency conflict, illegal
     * transition); nothing was written.
     */
    REFUSED,
    /**
     * It failed: storage, a transient failure the retries did not overcome, or a bug (any other
     * exception).
     */
    FAILED
  }

  /**
   * Checks the parts.
   *
   * @throws NullPointerException if a part is null
   * @throws IllegalArgumentException if the duration is negative, attempts below 1, or the reason
   *     and error do not match the kind
   */
  public UseCaseOutcome {
    Objects.requireNonNull(useCase, "useCase");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(error, "error");
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || attempts < 1) {
      throw new IllegalArgumentException(
          "duration and attempts must be positive, were " + duration + " and " + attempts);
    }
    boolean failed = kind == Kind.REFUSED || kind == Kind.FAILED;
    if (failed != reason.isPresent() || failed != error.isPresent()) {
      throw new IllegalArgumentException(
          "a reason and an error go with REFUSED and FAILED only, not with " + kind);
    }
  }
}
