package io.focussync.gateway.ratelimit;

import java.time.Instant;

/** Where the replicas keep each key's GCRA arrival time: read, and compare-and-set. */
public interface ArrivalTimes {

  /** The key's stored arrival time in epoch microseconds, null if none. */
  Long find(String key);

  /** Stores the first arrival time of a key; false if another replica stored one meanwhile. */
  boolean insert(String key, long nextMicros, Instant forgetAt);

  /** Replaces the arrival time if it is still {@code storedMicros}; false if it changed. */
  boolean replace(String key, long storedMicros, long nextMicros, Instant forgetAt);

  /** The store could not answer. */
  final class UnavailableException extends RuntimeException {
    public UnavailableException(Throwable cause) {
      super(cause.getMessage(), cause);
    }
  }
}
