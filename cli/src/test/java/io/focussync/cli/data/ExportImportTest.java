package io.focussync.cli.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import io.focussync.cli.support.CliRunner;
import io.focussync.infra.WireMongoServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bson.BsonBinarySubType;
import org.bson.Document;
import org.bson.RawBsonDocument;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export} and {@code import-data} against the wire server of the local stack (H2 on disk):
 * every BSON type the services store, indexes (TTL and unique) and empty collections survive an
 * export, a fresh data folder and an import, byte for byte in canonical Extended JSON.
 */
class ExportImportTest {

  private static final Instant FAR = Instant.parse("2999-01-01T00:00:00Z");

  @TempDir Path dir;
  private final List<WireMongoServer> servers = new ArrayList<>();

  @AfterEach
  void tearDown() {
    servers.forEach(WireMongoServer::close);
  }

  @Test
  void exportFreshFolderAndImportRoundTripEveryCollection() throws Exception {
    WireMongoServer source = server("source");
    fill(source);
    CliRunner cli = new CliRunner(dir.resolve("config"));

    CliRunner.Result export =
        cli.run("export", dir.resolve("dump").toString(), "--uri", source.uri(""));

    assertThat(export.code()).as(export.err()).isZero();
    assertThat(export.out()).contains("Exported 6 collections (2506 documents)");
    Path dump = dir.resolve("dump");
    assertThat(lines(dump.resolve("focussync-one/typed.json"))).hasSize(3);
    assertThat(lines(dump.resolve("focussync-one/many.json"))).hasSize(2500);
    assertThat(lines(dump.resolve("focussync-one/empty.json"))).isEmpty();
    assertThat(lines(dump.resolve("focussync-one/typed.json")).get(0))
        .contains("\"$oid\"", "\"$date\"", "\"$numberLong\"", "\"$numberDecimal\"", "\"$binary\"");

    WireMongoServer fresh = server("fresh");
    CliRunner.Result imported = cli.run("import-data", dump.toString(), "--uri", fresh.uri(""));

    assertThat(imported.code()).as(imported.err()).isZero();
    assertThat(imported.out()).contains("Imported 6 collections (2506 documents)");
    assertThat(contents(fresh)).isEqualTo(contents(source));

    // and once more after the fresh server read it back from its H2 file
    fresh.restart();
    assertThat(contents(fresh)).isEqualTo(contents(source));
    CliRunner.Result again =
        cli.run("export", dir.resolve("again").toString(), "--uri", fresh.uri(""));
    assertThat(again.code()).as(again.err()).isZero();
    assertThat(files(dir.resolve("again"))).isEqualTo(files(dump));

    try (MongoClient client = MongoClients.create(fresh.uri(""))) {
      List<Document> indexes = new ArrayList<>();
      client.getDatabase("focussync-one").getCollection("typed").listIndexes().into(indexes);
      assertThat(indexes)
          .anySatisfy(
              index -> {
                assertThat(index.get("key", Document.class))
                    .isEqualTo(new Document("expiresAt", 1));
                assertThat(((Number) index.get("expireAfterSeconds")).longValue()).isZero();
              })
          .anySatisfy(
              index -> {
                assertThat(index.get("key", Document.class))
                    .isEqualTo(new Document("_id", 1).append("revision", 1));
                assertThat(index.getBoolean("unique")).isTrue();
              });
      assertThat(client.getDatabase("focussync-two").listCollectionNames())
          .containsExactly("tokens");
      assertThat(client.listDatabaseNames()).contains("focussync-one", "focussync-two");
    }
  }

  @Test
  void refusesToOverwriteCollectionsThatHoldDocumentsUnlessDropIsGiven() throws Exception {
    WireMongoServer source = server("source");
    fill(source);
    CliRunner cli = new CliRunner(dir.resolve("config"));
    Path dump = dir.resolve("dump");
    assertThat(cli.run("export", dump.toString(), "--uri", source.uri("")).code()).isZero();
    try (MongoClient client = MongoClients.create(source.uri(""))) {
      client
          .getDatabase("focussync-two")
          .getCollection("tokens")
          .insertOne(new Document("_id", "new"));
    }

    CliRunner.Result refused = cli.run("import-data", dump.toString(), "--uri", source.uri(""));

    assertThat(refused.code()).isEqualTo(1);
    assertThat(refused.err())
        .contains(
            "focussync-one.typed (3)", "focussync-two.tokens (3)", "Nothing was written", "--drop");
    try (MongoClient client = MongoClients.create(source.uri(""))) {
      assertThat(client.getDatabase("focussync-two").getCollection("tokens").countDocuments())
          .isEqualTo(3);
    }

    CliRunner.Result dropped =
        cli.run("import-data", dump.toString(), "--drop", "--uri", source.uri(""));

    assertThat(dropped.code()).as(dropped.err()).isZero();
    try (MongoClient client = MongoClients.create(source.uri(""))) {
      MongoCollection<Document> tokens =
          client.getDatabase("focussync-two").getCollection("tokens");
      assertThat(tokens.countDocuments()).isEqualTo(2);
      assertThat(tokens.find(new Document("_id", "new")).first()).isNull();
    }
  }

