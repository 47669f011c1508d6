package io.focussync.clockify.client;

import java.time.Duration;

/** Clockify did not answer a call with success. */
public class ClockifyException extends RuntimeException {

  /** What went wrong. */
  public enum Kind {
    BAD_REQUEST,
    UNAUTHORIZED,
    FORBIDDEN,
    NOT_FOUND,
    REJECTED,
    RATE_LIMITED,
    SERVER_ERROR,
    IO,
    TIMEOUT,
    EMPTY_RESPONSE,
    CIRCUIT_OPEN
  }

  private final Kind kind;
  private final int status;
  private final Duration retryAfter;
  private final boolean retrySafe;

  public ClockifyException(
      Kind kind, int status, String message, Duration retryAfter, boolean retrySafe) {
    super(message);
    this.kind = kind;
    this.status = status;
    this.retryAfter = retryAfter;
    this.retrySafe = retrySafe;
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status, 0 when there was none. */
  public int status() {
    return status;
  }

  /** Clockify's Retry-After, null when not sent. */
  public Duration retryAfter() {
    return retryAfter;
  }

  /** Whether sending the same request again cannot duplicate anything. */
  public boolean retrySafe() {
    return retrySafe;
  }

  /** Whether trying later may succeed (as opposed to a refusal of the request itself). */
  public boolean isTransient() {
    switch (kind) {
      case RATE_LIMITED:
      case SERVER_ERROR:
      case IO:
      case TIMEOUT:
      case EMPTY_RESPONSE:
      case CIRCUIT_OPEN:
        return true;
      default:
        return false;
    }
  }

  /** Whether the failure says the workspace's Clockify is unhealthy (circuit breaker input). */
  public boolean unhealthy() {
    return kind == Kind.SERVER_ERROR
        || kind == Kind.IO
        || kind == Kind.TIMEOUT
        || kind == Kind.EMPTY_RESPONSE;
  }
}
