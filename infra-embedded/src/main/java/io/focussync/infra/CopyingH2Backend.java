package io.focussync.infra;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The wire server's on-disk backend: mongo-java-server's H2 backend with the smallest patch
 * measured to keep it correct and fast enough (e2e/README.md, "Stock wire server"):
 *
 * <ul>
 *   <li>queries hand out copies of the documents they matched. mongo-java-server updates a matched
 *       document in place before it puts it back, and the instance in H2's map is also the one H2's
 *       writer thread may be serializing at that moment (the store then fails with a
 *       ConcurrentModificationException and closes for good);
 *   <li>unique indexes (the {@code _id} index included) order their keys field by field ({@link
 *       KeyOrder}) in maps of their own name; H2's type Java-serializes both keys at every
 *       comparison. Indexes another backend wrote are rebuilt from the documents;
 *   <li>documents are stored as BSON ({@link DocumentType}), not by Java serialization; both are
 *       read, so folders of stock H2Backend and of FastH2Backend open;
 *   <li>collection data sizes, only for {@code collStats}, are not tracked (two BSON encodings per
 *       write).
 * </ul>
 */
final class CopyingH2Backend extends H2Backend {

  // H2Database's map names, which the file format is made of
  private static final String DATA_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  /** Stock H2Backend's index maps, and those of FastH2Backend (before issue 19). */
  static final List<String> OTHER_INDEX_INFIXES = List.of("._index_", "._keyindex_");

  static final String INDEX_INFIX = "._ordered_index_";

  CopyingH2Backend(String fileName) {
    super(fileName);
  }

  @Override
  protected MongoDatabase openOrCreateDatabase(String databaseName) {
    return new Database(databaseName);
  }

  /**
   * H2's database, opening copying collections. An inner class: the superclass opens the existing
   * collections from its constructor, when only the enclosing backend is there to ask.
   */
  private final class Database extends H2Database {

    Database(String databaseName) {
      super(databaseName, getMvStore(), getCursorRegistry());
    }

    @Override
    protected MongoCollection<Object> openOrCreateCollection(
        String collectionName, CollectionOptions options) {
      String namespace = getFullCollectionNamespace(collectionName);
      MVMap<Object, Document> data =
          getMvStore()
              .openMap(
                  DATA_PREFIX + namespace,
                  new MVMap.Builder<Object, Document>().valueType(new DocumentType()));
      MVMap<String, Object> meta = getMvStore().openMap(META_PREFIX + namespace);
      return new CopyingCollection(this, collectionName, options, data, meta);
    }

    @Override
    protected Index<Object> openOrCreateUniqueIndex(
        String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
      String namespace = getFullCollectionNamespace(collectionName);
      for (String infix : OTHER_INDEX_INFIXES) {
        String other = namespace + infix + indexName;
        if (getMvStore().hasMap(other)) {
          // another backend wrote here (and may have changed documents since this index was last
          // written): both are dropped, and this one is rebuilt from the documents
          getMvStore().removeMap(other);
          getMvStore().removeMap(namespace + INDEX_INFIX + indexName);
        }
      }
      MVMap<KeyValue, Object> map =
          getMvStore()
              .openMap(
                  namespace + INDEX_INFIX + indexName,
                  new MVMap.Builder<KeyValue, Object>().keyType(new KeyOrder()));
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

  /** A unique index kept in an H2 map in {@link KeyOrder}, as H2UniqueIndex keeps it otherwise. */
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
   * H2's object type (keys are stored as H2 stores them), ordering {@link KeyValue}s by size, then
   * value by value: by class name across classes, by {@link Comparable#compareTo} within one; other
   * values as H2 does. H2's own order serializes both keys at every comparison.
   */
  static final class KeyOrder extends ObjectDataType {

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

  /** H2's collection that hands out copies of the documents a query matched. */
  private final class CopyingCollection extends H2Collection {

    CopyingCollection(
        MongoDatabase database,
        String collectionName,
        CollectionOptions options,
        MVMap<Object, Document> data,
        MVMap<String, Object> meta) {
      super(database, collectionName, options, data, meta, getCursorRegistry());
    }

    @Override
    protected boolean tracksDataSize() {
      return false;
    }

    @Override
    protected QueryResult matchDocumentsFromStream(
        Document query,
        Stream<Document> documents,
        int numberToSkip,
        int limit,
        int batchSize,
        Comparator<Document> order,
        Document fieldSelector) {
      Stream<Document> copies =
          documents
              .filter(document -> documentMatchesQuery(document, query))
              .map(Document::cloneDeeply);
      return super.matchDocumentsFromStream(
          new Document(), copies, numberToSkip, limit, batchSize, order, fieldSelector);
    }
  }

  /** A first byte no value of H2's own type starts with (its tags end at 119). */
  private static final byte BSON = 127;

  /**
   * H2's object type, storing mongo-java-server's documents as BSON behind a tag H2 never writes
   * (as FastH2Backend did before issue 19, so its folders are read), and reading documents H2
   * stored (Java-serialized, stock H2Backend's way) too; anything else as H2 does.
   */
  static final class DocumentType extends ObjectDataType {

    private volatile int averageSize = 256;

    @Override
    public void write(WriteBuffer buffer, Object value) {
      if (!(value instanceof Document)) {
        super.write(buffer, value);
        return;
      }
      ByteBuf bson = Unpooled.buffer(averageSize + 64);
      BsonEncoder.encodeDocument((Document) value, bson);
      int size = bson.readableBytes();
      buffer.put(BSON).put(bson.array(), bson.arrayOffset(), size);
      averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Object read(ByteBuffer buffer) {
      if (buffer.get(buffer.position()) != BSON) {
        return super.read(buffer);
      }
      buffer.get();
      ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
      Document document = BsonDecoder.decodeBson(bson);
      buffer.position(buffer.position() + bson.readerIndex());
      return document;
    }

    @Override
    public int getMemory(Object value) {
      return value instanceof Document ? averageSize : super.getMemory(value);
    }
  }
}
