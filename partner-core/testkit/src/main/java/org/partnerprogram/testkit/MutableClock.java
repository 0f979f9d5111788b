package org.partnerprogram.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/** A clock for tests that stands still until told to move. Safe for concurrent use. */
public final class MutableClock extends Clock {
  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private MutableClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /**
   * A clock standing at the given instant, in UTC.
   *
   * @param start the instant
   * @return the clock
   */
  public static MutableClock at(Instant start) {
    return new MutableClock(new AtomicReference<>(start), ZoneOffset.UTC);
  }

  /**
   * A clock standing at the given ISO-8601 instant, in UTC.
   *
   * @param start such as {@code 2026-11-01T10:00:00Z}
   * @return the clock
   */
  public static MutableClock at(String start) {
    return at(Instant.parse(start));
  }

  /**
   * Moves the clock forward.
   *
   * @param amount how far
   */
  public void advance(Duration amount) {
    now.updateAndGet(i -> i.plus(amount));
  }

  /**
   * Sets the clock.
   *
   * @param instant the new instant
   */
  public void set(Instant instant) {
    now.set(instant);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new MutableClock(now, newZone);
  }

  @Override
  public Instant instant() {
    return now.get();
  }
}
