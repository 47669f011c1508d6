package io.focussync.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.focussync.e2e.support.E2eStack;
import io.focussync.localstack.LocalStack;
import io.focussync.localstack.StackSecrets;
import io.focussync.localstack.StackSettings;
import io.focussync.testsupport.TestHttp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The local stack as a newcomer runs it: five service processes, healthy, data kept on restart. */
class LocalStackIT {

  /** Under target/, so that the service logs stay for a look after a failure. */
  private final Path dataDir =
      Path.of("target", "local-stack-it", String.valueOf(System.nanoTime())).toAbsolutePath();

  @Test
  void everyServiceBecomesHealthyAndARestartKeepsKafkaAndMongoData() throws Exception {
    Map<String, String> env = freePorts();
    StackSettings settings = StackSettings.from(env, Path.of("..").toAbsolutePath().normalize());
    StackSecrets secrets = StackSecrets.loadOrCreate(settings.dataDir(), env);

    try (LocalStack stack = new LocalStack(settings, secrets)) {
      stack.start();
      assertThat(TestHttp.get(gateway(settings) + "/actuator/health").body())
          .contains("\"status\":\"UP\"");
      write(stack.sharedEnvironment());
    }

    StackSecrets again = StackSecrets.loadOrCreate(settings.dataDir(), env);
    assertThat(again.adminToken()).isEqualTo(secrets.adminToken());
    try (LocalStack stack = new LocalStack(settings, again)) {
      stack.start();
      assertThat(TestHttp.get(gateway(settings) + "/actuator/health/readiness").status())
          .isEqualTo(200);
      assertThat(readKafka(stack.sharedEnvironment())).contains("kept-across-restart");
      try (MongoClient mongo =
          MongoClients.create(stack.sharedEnvironment().get("FOCUSSYNC_MONGODB_URI"))) {
        assertThat(mongo.getDatabase("e2e").getCollection("kept").countDocuments()).isEqualTo(1);
      }
    }
  }

  private Map<String, String> freePorts() {
    Map<String, String> env = new HashMap<>(E2eStack.freePortEnvironment());
    env.put("FOCUSSYNC_DATA_DIR", dataDir.toString());
    return env;
  }

  private static String gateway(StackSettings settings) {
    return "http://127.0.0.1:" + settings.gatewayPort();
  }

  private static void write(Map<String, String> env) throws Exception {
    Properties props = new Properties();
    props.put("bootstrap.servers", env.get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    props.put("key.serializer", StringSerializer.class.getName());
    props.put("value.serializer", StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(props)) {
      producer.send(new ProducerRecord<>("e2e.restart", "k", "kept-across-restart")).get();
    }
    try (MongoClient mongo = MongoClients.create(env.get("FOCUSSYNC_MONGODB_URI"))) {
      mongo.getDatabase("e2e").getCollection("kept").insertOne(new Document("_id", "kept"));
    }
  }

  private static List<String> readKafka(Map<String, String> env) {
    Properties props = new Properties();
    props.put("bootstrap.servers", env.get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    props.put("group.id", "e2e-restart");
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", StringDeserializer.class.getName());
    List<String> values = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of("e2e.restart"));
      long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      while (values.isEmpty() && System.nanoTime() < deadline) {
        consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
      }
    }
    return values;
  }
}
