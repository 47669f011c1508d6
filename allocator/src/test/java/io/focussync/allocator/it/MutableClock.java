package io.focussync.allocator.it;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move; it follows the system clock until set. */
public final class MutableClock extends Clock {

  private volatile Duration offset = Duration.ZERO;

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }

  /** From now on the clock shows this instant (and runs on from there). */
  public void set(Instant now) {
    offset = Duration.between(Instant.now(), now);
  }

  public void reset() {
    offset = Duration.ZERO;
  }
}
