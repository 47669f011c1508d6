package io.focussync.ingest.session;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The version of every change made here: epoch microseconds, raised by one where two changes fall
 * in the same microsecond, so it always grows within a process and across restarts.
 */
public final class VersionSequence {

  private final Clock clock;
  private final AtomicLong last = new AtomicLong();

  public VersionSequence(Clock clock) {
    this.clock = clock;
  }

  /** A version greater than every one handed out before by this sequence. */
  public long next() {
    Instant now = clock.instant();
    long micros =
        Math.addExact(Math.multiplyExact(now.getEpochSecond(), 1_000_000L), now.getNano() / 1_000);
    return last.updateAndGet(previous -> Math.max(previous + 1, micros));
  }
}
