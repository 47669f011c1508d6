package io.focussync.infra;

import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;

/**
 * The wire server's in-memory backend: mongo-java-server's memory backend without collection
 * data-size accounting, which BSON-encodes the old and the new document of every write (a sixth of
 * the server's CPU under the allocator's benchmark) only to report {@code collStats.size}.
 */
final class FastMemoryBackend extends MemoryBackend {

  @Override
  public MemoryDatabase openOrCreateDatabase(String databaseName) {
    return new MemoryDatabase(databaseName, getCursorRegistry()) {
      @Override
      protected MemoryCollection openOrCreateCollection(
          String collectionName, CollectionOptions options) {
        return new MemoryCollection(this, collectionName, options, getCursorRegistry()) {
          @Override
          protected boolean tracksDataSize() {
            return false;
          }
        };
      }
    };
  }
}
