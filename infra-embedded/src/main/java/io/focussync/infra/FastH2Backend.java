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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * The wire server's on-disk backend: mongo-java-server's H2 backend with the costs taken out that
 * the benchmarks' profiles showed. H2's default type handles any object it does not know by Java
 * serialization:
 *
 * <ul>
 *   <li>unique indexes (the {@code _id} index included) ordered their {@link KeyValue} keys by
 *       serializing both keys of every comparison (41 % of the server's CPU). Here keys compare
 *       field by field; as the order differs, the index maps get a new name and an index found
 *       under the old name is dropped and rebuilt from the documents. Keys are stored as BSON;
 *   <li>an anchored prefix query on a one-field index matched its pattern against every key; here
 *       it reads only the keys with the prefix;
 *   <li>documents were stored serialized (a fifth of the server's CPU in H2's serialization
 *       thread). Here they are stored as BSON behind a tag H2's type never writes, so documents
 *       stored the old way are still read;
 *   <li>collection data sizes were tracked by BSON-encoding the old and the new document of every
 *       write, only for {@code collStats}, which nothing here reads: not tracked (as in {@link
 *       FastMemoryBackend}).
 * </ul>
 */
final class FastH2Backend extends H2Backend {

  private static final String INDEX_INFIX = "._keyindex_";
  private static final String SERIALIZATION_ORDERED_INFIX = "._index_";
  private static final String DATA_PREFIX = "databases.";
  private static final String META_PREFIX = "meta.";

  /** A first byte no value of H2's own type starts with (its tags end at 119). */
  private static final byte BSON = 127;

  FastH2Backend(String fileName) {
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

  /**
   * H2's collection that hands out copies of the documents a query matched. mongo-java-server
   * updates a matched document in place before it puts it back, and the instance in H2's map is
   * also the one H2's writer thread may be serializing at that moment (the store then fails with a
   * ConcurrentModificationException and closes) and the one the map's earlier versions still show.
   */
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

    /**
     * A query for an anchored literal prefix of a one-field index's strings (what a connector asks
     * for a day's ledger slots) reads only the keys with that prefix, as MongoDB does: the base
     * class matches the pattern against every key of the index.
     */
    @Override
    public synchronized Iterable<Object> getPositions(Document query) {
      String prefix =
          keys().size() == 1 ? RegexPrefix.literalPrefix(query.get(keys().get(0))) : null;
      if (prefix == null) {
        return super.getPositions(query);
      }
      List<Object> positions = new ArrayList<>();
      Iterator<KeyValue> keys = map.keyIterator(new KeyValue(prefix));
      while (keys.hasNext()) {
        KeyValue key = keys.next();
        if (!(key.get(0) instanceof String value) || !value.startsWith(prefix)) {
          break;
        }
        positions.add(map.get(key));
      }
      return positions;
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

    /**
     * Keys are written as a BSON document of their values (field names "0", "1", ...), as H2 would
     * Java-serialize them each time a page of the index is stored; keys with values BSON cannot
     * hold, and keys stored before, are left to H2's type.
     */
    @Override
    public void write(WriteBuffer buffer, Object value) {
      if (value instanceof KeyValue key) {
        Document values = new Document();
        for (int i = 0; i < key.size(); i++) {
          values.put(String.valueOf(i), key.get(i));
        }
        try {
          putBson(buffer, values, 64);
          return;
        } catch (IllegalArgumentException notBson) {
          // Written as H2 does below.
        }
      }
      super.write(buffer, value);
    }

    @Override
    public Object read(ByteBuffer buffer) {
      Document values = takeBson(buffer);
      return values == null ? super.read(buffer) : new KeyValue(new ArrayList<>(values.values()));
    }

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

  /** H2's object type, storing mongo-java-server's documents as BSON; anything else as H2 does. */
  static final class DocumentType extends ObjectDataType {

    private volatile int averageSize = 256;

    @Override
    public void write(WriteBuffer buffer, Object value) {
      if (!(value instanceof Document)) {
        super.write(buffer, value);
        return;
      }
      int size = putBson(buffer, (Document) value, averageSize + 64);
      averageSize = (size + 15 * averageSize) / 16;
    }

    @Override
    public Object read(ByteBuffer buffer) {
      Document document = takeBson(buffer);
      return document == null ? super.read(buffer) : document;
    }

    @Override
    public int getMemory(Object value) {
      return value instanceof Document ? averageSize : super.getMemory(value);
    }
  }

  /**
   * Writes the document as BSON behind {@link #BSON} and returns its size; a value BSON cannot hold
   * throws {@link IllegalArgumentException} before anything is written.
   */
  private static int putBson(WriteBuffer buffer, Document document, int sizeHint) {
    ByteBuf bson = Unpooled.buffer(sizeHint);
    BsonEncoder.encodeDocument(document, bson);
    int size = bson.readableBytes();
    buffer.put(BSON).put(bson.array(), bson.arrayOffset(), size);
    return size;
  }

  /** The document {@link #putBson} wrote at the buffer's position, or null for H2's own value. */
  private static Document takeBson(ByteBuffer buffer) {
    if (buffer.get(buffer.position()) != BSON) {
      return null;
    }
    buffer.get();
    ByteBuf bson = Unpooled.wrappedBuffer(buffer.slice());
    Document document = BsonDecoder.decodeBson(bson);
    buffer.position(buffer.position() + bson.readerIndex());
    return document;
  }
}
