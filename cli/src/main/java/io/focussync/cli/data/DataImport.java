package io.focussync.cli.data;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonString;
import org.bson.json.JsonParseException;

/**
 * Writes a folder made by {@link DataExport} (or any {@code DIR/<database>/<collection>.json} of
 * Extended JSON lines) into a MongoDB server: the documents exactly as written (every BSON type
 * kept), then the indexes. A collection that already holds documents is refused unless it is to be
 * dropped first; then nothing at all is written.
 */
public final class DataImport {

  private static final int BATCH = 1000;

  private final MongoClient client;

  public DataImport(MongoClient client) {
    this.client = client;
  }

  private record Planned(String database, String collection, Path documents, Path indexes) {}

  /** Imports the folder; with {@code drop}, collections it holds are replaced. */
  public List<CopiedCollection> from(Path dir, boolean drop) throws IOException {
    List<Planned> plan = plan(dir);
    if (!drop) {
      List<String> occupied = new ArrayList<>();
      for (Planned planned : plan) {
        long count =
            client
                .getDatabase(planned.database())
                .getCollection(planned.collection())
                .countDocuments();
        if (count > 0) {
          occupied.add(planned.database() + "." + planned.collection() + " (" + count + ")");
        }
      }
      if (!occupied.isEmpty()) {
        throw new CliException(
            ExitCodes.FAILED,
            "not importing: these collections already hold documents: "
                + String.join(", ", occupied)
                + ". Nothing was written; --drop replaces them with the export's.");
      }
    }
    List<CopiedCollection> imported = new ArrayList<>();
    for (Planned planned : plan) {
      imported.add(load(planned, drop));
    }
    return imported;
  }

  private static List<Planned> plan(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw CliException.usage(dir + " is not a folder (one made by ./focussync export)");
    }
    List<Planned> plan = new ArrayList<>();
    for (Path folder : sorted(dir)) {
      String database = folder.getFileName().toString();
      if (!Files.isDirectory(folder)
          || database.startsWith(".")
          || DumpLayout.SYSTEM_DATABASES.contains(database)) {
        continue;
      }
      for (Path file : sorted(folder)) {
        String collection = DumpLayout.collectionOf(file);
        if (collection != null && Files.isRegularFile(file)) {
          plan.add(
              new Planned(
                  database, collection, file, folder.resolve(collection + DumpLayout.INDEXES)));
        }
      }
    }
    if (plan.isEmpty()) {
      throw CliException.usage(
          dir + " holds no DATABASE/COLLECTION.json files (made by ./focussync export)");
    }
    return plan;
  }

  private static List<Path> sorted(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.sorted().toList();
    }
  }

  private CopiedCollection load(Planned planned, boolean drop) throws IOException {
    MongoDatabase database = client.getDatabase(planned.database());
    if (drop) {
      database.getCollection(planned.collection()).drop();
    }
    if (!exists(database, planned.collection())) {
      database.createCollection(planned.collection()); // an empty collection is kept too
    }
    MongoCollection<BsonDocument> collection =
        database.getCollection(planned.collection(), BsonDocument.class);
    long documents = 0;
    List<BsonDocument> batch = new ArrayList<>(BATCH);
    try (BufferedReader in = Files.newBufferedReader(planned.documents(), StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = in.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        batch.add(parse(line, planned.documents(), number));
        if (batch.size() == BATCH) {
          collection.insertMany(batch);
          documents += batch.size();
          batch.clear();
        }
      }
    }
    if (!batch.isEmpty()) {
      collection.insertMany(batch);
      documents += batch.size();
    }
    int indexes = 0;
    if (Files.isRegularFile(planned.indexes())) {
      BsonArray specs = new BsonArray();
      List<String> lines = Files.readAllLines(planned.indexes(), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        if (!lines.get(i).isBlank()) {
          specs.add(parse(lines.get(i), planned.indexes(), i + 1));
        }
      }
      if (!specs.isEmpty()) {
        database.runCommand(
            new BsonDocument("createIndexes", new BsonString(planned.collection()))
                .append("indexes", specs));
        indexes = specs.size();
      }
    }
    return new CopiedCollection(planned.database(), planned.collection(), documents, indexes);
  }

  private static boolean exists(MongoDatabase database, String collection) {
    for (String name : database.listCollectionNames()) {
      if (name.equals(collection)) {
        return true;
      }
    }
    return false;
  }

  private static BsonDocument parse(String line, Path file, int number) {
    try {
      return BsonDocument.parse(line);
    } catch (JsonParseException | org.bson.BsonInvalidOperationException e) {
      throw new CliException(
          ExitCodes.USAGE,
          file + " line " + number + " is not Extended JSON: " + e.getMessage(),
          e);
    }
  }
}
