package io.focussync.platform.config;

import com.mongodb.client.MongoClient;
import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/** Reports MongoDB as up when the server answers a ping on the admin database. */
final class MongoPingHealthIndicator extends AbstractHealthIndicator {

  private final MongoClient client;

  MongoPingHealthIndicator(MongoClient client) {
    super("MongoDB health check failed");
    this.client = client;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    Document answer = client.getDatabase("admin").runCommand(new Document("ping", 1));
    builder.up().withDetail("ping", answer.get("ok"));
  }
}
