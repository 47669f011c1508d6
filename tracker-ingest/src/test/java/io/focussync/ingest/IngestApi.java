package io.focussync.ingest;

import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.Topics;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestHttp;
import io.focussync.testsupport.TestInfrastructure;
import io.focussync.testsupport.TestTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Calls the service over HTTP as the gateway would, and reads what it published. */
public final class IngestApi {

  private static final InternalIdentity IDENTITY =
      new InternalIdentity(TestInfrastructure.INTERNAL_AUTH_KEY, Clock.systemUTC());

  private final int port;

  public IngestApi(int port) {
    this.port = port;
  }

  /** A fresh user id, so that a test sees only its own events on the shared topic. */
  public static String newUser() {
    return "user-" + UUID.randomUUID();
  }

  /** Sends a JSON request as the user, with extra headers (e.g. Idempotency-Key). */
  public TestHttp.Response send(
      String method, String path, String userId, String body, Map<String, String> extra) {
    Map<String, String> headers = new HashMap<>(signed(userId));
    headers.putAll(extra);
    return TestHttp.send(method, url(path), body, headers);
  }

  public TestHttp.Response post(String path, String userId, String body) {
    return send("POST", path, userId, body, Map.of());
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  /** The gateway's identity headers for a user. */
  public static Map<String, String> signed(String userId) {
    InternalIdentity.SignedIdentity identity = IDENTITY.sign(userId);
    return Map.of(
        InternalIdentity.USER_HEADER, identity.userId(),
        InternalIdentity.TIMESTAMP_HEADER, identity.timestamp(),
        InternalIdentity.SIGNATURE_HEADER, identity.signature());
  }

  /** Every event of these users on the sessions topic, read until it has been idle a while. */
  public static List<FocusSyncEvent> events(Set<String> userIds, Duration idle) {
    return TestTopics.readAll(Topics.SESSIONS, r -> userIds.contains(r.key()), idle).stream()
        .map(IngestApi::decode)
        .toList();
  }

  /** Every event of one user on the sessions topic. */
  public static List<FocusSyncEvent> events(String userId) {
    return events(Set.of(userId), Duration.ofMillis(1500));
  }

  /** The raw records of one user. */
  public static List<ConsumerRecord<String, byte[]>> records(String userId) {
    return TestTopics.readAll(
        Topics.SESSIONS, r -> userId.equals(r.key()), Duration.ofMillis(1500));
  }

  public static FocusSyncEvent decode(ConsumerRecord<String, byte[]> record) {
    return TestEvents.read(record);
  }

  /** A valid session body, one hour long, ending an hour ago. */
  public static String session(String id, String projectKey) {
    Instant end = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofHours(1));
    return session(id, projectKey, end.minus(Duration.ofHours(1)).toString(), end.toString());
  }

  public static String session(String id, String projectKey, String start, String end) {
    return "{"
        + (id == null ? "" : "\"id\":\"" + id + "\",")
        + "\"projectKey\":\""
        + projectKey
        + "\",\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"title\":\"Deep work\",\"tags\":[\"focus\"]}";
  }

  /** The only SessionRecorded events of a list. */
  public static List<SessionRecorded> recorded(List<FocusSyncEvent> events) {
    return events.stream()
        .filter(SessionRecorded.class::isInstance)
        .map(SessionRecorded.class::cast)
        .toList();
  }
}
