package io.focussync.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.types.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastH2BackendTest {

  @TempDir Path dataDir;

  @Test
  void uniqueIndexesFindAndGuardTheirKeysAcrossARestart() {
    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, 0)) {
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        MongoCollection<Document> days = days(client);
        days.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
        for (int i = 0; i < 500; i++) {
          days.insertOne(new Document("_id", "day-" + i).append("version", (long) i % 7));
        }
        assertDuplicateRefused(days, new Document("_id", "day-42").append("version", 0L));
      }
      mongo.restart();
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        MongoCollection<Document> days = days(client);
        assertThat(days.find(new Document("_id", "day-137").append("version", 4L)).first())
            .isNotNull();
        assertThat(days.find(new Document("_id", "day-137").append("version", 5L)).first())
            .isNull();
        assertDuplicateRefused(days, new Document("_id", "day-499").append("version", 2L));
        assertThat(days.countDocuments()).isEqualTo(500);
      }
    }
  }

  @Test
  void anUpdateLeavesTheStoredInstanceOfTheDocumentAsItWas() {
    FastH2Backend backend = new FastH2Backend(dataDir.resolve("focussync.mv").toString());
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    try (MongoClient client = MongoClients.create(uri(server.getLocalAddress(), "copies"))) {
      MongoCollection<Document> days = days(client);
      days.insertOne(new Document("_id", "day-1").append("status", "PENDING"));
      var data = backend.getMvStore().<Object, Object>openMap("databases.keys.days");
      Object stored = data.get("day-1");

      days.updateOne(
          Filters.eq("_id", "day-1"), new Document("$set", new Document("status", "SYNCED")));
      days.findOneAndUpdate(
          Filters.eq("status", "SYNCED"), new Document("$set", new Document("fence", 2L)));

      // the instance H2 held (and its writer thread may be serializing) was not changed in place
      assertThat(stored.toString()).contains("PENDING").doesNotContain("fence");
      assertThat(days.find(Filters.eq("_id", "day-1")).first())
          .containsEntry("status", "SYNCED")
          .containsEntry("fence", 2L);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void indexesWrittenInH2sOwnOrderAreRebuiltOnOpen() throws Exception {
    Path file = dataDir.resolve("focussync.mv");
    int port = KraftBroker.freePort();
    MongoServer plain = new MongoServer(new H2Backend(file.toString()));
    plain.bind("127.0.0.1", port);
    try (MongoClient client = MongoClients.create(uri(plain.getLocalAddress(), "keys"))) {
      MongoCollection<Document> days = days(client);
      days.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
      for (int i = 0; i < 300; i++) {
        days.insertOne(new Document("_id", "day-" + i).append("version", i));
      }
    } finally {
      plain.shutdownNow();
    }

    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port);
        MongoClient client = MongoClients.create(mongo.uri("keys"))) {
      MongoCollection<Document> days = days(client);
      assertThat(days.find(new Document("_id", "day-250").append("version", 250)).first())
          .isNotNull();
      assertDuplicateRefused(days, new Document("_id", "day-7"));
      assertDuplicateRefused(days, new Document("_id", "day-8").append("version", 8));
    }
  }

  @Test
  void documentsStoredTheOldWayAreReadAndRewrittenUnchanged() {
    Document rich =
        new Document("_id", "rich")
            .append("text", "zwölf")
            .append("int", 12)
            .append("long", 12L)
            .append("double", 1.5)
            .append("flag", true)
            .append("nothing", null)
            .append("at", new Date(1_700_000_000_000L))
            .append("id", new ObjectId("64c777ddd3fcab07cfbb210c"))
            .append("list", List.of("a", 2, new Document("deep", List.of(3L))))
            .append("nested", new Document("slots", new Document("p", "e-1")));
    Path file = dataDir.resolve("focussync.mv");
    int port = KraftBroker.freePort();
    MongoServer plain = new MongoServer(new H2Backend(file.toString()));
    plain.bind("127.0.0.1", port);
    try (MongoClient client = MongoClients.create(uri(plain.getLocalAddress(), "keys"))) {
      days(client).insertOne(rich);
    } finally {
      plain.shutdownNow();
    }

    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port)) {
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        assertThat(days(client).find(new Document("_id", "rich")).first()).isEqualTo(rich);
        days(client)
            .updateOne(new Document("_id", "rich"), new Document("$set", new Document("int", 13)));
        days(client).insertOne(new Document(rich).append("_id", "rich-2"));
      }
      mongo.restart();
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        assertThat(days(client).find(new Document("_id", "rich")).first())
            .isEqualTo(new Document(rich).append("int", 13));
        assertThat(days(client).find(new Document("_id", "rich-2")).first())
            .isEqualTo(new Document(rich).append("_id", "rich-2"));
      }
    }
  }

  @Test
  void keysAreOrderedTotallyAndEqualOnlyWhenEqual() {
    List<KeyValue> keys = new ArrayList<>();
    for (Object first : List.of("a", "b", 1, 2, 1L, 2L, 1.5)) {
      for (Object second : new Object[] {null, "x", 3, 3L}) {
        keys.add(new KeyValue(first, second));
      }
      keys.add(new KeyValue(first));
    }
    FastH2Backend.KeyValueType type = new FastH2Backend.KeyValueType();
    for (KeyValue a : keys) {
      for (KeyValue b : keys) {
        int ab = type.compare(a, b);
        assertThat(Integer.signum(ab)).isEqualTo(-Integer.signum(type.compare(b, a)));
        assertThat(ab == 0).as("%s vs %s", a, b).isEqualTo(a.equals(b));
        for (KeyValue c : keys) {
          if (ab < 0 && type.compare(b, c) < 0) {
            assertThat(type.compare(a, c)).as("%s < %s < %s", a, b, c).isNegative();
          }
        }
      }
    }
  }

  @Test
  void keysOfEveryTypeAreStoredAndReadBackAndKeysStoredTheOldWayAreStillRead() {
    FastH2Backend.KeyValueType type = new FastH2Backend.KeyValueType();
    List<KeyValue> keys =
        List.of(
            new KeyValue("u-1|scope|2026-11-20|slot", 4.0),
            new KeyValue(12L, true, null),
            new KeyValue(Long.MAX_VALUE),
            new KeyValue(new Date(1_700_000_000_000L), new ObjectId("64c777ddd3fcab07cfbb210c")),
            new KeyValue(List.of("a", 2.0), new de.bwaldvogel.mongo.bson.Document("k", "v")),
            new KeyValue(java.util.UUID.fromString("9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d")));
    for (KeyValue key : keys) {
      assertThat(roundTrip(type, type, key)).isEqualTo(key);
      assertThat(roundTrip(new org.h2.mvstore.type.ObjectDataType(), type, key)).isEqualTo(key);
    }
  }

  @Test
  void anAnchoredPrefixFindsExactlyTheIdsWithThatPrefixAcrossARestart() {
    List<Object> ids =
        List.of(
            "u1|s|2026-11-20|a",
            "u1|s|2026-11-20|b",
            "u1|s|2026-11-21|a",
            "u10|s|2026-11-20|a",
            "u1|s|2026-11-2",
            "u1|t|2026-11-20|a",
            7,
            new ObjectId("64c777ddd3fcab07cfbb210c"));
    String prefix = "u1|s|2026-11-20|";
    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, 0)) {
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        ids.forEach(id -> days(client).insertOne(new Document("_id", id)));
        assertThat(idsMatching(days(client), "^" + Pattern.quote(prefix), ""))
            .containsExactly("u1|s|2026-11-20|a", "u1|s|2026-11-20|b");
      }
      mongo.restart();
      try (MongoClient client = MongoClients.create(mongo.uri("keys"))) {
        MongoCollection<Document> days = days(client);
        assertThat(idsMatching(days, "^" + Pattern.quote(prefix), ""))
            .containsExactly("u1|s|2026-11-20|a", "u1|s|2026-11-20|b");
        assertThat(idsMatching(days, "^u1", "")).hasSize(6);
        assertThat(idsMatching(days, "^U1\\|S\\|2026-11-21", "i"))
            .containsExactly("u1|s|2026-11-21|a");
        assertThat(idsMatching(days, "2026-11-20\\|a$", ""))
            .containsExactlyInAnyOrder(
                "u1|s|2026-11-20|a", "u10|s|2026-11-20|a", "u1|t|2026-11-20|a");
        assertThat(idsMatching(days, "^" + Pattern.quote("u2|"), "")).isEmpty();
      }
    }
  }

  private static List<Object> idsMatching(
      MongoCollection<Document> days, String pattern, String options) {
    List<Object> found = new ArrayList<>();
    days.find(Filters.regex("_id", pattern, options)).forEach(doc -> found.add(doc.get("_id")));
    return found;
  }

  private static Object roundTrip(
      org.h2.mvstore.type.DataType<Object> writer,
      org.h2.mvstore.type.DataType<Object> reader,
      Object value) {
    WriteBuffer buffer = new WriteBuffer();
    writer.write(buffer, value);
    return reader.read(buffer.getBuffer().flip());
  }

  private static MongoCollection<Document> days(MongoClient client) {
    return client.getDatabase("keys").getCollection("days");
  }

  private static void assertDuplicateRefused(MongoCollection<Document> days, Document duplicate) {
    assertThatThrownBy(() -> days.insertOne(duplicate))
        .isInstanceOfSatisfying(
            MongoWriteException.class,
            e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
  }

  private static String uri(InetSocketAddress address, String database) {
    return "mongodb://127.0.0.1:" + address.getPort() + "/" + database;
  }
}
