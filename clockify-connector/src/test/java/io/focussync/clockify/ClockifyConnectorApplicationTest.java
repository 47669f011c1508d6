package io.focussync.clockify;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.testsupport.TestHttp;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class ClockifyConnectorApplicationTest extends IntegrationTestBase {

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

  @Test
  void exposesClockifyCallRetryCircuitAndApplyLatencyMetrics() {
    String user = unique("metrics");
    String workspace = connect(user);
    CLOCKIFY.fail(
        "POST", "/workspaces/" + workspace + "/time-entries", 1, SimFault.tooManyRequests(null));
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);

    String metrics = TestHttp.get(url("/actuator/prometheus")).body();

    String name = "name=\"clockify-" + workspace + "\"";
    assertThat(metrics)
        .contains("focussync_clockify_calls_total{")
        .containsPattern(
            "focussync_clockify_calls_total\\{[^}]*operation=\"create_entry\"[^}]*outcome=\"rate_limited\"")
        .containsPattern(
            "focussync_clockify_calls_total\\{[^}]*operation=\"create_entry\"[^}]*outcome=\"success\"")
        .contains("focussync_clockify_plan_apply_seconds_count{outcome=\"synced\"")
        .containsPattern("resilience4j_retry_calls_total\\{[^}]*" + name)
        .containsPattern("resilience4j_circuitbreaker_state\\{[^}]*" + name)
        .containsPattern("focussync_clockify_permits_available\\{[^}]*" + name)
        .contains("focussync_clockify_plans_total{outcome=\"accepted\"");
  }
}
