package io.focussync.ingest.session;

/** One rule a session input broke: the field (a JSON path) and what is wrong with it. */
public record Violation(String field, String message) {

  /** The same violation under a prefix, e.g. {@code sessions[3]}. */
  public Violation under(String prefix) {
    return new Violation(prefix.isEmpty() ? field : prefix + "." + field, message);
  }
}