  @Test
  void usageErrorsAndAnUnreachableStore() throws Exception {
    CliRunner cli = new CliRunner(dir.resolve("config"));
    Path occupied = Files.createDirectories(dir.resolve("occupied"));
    Files.writeString(occupied.resolve("x"), "x");

    assertThat(cli.run("export", occupied.toString()).code()).isEqualTo(2);
    CliRunner.Result missing = cli.run("import-data", dir.resolve("missing").toString());
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).contains("is not a folder");

    String nothing = "mongodb://127.0.0.1:" + freePort() + "/?serverSelectionTimeoutMS=300";
    CliRunner.Result unreachable =
        cli.run("export", dir.resolve("new").toString(), "--uri", nothing);
    assertThat(unreachable.code()).isEqualTo(3);
    assertThat(unreachable.err()).contains("cannot reach MongoDB", "./focussync start");

    WireMongoServer empty = server("empty");
    CliRunner.Result noDump = cli.run("import-data", occupied.toString(), "--uri", empty.uri(""));
    assertThat(noDump.code()).isEqualTo(2);
    assertThat(noDump.err()).contains("holds no DATABASE/COLLECTION.json files");
  }

  private WireMongoServer server(String name) {
    WireMongoServer server = WireMongoServer.onDisk(dir.resolve(name), 0);
    servers.add(server);
    return server;
  }

  /** Documents of every BSON type the services write, and the kinds of index they create. */
  private static void fill(WireMongoServer server) {
    try (MongoClient client = MongoClients.create(server.uri(""))) {
      MongoDatabase one = client.getDatabase("focussync-one");
      MongoCollection<Document> typed = one.getCollection("typed");
      typed.createIndex(
          Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
      typed.createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
      typed.createIndex(Indexes.ascending("userId", "date"));
      for (int i = 0; i < 3; i++) {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("status", "SYNCED");
        nested.put("entries", List.of(new Document("slot", i).append("id", "e-" + i), 7L));
        typed.insertOne(
            new Document("_id", new ObjectId())
                .append("userId", "u-" + i)
                .append("date", "2026-11-2" + i)
                .append("revision", (long) i << 40)
                .append("count", i)
                .append("share", 0.1 + i)
                .append("amount", new Decimal128(new BigDecimal("12.34" + i)))
                .append("expiresAt", Date.from(FAR.plusMillis(i)))
                .append("at", Date.from(Instant.parse("2026-11-20T10:00:00.123Z")))
                .append("secret", new Binary(new byte[] {0, 1, (byte) 0xff, (byte) i}))
                .append("uuid", new Binary(BsonBinarySubType.UUID_STANDARD, uuidBytes()))
                .append("flags", List.of(true, false))
                .append("none", null)
                .append("text", "Zürich – 東京 \"quoted\"\n")
                .append("day", new Document(nested)));
      }
      MongoCollection<Document> many = one.getCollection("many");
      List<Document> docs = new ArrayList<>();
      for (int i = 0; i < 2500; i++) {
        docs.add(new Document("_id", String.format("u-1|2026-11-%05d", i)).append("n", i));
      }
      many.insertMany(docs);
      one.createCollection("empty");
      MongoDatabase two = client.getDatabase("focussync-two");
      MongoCollection<Document> tokens = two.getCollection("tokens");
      tokens.createIndex(Indexes.ascending("tokenId"), new IndexOptions().unique(true));
      tokens.insertOne(new Document("_id", 1).append("tokenId", "t-1"));
      tokens.insertOne(new Document("_id", 2L).append("tokenId", "t-2"));
      client
          .getDatabase("focussync-three")
          .getCollection("limits")
          .insertOne(new Document("_id", "x"));
      client.getDatabase("focussync-three").createCollection("blank");
    }
  }

  private static byte[] uuidBytes() {
    byte[] bytes = new byte[16];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) (i * 17);
    }
    return bytes;
  }

  /** Every collection's documents, as canonical Extended JSON in _id order. */
  private static Map<String, List<String>> contents(WireMongoServer server) {
    Map<String, List<String>> contents = new LinkedHashMap<>();
    try (MongoClient client = MongoClients.create(server.uri(""))) {
      for (String database : client.listDatabaseNames()) {
        if (List.of("admin", "local", "config").contains(database)) {
          continue;
        }
        for (String name : client.getDatabase(database).listCollectionNames()) {
          List<String> docs = new ArrayList<>();
          for (RawBsonDocument doc :
              client
                  .getDatabase(database)
                  .getCollection(name, RawBsonDocument.class)
                  .find()
                  .sort(Sorts.ascending("_id"))) {
            docs.add(doc.toJson(DataExport.CANONICAL));
          }
          contents.put(database + "." + name, docs);
        }
      }
    }
    return new java.util.TreeMap<>(contents);
  }

  private static Map<String, String> files(Path dump) throws IOException {
    Map<String, String> files = new java.util.TreeMap<>();
    try (Stream<Path> all = Files.walk(dump)) {
      for (Path file : all.filter(Files::isRegularFile).toList()) {
        files.put(dump.relativize(file).toString(), Files.readString(file));
      }
    }
    return files;
  }

  private static List<String> lines(Path file) throws IOException {
    return Files.readAllLines(file, StandardCharsets.UTF_8);
  }

  private static int freePort() throws IOException {
    try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
