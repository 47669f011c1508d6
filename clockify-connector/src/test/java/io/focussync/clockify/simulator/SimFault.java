package io.focussync.clockify.simulator;

/**
 * A fault the simulator answers with instead of (or after) serving a request normally.
 *
 * @param status the HTTP status for {@link Type#STATUS}
 * @param retryAfter the Retry-After header value, null for none
 * @param delayMillis for {@link Type#DELAY}: how long to hold the normal answer
 * @param afterApply whether the request's effect (create, update, delete) happens before the fault
 */
public record SimFault(
    Type type, int status, String retryAfter, long delayMillis, boolean afterApply) {

  /** The kinds of faults. */
  public enum Type {
    STATUS,
    CONNECTION_RESET,
    EMPTY_RESPONSE,
    EMPTY_BODY,
    DELAY
  }

  /** An error status; the request has no effect. */
  public static SimFault status(int status) {
    return new SimFault(Type.STATUS, status, null, 0, false);
  }

  /** 429 Too Many Requests, with a Retry-After in seconds or none (null). */
  public static SimFault tooManyRequests(Integer retryAfterSeconds) {
    return new SimFault(
        Type.STATUS,
        429,
        retryAfterSeconds == null ? null : String.valueOf(retryAfterSeconds),
        0,
        false);
  }

  /** The connection is reset without an answer. */
  public static SimFault connectionReset() {
    return new SimFault(Type.CONNECTION_RESET, 0, null, 0, false);
  }

  /** The connection closes without a single byte of answer. */
  public static SimFault emptyResponse() {
    return new SimFault(Type.EMPTY_RESPONSE, 0, null, 0, false);
  }

  /** A success status with an empty body. */
  public static SimFault emptyBody() {
    return new SimFault(Type.EMPTY_BODY, 0, null, 0, true);
  }

  /**
   * The normal answer, held back this long; the effect happens at once, before the hold (the
   * request is committed when it arrives). Held longer than the client's request timeout, this is a
   * write that succeeded although the client saw only a timeout. The hold does not block other
   * requests.
   */
  public static SimFault delay(long millis) {
    return new SimFault(Type.DELAY, 0, null, millis, true);
  }

  /** The same fault, but the request takes effect first (the answer is what gets lost). */
  public SimFault thenApplied() {
    return new SimFault(type, status, retryAfter, delayMillis, true);
  }
}
