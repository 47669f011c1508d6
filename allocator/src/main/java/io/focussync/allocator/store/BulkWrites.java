package io.focussync.allocator.store;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;

/** What a failed unordered bulk write means for the conditional writes of this package. */
final class BulkWrites {

  private BulkWrites() {}

  /**
   * True when every failed write was a duplicate key (a document inserted concurrently, which the
   * callers treat like a failed version check); other failures must propagate.
   */
  static boolean onlyDuplicateKeys(MongoBulkWriteException e) {
    return e.getWriteConcernError() == null
        && e.getWriteErrors().stream()
            .allMatch(
                err -> ErrorCategory.fromErrorCode(err.getCode()) == ErrorCategory.DUPLICATE_KEY);
  }
}
