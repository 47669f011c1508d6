package io.focussync.clockify.simulator;

/**
 * A request the simulator received.
 *
 * @param atNanos {@link System#nanoTime()} at arrival, for rate measurements
 * @param outcome the status answered, or the fault's name
 */
public record SimRequest(
    long atNanos,
    String method,
    String path,
    String query,
    String body,
    String apiKey,
    String outcome) {

  /** Whether this request writes (POST, PUT, DELETE). */
  public boolean isWrite() {
    return method.equals("POST") || method.equals("PUT") || method.equals("DELETE");
  }

  /** Whether this is a write to time entries. */
  public boolean isEntryWrite() {
    return isWrite() && path.contains("/time-entries");
  }
}
