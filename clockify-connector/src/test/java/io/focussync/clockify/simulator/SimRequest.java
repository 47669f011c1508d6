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

  /** The entry id of a request on one entry ({@code .../time-entries/{id}}), else null. */
  public String entryId() {
    int at = path.indexOf("/time-entries/");
    if (at < 0) {
      return null;
    }
    String rest = path.substring(at + "/time-entries/".length());
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }
}
