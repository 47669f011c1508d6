package io.focussync.ingest.imports;

import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.Violation;
import java.util.List;

/** One row of an import file: the session it holds, or why it could not even be read. */
record ImportRow(long row, SessionInput input, List<Violation> violations) {

  static ImportRow of(long row, SessionInput input) {
    return new ImportRow(row, input, List.of());
  }

  static ImportRow unreadable(long row, String field, String message) {
    return new ImportRow(row, null, List.of(new Violation(field, message)));
  }
}
