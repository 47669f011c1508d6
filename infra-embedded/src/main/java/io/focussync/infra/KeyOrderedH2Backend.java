package io.focussync.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The wire server's on-disk backend: mongo-java-server's H2 backend, except that unique indexes
 * (the {@code _id} index included) order their keys field by field. H2's default key type orders a
 * non-{@link Comparable} key such as {@link KeyValue} by its Java serialization, which costs two
 * serializations per comparison and, measured under the pipeline benchmark, 41 % of the server's
 * CPU. The keys are still stored in H2's format; only the order differs, so the index maps get a
 * new name and an index found under the old name is dropped and rebuilt from the documents.
 */
final class KeyOrderedH2Backend extends H2Backend {

  private static final String INDEX_INFIX = "._keyindex_";
  private static final String SERIALIZATION_ORDERED_INFIX = "._index_";

  KeyOrderedH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /**
   * H2's database with key-ordered unique indexes. An inner class: the superclass opens the
   * existing indexes from its constructor, when only the enclosing backend is there to ask.
   */
  private final class Database extends H2Database {

    Database(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      String namespace = getFullCollectionNamespace(collectionName);
      getMvStore().removeMap(namespace + SERIALIZATION_ORDERED_INFIX + indexName);
      MVMap<KeyValue, Object> map =
          getMvStore()
              .openMap(
                  namespace + INDEX_INFIX + indexName,
                  new MVMap.Builder<KeyValue, Object>().keyType(new KeyValueType()));
      return new KeyOrderedIndex(map, indexName, keys, sparse);
    }

    @Override
    protected void dropIndex(MongoCollection<Object> collection, String indexName) {
      super.dropIndex(collection, indexName);
      getMvStore()
          .removeMap(
              getFullCollectionNamespace(collection.getCollectionName()) + INDEX_INFIX + indexName);
    }
  }

  /** A unique index kept in an H2 map, as mongo-java-server's own H2 index does. */
  private static final class KeyOrderedIndex extends AbstractUniqueIndex<Object> {

    private final MVMap<KeyValue, Object> map;

    KeyOrderedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
      super(name, keys, sparse);
      this.map = map;
    }

    @Override
    protected Object removeDocument(KeyValue keyValue) {
      return map.remove(keyValue);
    }

    @Override
    protected boolean putKeyPosition(KeyValue keyValue, Object position) {
      return map.putIfAbsent(keyValue, Missing.ofNullable(position)) == null;
    }

    @Override
    protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
      return map.entrySet();
    }

    @Override
    protected Object getPosition(KeyValue keyValue) {
      return map.get(keyValue);
    }

    @Override
    public long getCount() {
      return map.sizeAsLong();
    }

    @Override
    public boolean isEmpty() {
      return map.isEmpty();
    }

    @Override
    public long getDataSize() {
      return getCount();
    }
  }

  /**
   * H2's object type, ordering {@link KeyValue}s by size, then value by value: by class name across
   * classes, by {@link Comparable#compareTo} within one; other values as H2 does.
   */
  static final class KeyValueType extends ObjectDataType {

    @Override
    public int compare(Object a, Object b) {
      if (!(a instanceof KeyValue) || !(b instanceof KeyValue)) {
        return super.compare(a, b);
      }
      KeyValue left = (KeyValue) a;
      KeyValue right = (KeyValue) b;
      int order = Integer.compare(left.size(), right.size());
      for (int i = 0; order == 0 && i < left.size(); i++) {
        order = compareValues(left.get(i), right.get(i));
      }
      return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private int compareValues(Object a, Object b) {
      if (a == b) {
        return 0;
      }
      if (a == null || b == null) {
        return a == null ? -1 : 1;
      }
      if (a.getClass() != b.getClass()) {
        return a.getClass().getName().compareTo(b.getClass().getName());
      }
      if (a instanceof Comparable) {
        return ((Comparable) a).compareTo(b);
      }
      return super.compare(a, b);
    }
  }
}
