package io.focussync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedInfrastructureTest {

  @TempDir Path dataDir;

  @Test
  void transactionalRecordsSurviveABrokerRestartOnTheSameFolder() throws Exception {
    try (KraftBroker broker = KraftBroker.start(dataDir.resolve("kafka"), 0)) {
      produceTransactionally(broker.bootstrapServers(), "before-restart");
      broker.restart();
      produceTransactionally(broker.bootstrapServers(), "after-restart");

      assertThat(consumeAll(broker.bootstrapServers()))
          .containsExactly("before-restart", "after-restart");
    }
  }

  @Test
  void documentsATtlIndexSaysHaveExpiredAreDeletedAsMongoDbWouldDeleteThem() {
    try (WireMongoServer mongo = WireMongoServer.inMemory(0);
        MongoClient client = MongoClients.create(mongo.uri("ttl"))) {
      MongoCollection<Document> keys = client.getDatabase("ttl").getCollection("keys");
      keys.createIndex(
          Indexes.ascending("expiresAt"), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
      MongoCollection<Document> sessions = client.getDatabase("ttl").getCollection("sessions");
      sessions.createIndex(
          Indexes.ascending("seenAt"), new IndexOptions().expireAfter(3600L, TimeUnit.SECONDS));
      Instant now = Instant.now();
      keys.insertOne(
          new Document("_id", "expired").append("expiresAt", Date.from(now.minusSeconds(5))));
      keys.insertOne(
          new Document("_id", "live").append("expiresAt", Date.from(now.plusSeconds(60))));
      keys.insertOne(new Document("_id", "no-date").append("expiresAt", "not a date"));
      sessions.insertOne(
          new Document("_id", "old").append("seenAt", Date.from(now.minusSeconds(7200))));
      sessions.insertOne(
          new Document("_id", "recent").append("seenAt", Date.from(now.minusSeconds(60))));

      assertThat(mongo.sweepExpired(now)).isEqualTo(2);

      assertThat(keys.find().map(d -> d.getString("_id")))
          .containsExactlyInAnyOrder("live", "no-date");
      assertThat(sessions.find().map(d -> d.getString("_id"))).containsExactly("recent");
    }
  }

  @Test
  void theRealDriverReadsBackWhatItWroteAndH2KeepsItAcrossRestarts() {
    try (WireMongoServer mongo = WireMongoServer.onDisk(dataDir.resolve("mongo"), 0)) {
      String uri = mongo.uri("infra");
      try (MongoClient client = MongoClients.create(uri)) {
        client.getDatabase("infra").getCollection("c").insertOne(new Document("_id", "kept"));
      }
      mongo.restart();
      try (MongoClient client = MongoClients.create(uri)) {
        assertThat(client.getDatabase("infra").getCollection("c").countDocuments()).isEqualTo(1);
        assertThat(client.listDatabaseNames()).contains("infra");
      }
    }
  }

  private static void produceTransactionally(String bootstrap, String value) throws Exception {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "transactional.id",
            "infra-test",
            "key.serializer",
            StringSerializer.class.getName(),
            "value.serializer",
            StringSerializer.class.getName()));
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.initTransactions();
      producer.beginTransaction();
      producer.send(new ProducerRecord<>("infra-test", "k", value)).get();
      producer.commitTransaction();
    }
  }

  private static List<String> consumeAll(String bootstrap) {
    Properties props = new Properties();
    props.putAll(
        Map.of(
            "bootstrap.servers",
            bootstrap,
            "group.id",
            "infra-test",
            "auto.offset.reset",
            "earliest",
            "isolation.level",
            "read_committed",
            "key.deserializer",
            StringDeserializer.class.getName(),
            "value.deserializer",
            StringDeserializer.class.getName()));
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of("infra-test"));
      java.util.List<String> values = new java.util.ArrayList<>();
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.size() < 2 && System.nanoTime() < deadline) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofMillis(500));
        records.forEach(record -> values.add(record.value()));
      }
      return values;
    }
  }
}
