package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.infra.KraftBroker;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Kafka down: 503 with Retry-After within seconds, nothing published, the Idempotency-Key not used
 * up. The broker is shared by every test of this JVM: the test restarts it before it ends and waits
 * until publishing works again, so that the test classes after it are unaffected.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class KafkaDownTest {

  @LocalServerPort int port;

  @Test
  void kafkaDownIs503WithRetryAfterAndNothingHalfWritten() {
    assumeTrue(TestInfrastructure.get().embeddedBroker().isPresent(), "needs the in-JVM broker");
    KraftBroker broker = TestInfrastructure.get().embeddedBroker().get();
    IngestApi api = new IngestApi(port);
    String user = IngestApi.newUser();
    assertThat(api.post("/api/v1/sessions", user, IngestApi.session("before", "p")).status())
        .isEqualTo(202);

    TestHttp.Response single;
    TestHttp.Response batch;
    long elapsedMillis;
    broker.close();
    try {
      long started = System.nanoTime();
      single =
          api.send(
              "POST",
              "/api/v1/sessions",
              user,
              IngestApi.session("during", "p"),
              Map.of("Idempotency-Key", "retry-me"));
      elapsedMillis = (System.nanoTime() - started) / 1_000_000;
      batch =
          api.post(
              "/api/v1/sessions/batch",
              user,
              "{\"sessions\":["
                  + IngestApi.session("batch-1", "p")
                  + ","
                  + IngestApi.session("batch-2", "p")
                  + "]}");
    } finally {
      broker.restart();
    }

    assertThat(single.status()).isEqualTo(503);
    assertThat(single.header("Retry-After")).isEqualTo("5");
    assertThat(single.header("Content-Type")).startsWith("application/problem+json");
    assertThat(elapsedMillis).isLessThan(15_000);
    assertThat(batch.status()).isEqualTo(503);

    // Kafka back: the same key runs afresh (nothing was kept for the failed attempt).
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                api.send(
                            "POST",
                            "/api/v1/sessions",
                            user,
                            IngestApi.session("during", "p"),
                            Map.of("Idempotency-Key", "retry-me"))
                        .status()
                    == 202);
    assertThat(IngestApi.recorded(IngestApi.events(user)))
        .extracting(SessionRecorded::sourceId)
        .containsOnly("before", "during")
        .doesNotContain("batch-1", "batch-2");
  }
}
