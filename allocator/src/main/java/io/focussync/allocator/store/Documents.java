package io.focussync.allocator.store;

import org.bson.Document;

/** Reading fields that documents written by earlier versions may lack. */
final class Documents {

  private Documents() {}

  /** A number field as a long, or null where the document has none. */
  static Long longOrNull(Document d, String field) {
    Number value = d.get(field, Number.class);
    return value == null ? null : value.longValue();
  }
}
