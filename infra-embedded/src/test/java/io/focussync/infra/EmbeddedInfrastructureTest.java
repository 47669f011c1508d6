package io.focussync.infra;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
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
