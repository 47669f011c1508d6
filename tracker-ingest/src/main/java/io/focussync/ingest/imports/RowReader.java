package io.focussync.ingest.imports;

import java.io.IOException;

/** Streams the rows of an import file, one at a time. */
interface RowReader extends AutoCloseable {

  /** The next row, or null at the end; throws {@link ImportStoppedException} for a broken file. */
  ImportRow next() throws IOException;

  @Override
  void close() throws IOException;
}
