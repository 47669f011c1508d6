package io.focussync.allocator;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.focussync.allocator.it.AllocatorIntegrationTest;
import io.focussync.testsupport.TestHttp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Shares the integration tests' context (one Spring context per module). */
class AllocatorApplicationTest extends AllocatorIntegrationTest {

  @Autowired MongoClient mongo;

  @Test
  void reportsHealthyWithItsStoreAndProbeGroups() {
    mongo.getDatabase("health-check").getCollection("c").insertOne(new Document("_id", "exists"));

    TestHttp.Response health = TestHttp.get(url("/actuator/health"));

    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"");
    assertThat(TestHttp.get(url("/actuator/health/liveness")).body()).contains("UP");
    assertThat(TestHttp.get(url("/actuator/health/readiness")).body()).contains("UP");
  }

  @Test
  void exposesPrometheusMetrics() {
    TestHttp.Response metrics = TestHttp.get(url("/actuator/prometheus"));

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body()).contains("jvm_memory_used_bytes");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
