package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionOrder;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.ingest.messaging.SessionPublisher;
import io.focussync.ingest.session.SessionEvents;
import io.focussync.ingest.session.VersionSequence;
import io.focussync.testsupport.TestHttp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two replicas, the second one's clock minutes behind: a PUT answered by the first and then a
 * DELETE answered by the second leave the session deleted for a consumer that orders the records as
 * the contract says ({@link SessionOrder}), although the DELETE's version is the lower one.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReplicaClocksTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;
  @Autowired SessionPublisher publisher;

  /** The second replica: the same publisher, events stamped by a clock seven minutes behind. */
  private final SessionEvents replicaBehind = replicaWithClock(Duration.ofMinutes(-7));

  @Test
  void aDeleteOnAReplicaWhoseClockIsBehindDeletesTheSessionPutOnAnother() {
    String user = IngestApi.newUser();
    TestHttp.Response put =
        new IngestApi(port)
            .send(
                "PUT", "/api/v1/sessions/pomodoro-7", user, IngestApi.session(null, "p"), Map.of());
    assertThat(put.status()).isEqualTo(202);

    SessionDeleted delete = replicaBehind.deleted(user, "rest:pomodoro-7");
    publisher.publish(List.of(delete));

    assertThat(delete.version()).isLessThan(JSON.readTree(put.body()).get("version").asLong());
    List<ConsumerRecord<String, byte[]>> records = IngestApi.records(user);
    assertThat(records).hasSize(2);
    assertThat(records.get(0).partition()).isEqualTo(records.get(1).partition());
    assertThat(heldAfter(records, "rest:pomodoro-7")).isEqualTo(delete);
  }

  @Test
  void anOlderNotionVersionAfterANewerOneIsIgnored() {
    String user = IngestApi.newUser();
    long newer = Instant.now().toEpochMilli() * 1000;
    SessionRecorded page =
        new SessionRecorded(
            user,
            "notion:page-1",
            "notion",
            "page-1",
            newer,
            "p",
            Instant.parse("2026-11-20T09:00:00Z"),
            Instant.parse("2026-11-20T10:00:00Z"),
            null,
            null,
            List.of(),
            Map.of(),
            Instant.now());
    publisher.publish(List.of(page));
    publisher.publish(
        List.of(new SessionDeleted(user, "notion:page-1", "notion", newer - 1, Instant.now())));

    assertThat(heldAfter(IngestApi.records(user), "notion:page-1")).isEqualTo(page);
  }

  /** The change a consumer holds after reading the records in topic order. */
  private static FocusSyncEvent heldAfter(
      List<ConsumerRecord<String, byte[]>> records, String sessionId) {
    FocusSyncEvent held = null;
    long heldRank = Long.MIN_VALUE;
    for (ConsumerRecord<String, byte[]> record : records) {
      FocusSyncEvent event = IngestApi.decode(record);
      long version =
          event instanceof SessionRecorded r ? r.version() : ((SessionDeleted) event).version();
      long rank = SessionOrder.rank(sessionId, version, record.offset());
      if (event.subject().equals(sessionId) && rank > heldRank) {
        held = event;
        heldRank = rank;
      }
    }
    return held;
  }

  private static SessionEvents replicaWithClock(Duration skew) {
    Clock clock = Clock.offset(Clock.systemUTC(), skew);
    return new SessionEvents(new VersionSequence(clock), clock);
  }
}
