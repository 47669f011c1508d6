package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.focussync.testsupport.TestHttp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrackerIngestApplicationTest {

  @LocalServerPort int port;
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
  void exposesPrometheusMetricsWithThePublishersProducerMetrics() {
    String user = IngestApi.newUser();
    assertThat(
            new IngestApi(port)
                .post("/api/v1/sessions", user, IngestApi.session("metered", "acme/web"))
                .status())
        .isEqualTo(202);

    TestHttp.Response metrics = TestHttp.get(url("/actuator/prometheus"));

    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("jvm_memory_used_bytes")
        .as("the EventPublisher's producer client metrics")
        .containsPattern("(?m)^kafka_producer_record_send_total\\{[^}]*} [1-9]");
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }
}
