package io.focussync.ingest.imports;

import java.time.Duration;

/**
 * An import that could not go on: a broken file part-way (400) or Kafka down (503). The rows before
 * it are published; the counts say how far it got.
 */
class ImportStoppedException extends RuntimeException {

  private final int status;
  private final String field;
  private final long accepted;
  private final long rejected;
  private final Duration retryAfter;

  ImportStoppedException(int status, String field, String detail) {
    this(status, field, detail, 0, 0, null, null);
  }

  ImportStoppedException(
      int status,
      String field,
      String detail,
      long accepted,
      long rejected,
      Duration retryAfter,
      Throwable cause) {
    super(detail, cause);
    this.status = status;
    this.field = field;
    this.accepted = accepted;
    this.rejected = rejected;
    this.retryAfter = retryAfter;
  }

  /** The same stop with the counts of the import so far. */
  ImportStoppedException withCounts(long accepted, long rejected) {
    return new ImportStoppedException(
        status, field, getMessage(), accepted, rejected, retryAfter, getCause());
  }

  int status() {
    return status;
  }

  String field() {
    return field;
  }

  long accepted() {
    return accepted;
  }

  long rejected() {
    return rejected;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
