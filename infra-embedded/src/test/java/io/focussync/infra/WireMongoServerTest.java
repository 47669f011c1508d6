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
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wire server on disk: mongo-java-server's H2 backend with its patch, and older folders. */
class WireMongoServerTest {

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
    CopyingH2Backend backend = new CopyingH2Backend(dataDir.resolve("focussync.mv").toString());
    MongoServer server = new MongoServer(backend);
    server.bind("127.0.0.1", 0);
    try (MongoClient client =
        MongoClients.create(
            "mongodb://127.0.0.1:" + server.getLocalAddress().getPort() + "/copies")) {
      MongoCollection<Document> days = days(client);
      days.insertOne(new Document("_id", "day-1").append("status", "PENDING"));
      var data = backend.getMvStore().<Object, Object>openMap("databases.keys.days");
      Object stored = data.get("day-1");

      days.updateOne(
          Filters.eq("_id", "day-1"), new Document("$set", new Document("status", "SYNCED")));
      days.findOneAndUpdate(
          Filters.eq("status", "SYNCED"), new Document("$set", new Document("fence", 2L)));

      // the instance H2 held (and its writer thread may be serializing) was not changed in place,
      // as mongo-java-server's own H2Backend would change it
      assertThat(stored.toString()).contains("PENDING").doesNotContain("fence");
      assertThat(days.find(Filters.eq("_id", "day-1")).first())
          .containsEntry("status", "SYNCED")
          .containsEntry("fence", 2L);
    } finally {
      server.shutdownNow();
    }
  }

  @Test
  void aFolderStockH2BackendWroteOpensWithItsIndexesRebuilt() {
    Document rich = rich();
    int port = KraftBroker.freePort();
    MongoServer stock = new MongoServer(new H2Backend(dataDir.resolve("focussync.mv").toString()));
    stock.bind("127.0.0.1", port);
    try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + port + "/keys")) {
      days(client).createIndex(Indexes.ascending("tokenId"), new IndexOptions().unique(true));
      days(client).insertOne(new Document(rich).append("tokenId", "t-1"));
    } finally {
      stock.shutdownNow();
    }

    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port);
        MongoClient client = MongoClients.create(mongo.uri("keys"))) {
      assertThat(days(client).find(Filters.eq("_id", "rich")).first())
          .isEqualTo(new Document(rich).append("tokenId", "t-1"));
      assertDuplicateRefused(days(client), new Document("_id", "other").append("tokenId", "t-1"));
      assertDuplicateRefused(days(client), new Document("_id", "rich"));
      days(client)
          .updateOne(Filters.eq("_id", "rich"), new Document("$set", new Document("int", 13)));
    }
    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port);
        MongoClient client = MongoClients.create(mongo.uri("keys"))) {
      assertThat(days(client).find(Filters.eq("_id", "rich")).first())
          .isEqualTo(new Document(rich).append("tokenId", "t-1").append("int", 13));
    }
  }

  @Test
  void aFolderOfThePreviousBackendOpensWithItsIndexesRebuilt() {
    // FastH2Backend (before issue 19) stored documents as this backend does, and its unique
    // indexes in maps named ._keyindex_ (keys in another encoding): such maps are dropped and
    // the indexes rebuilt from the documents
    int port = KraftBroker.freePort();
    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port);
        MongoClient client = MongoClients.create(mongo.uri("keys"))) {
      days(client).createIndex(Indexes.ascending("tokenId"), new IndexOptions().unique(true));
      days(client).insertOne(new Document(rich()).append("tokenId", "t-1"));
    }
    MVStore store =
        new MVStore.Builder().fileName(dataDir.resolve("focussync.mv").toString()).open();
    for (String name : List.copyOf(store.getMapNames())) {
      if (name.contains(CopyingH2Backend.INDEX_INFIX)) {
        store.removeMap(name);
        store.openMap(name.replace(CopyingH2Backend.INDEX_INFIX, "._keyindex_")).put("stale", "v");
      }
    }
    store.close();

    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir, port);
        MongoClient client = MongoClients.create(mongo.uri("keys"))) {
      assertThat(days(client).find(Filters.eq("_id", "rich")).first())
          .isEqualTo(new Document(rich()).append("tokenId", "t-1"));
      assertDuplicateRefused(days(client), new Document("_id", "other").append("tokenId", "t-1"));
      assertDuplicateRefused(days(client), new Document("_id", "rich"));
      assertThat(days(client).countDocuments()).isEqualTo(1);
    }
    MVStore after =
        new MVStore.Builder().fileName(dataDir.resolve("focussync.mv").toString()).open();
    try {
      assertThat(after.getMapNames()).noneMatch(name -> name.contains("._keyindex_"));
    } finally {
      after.close();
    }
  }

  private static Document rich() {
    return new Document("_id", "rich")
        .append("text", "zwölf")
        .append("int", 12)
        .append("long", 12L)
        .append("double", 1.5)
        .append("decimal", Decimal128.parse("12.50"))
        .append("flag", true)
        .append("nothing", null)
        .append("at", new Date(1_700_000_000_000L))
        .append("id", new ObjectId("64c777ddd3fcab07cfbb210c"))
        .append("list", List.of("a", 2, new Document("deep", List.of(3L))))
        .append("nested", new Document("slots", new Document("p", "e-1")));
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
}
