package org.partnerprogram.examples.portal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that runs with an underlying clock plus an offset that can be moved forward, so that a
 * demo (or a test) can jump to the next month and close the one before. A real host passes {@link
 * Clock#systemUTC()} and has no such button.
 */
public final class DemoClock extends Clock {
  private final Clock base;
  private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

  /**
   * Creates a clock that reads {@code base} until it is moved.
   *
   * @param base the underlying clock; never null
   */
  public DemoClock(Clock base) {
    this.base = Objects.requireNonNull(base, "base");
  }

  /**
   * Moves the clock to an instant; later readings advance from there as the base clock does.
   *
   * @param target the new current instant; never null, not before the current instant
   * @throws IllegalArgumentException if {@code target} lies in the clock's past (time never runs
   *     backwards in the programme)
   */
  public void moveTo(Instant target) {
    offset.updateAndGet(
        current -> {
          Instant now = base.instant().plus(current);
          if (target.isBefore(now)) {
            throw new IllegalArgumentException("cannot move the clock back to " + target);
          }
          return Duration.between(base.instant(), target);
        });
  }

  @Override
  public ZoneId getZone() {
    return base.getZone();
  }

  @Override
  public Clock withZone(ZoneId zone) {
    DemoClock moved = this;
    return zone.equals(getZone())
        ? this
        : new Clock() { // the same moving instant, seen from another zone
          @Override
          public ZoneId getZone() {
            return zone;
          }

          @Override
          public Clock withZone(ZoneId other) {
            return moved.withZone(other);
          }

          @Override
          public Instant instant() {
            return moved.instant();
          }
        };
  }

  @Override
  public Instant instant() {
    return base.instant().plus(offset.get());
  }
}
