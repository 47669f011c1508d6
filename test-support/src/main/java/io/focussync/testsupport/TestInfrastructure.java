package io.focussync.testsupport;

import io.focussync.infra.KraftBroker;
import io.focussync.infra.WireMongoServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Optional;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The Kafka broker and MongoDB server of this test JVM, started once on first use. The backend is
 * chosen by the test run, never by the code under test: external servers when {@code
 * FOCUSSYNC_KAFKA_BOOTSTRAP} / {@code FOCUSSYNC_MONGODB_URI} are set, Testcontainers when {@code
 * -Dfocussync.it.backend=containers}, otherwise a real KRaft broker and a wire-protocol MongoDB
 * server inside this JVM.
 */
public final class TestInfrastructure {

  /** The gateway-to-service HMAC key every test context runs with. */
  public static final String INTERNAL_AUTH_KEY = "test-internal-auth-key-0123456789";

  /** The key that encrypts secrets at rest in every test context. */
  public static final String SECRET_KEY = "test-secret-key-0123456789abcdef";

  private static volatile TestInfrastructure shared;

  private final String kafkaBootstrap;
  private final String mongoUri;
  private final KraftBroker broker;
  private final WireMongoServer mongo;

  private TestInfrastructure(
      String kafkaBootstrap, String mongoUri, KraftBroker broker, WireMongoServer mongo) {
    this.kafkaBootstrap = kafkaBootstrap;
    this.mongoUri = mongoUri;
    this.broker = broker;
    this.mongo = mongo;
  }

  /** The infrastructure of this JVM, started on the first call. */
  public static TestInfrastructure get() {
    if (shared == null) {
      synchronized (TestInfrastructure.class) {
        if (shared == null) {
          shared = start();
        }
      }
    }
    return shared;
  }

  /** Bootstrap servers of the broker. */
  public String kafkaBootstrap() {
    return kafkaBootstrap;
  }

  /** Connection string of the MongoDB server, without a database. */
  public String mongoUri() {
    return mongoUri;
  }

  /** The in-JVM broker, for tests that restart it; empty on other backends. */
  public Optional<KraftBroker> embeddedBroker() {
    return Optional.ofNullable(broker);
  }

  /** The in-JVM MongoDB server, for tests that restart it; empty on other backends. */
  public Optional<WireMongoServer> embeddedMongo() {
    return Optional.ofNullable(mongo);
  }

  private static TestInfrastructure start() {
    String externalKafka = System.getenv("FOCUSSYNC_KAFKA_BOOTSTRAP");
    String externalMongo = System.getenv("FOCUSSYNC_MONGODB_URI");
    if (externalKafka != null && externalMongo != null) {
      return new TestInfrastructure(externalKafka, externalMongo, null, null);
    }
    if ("containers".equals(System.getProperty("focussync.it.backend"))) {
      return startContainers();
    }
    return startEmbedded();
  }

  private static TestInfrastructure startEmbedded() {
    try {
      KraftBroker broker = KraftBroker.start(Files.createTempDirectory("focussync-kafka"), 0);
      WireMongoServer mongo = WireMongoServer.inMemory(0);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    mongo.close();
                    broker.close();
                  }));
      return new TestInfrastructure(
          broker.bootstrapServers(), mongo.uri("").replaceAll("/$", ""), broker, mongo);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @SuppressWarnings("resource") // stopped by Testcontainers' reaper when the JVM ends
  private static TestInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer("apache/kafka:4.1.1");
    MongoDBContainer mongo = new MongoDBContainer("mongo:8.0");
    kafka.start();
    mongo.start();
    return new TestInfrastructure(
        kafka.getBootstrapServers(), mongo.getConnectionString(), null, null);
  }
}
