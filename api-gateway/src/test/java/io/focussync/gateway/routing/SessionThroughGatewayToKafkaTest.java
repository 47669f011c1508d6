package io.focussync.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventCodec;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.gateway.support.GatewayTestBase;
import io.focussync.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A request walks client → gateway (bearer check, signed identity) → service (verifies the
 * signature with the platform's InternalIdentity) → the real Kafka broker.
 */
class SessionThroughGatewayToKafkaTest extends GatewayTestBase {

  @Test
  void postedSessionArrivesOnTheSessionsTopicKeyedByTheTokensUser() {
    TestUser ada = createUser("ada-" + UUID.randomUUID());
    String clientId = "pomodoro-" + UUID.randomUUID();

    Response accepted =
        call(
            "POST",
            "/api/v1/sessions",
            "{\"id\":\""
                + clientId
                + "\",\"projectKey\":\"focus-sync\",\"start\":\"2026-11-20T09:00:00Z\","
                + "\"end\":\"2026-11-20T10:30:00Z\",\"title\":\"Deep work\"}",
            ada.token());

    assertThat(accepted.status()).isEqualTo(202);
    assertThat(accepted.json().get("id").asString()).isEqualTo("api:" + clientId);
    List<ConsumerRecord<String, byte[]>> records =
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    TestTopics.readAll(
                        Topics.SESSIONS,
                        record -> ada.id().equals(record.key()),
                        Duration.ofMillis(600)),
                found -> !found.isEmpty());
    assertThat(records).hasSize(1);
    ConsumerRecord<String, byte[]> record = records.get(0);
    assertThat(TestTopics.header(record, CloudEventHeaders.TYPE))
        .isEqualTo(EventTypes.SESSION_RECORDED);
    SessionRecorded event = EventCodec.fromJson(SessionRecorded.class, record.value());
    assertThat(event.userId()).isEqualTo(ada.id());
    assertThat(event.sessionId()).isEqualTo("api:" + clientId);
    assertThat(event.projectKey()).isEqualTo("focus-sync");
    assertThat(event.start()).isEqualTo(Instant.parse("2026-11-20T09:00:00Z"));
    assertThat(event.title()).isEqualTo("Deep work");
  }

  @Test
  void aForgedIdentityCannotPublishForAnotherUser() {
    TestUser ada = createUser("ada-" + UUID.randomUUID());
    String victim = "victim-" + UUID.randomUUID();

    Response accepted =
        send(
            "POST",
            "/api/v1/sessions",
            "{\"projectKey\":\"p\",\"start\":\"2026-11-20T09:00:00Z\",\"end\":\"2026-11-20T10:00:00Z\"}",
            java.util.Map.of(
                "Authorization",
                "Bearer " + ada.token(),
                "X-FocusSync-User",
                victim,
                "X-FocusSync-Timestamp",
                String.valueOf(Instant.now().getEpochSecond()),
                "X-FocusSync-Signature",
                "00"));

    assertThat(accepted.status()).isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                !TestTopics.readAll(
                        Topics.SESSIONS,
                        record -> ada.id().equals(record.key()),
                        Duration.ofMillis(600))
                    .isEmpty());
    assertThat(
            TestTopics.readAll(
                Topics.SESSIONS, record -> victim.equals(record.key()), Duration.ofMillis(600)))
        .isEmpty();
  }
}
