package io.focussync.cli.data;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Sorts;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Writes every database of a MongoDB server (but MongoDB's own) to a folder, as {@link DumpLayout}
 * says: documents in {@code _id} order, then the indexes.
 */
public final class DataExport {

  static final JsonWriterSettings CANONICAL =
      JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

  private final MongoClient client;

  public DataExport(MongoClient client) {
    this.client = client;
  }

  /** Exports everything into {@code dir}, which must be empty or not exist yet. */
  public List<CopiedCollection> to(Path dir) throws IOException {
    List<String> databases = new ArrayList<>();
    client.listDatabaseNames().into(databases);
    databases.removeIf(DumpLayout.SYSTEM_DATABASES::contains);
    databases.sort(null);
    List<CopiedCollection> exported = new ArrayList<>();
    for (String databaseName : databases) {
      MongoDatabase database = client.getDatabase(databaseName);
      List<String> collections = new ArrayList<>();
      database.listCollectionNames().into(collections);
      collections.removeIf(name -> name.startsWith("system."));
      collections.sort(null);
      Files.createDirectories(DumpLayout.folder(dir, databaseName));
      for (String collectionName : collections) {
        exported.add(export(dir, database, collectionName));
      }
    }
    return exported;
  }

  private static CopiedCollection export(Path dir, MongoDatabase database, String name)
      throws IOException {
    MongoCollection<RawBsonDocument> collection =
        database.getCollection(name, RawBsonDocument.class);
    long documents = 0;
    try (BufferedWriter out =
            Files.newBufferedWriter(
                DumpLayout.documents(dir, database.getName(), name), StandardCharsets.UTF_8);
        MongoCursor<RawBsonDocument> cursor =
            collection.find().sort(Sorts.ascending("_id")).batchSize(1000).iterator()) {
      while (cursor.hasNext()) {
        out.write(cursor.next().toJson(CANONICAL));
        out.write('\n');
        documents++;
      }
    }
    // by name: servers list them in their own order, and two exports of one store should be equal
    List<BsonDocument> indexes = new ArrayList<>();
    for (BsonDocument index : collection.listIndexes(BsonDocument.class)) {
      if (!"_id_".equals(index.getString("name").getValue())) { // every collection has it
        index.remove("v");
        index.remove("ns");
        indexes.add(index);
      }
    }
    indexes.sort(Comparator.comparing(index -> index.getString("name").getValue()));
    try (BufferedWriter out =
        Files.newBufferedWriter(
            DumpLayout.indexes(dir, database.getName(), name), StandardCharsets.UTF_8)) {
      for (BsonDocument index : indexes) {
        out.write(index.toJson(CANONICAL));
        out.write('\n');
      }
    }
    return new CopiedCollection(database.getName(), name, documents, indexes.size());
  }
}
