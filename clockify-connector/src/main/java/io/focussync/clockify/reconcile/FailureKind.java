package io.focussync.clockify.reconcile;

import io.focussync.clockify.client.ClockifyException;

/** What a failed Clockify call means for the day being applied: the one error taxonomy. */
public enum FailureKind {
  /** Trying later may succeed (429, 5xx, I/O, timeout, open circuit, no rate-limit permit). */
  TRANSIENT,
  /** The key was refused (401): nothing of the user's is tried until the key changes. */
  CREDENTIALS,
  /** The entry or period is locked or approved, or the key may not do this (403). */
  LOCKED,
  /** Clockify refused the request itself (400 and other 4xx): its message says why. */
  INVALID,
  /** Clockify says the thing is not there (404). */
  GONE;

  /** The kind of a failure. */
  public static FailureKind of(ClockifyException e) {
    switch (e.kind()) {
      case UNAUTHORIZED:
        return CREDENTIALS;
      case FORBIDDEN:
        return LOCKED;
      case NOT_FOUND:
        return GONE;
      case BAD_REQUEST:
      case REJECTED:
        return INVALID;
      default:
        return TRANSIENT;
    }
  }

  /**
   * Whether a failed POST may still have created the entry: anything that may have reached Clockify
   * (a 429 or 5xx answer, a timeout, a reset, an empty answer). Only a call that provably never
   * left (open circuit, no local rate-limit permit, no connection) did not.
   */
  public static boolean mayHaveCreated(ClockifyException e) {
    if (of(e) != TRANSIENT) {
      return false;
    }
    switch (e.kind()) {
      case CIRCUIT_OPEN:
        return false;
      case RATE_LIMITED:
        return e.status() != 0;
      case IO:
        return !e.retrySafe();
      default:
        return true;
    }
  }
}
