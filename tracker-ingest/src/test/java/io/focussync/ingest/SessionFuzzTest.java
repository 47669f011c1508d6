package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.FocusSyncEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Throws random and mutated payloads (jqwik generators, a seeded mutator) at every JSON endpoint:
 * never a 5xx, and never an event for a rejected request (each request has its own user, so the
 * topic tells exactly what each request published).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SessionFuzzTest {

  private static final int REQUESTS = 250;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final String[] FIELDS = {
    "id", "projectKey", "start", "end", "trackedSeconds", "title", "tags", "timeZone"
  };

  @LocalServerPort int port;

  record Outcome(String user, String path, String payload, int status, int expectedEvents) {}

  @Test
  void randomAndMutatedPayloadsNeverCauseA5xxNorPublishWhenRejected() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    List<Outcome> outcomes = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      String user = IngestApi.newUser();
      String path;
      byte[] payload;
      switch (random.nextInt(4)) {
        case 0:
          path = "/api/v1/sessions/batch";
          payload = batch(random).getBytes(StandardCharsets.UTF_8);
          break;
        case 1:
          path = "/api/v1/sessions/" + pathId(random);
          payload = payload(random);
          break;
        default:
          path = "/api/v1/sessions";
          payload = payload(random);
      }
      String method = path.equals("/api/v1/sessions") || path.endsWith("/batch") ? "POST" : "PUT";
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
              .method(method, HttpRequest.BodyPublishers.ofByteArray(payload))
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30));
      IngestApi.signed(user).forEach(request::header);
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      String shown = new String(payload, StandardCharsets.UTF_8);
      assertThat(response.statusCode())
          .as("seed %d, %s %s with %s -> %s", seed, method, path, shown, response.body())
          .isLessThan(500)
          .isIn(202, 400, 404, 405, 413, 415);
      outcomes.add(
          new Outcome(user, path, shown, response.statusCode(), expectedEvents(path, response)));
    }

    Map<String, Long> eventsPerUser =
        IngestApi.events(
                outcomes.stream().map(Outcome::user).collect(Collectors.toSet()),
                Duration.ofSeconds(3))
            .stream()
            .collect(Collectors.groupingBy(FocusSyncEvent::userId, Collectors.counting()));
    for (Outcome outcome : outcomes) {
      assertThat(eventsPerUser.getOrDefault(outcome.user(), 0L))
          .as(
              "seed %d: events of %s %s (%d)",
              seed, outcome.path(), outcome.payload(), outcome.status())
          .isEqualTo(outcome.expectedEvents());
    }
    assertThat(outcomes).anyMatch(o -> o.status() == 202).anyMatch(o -> o.status() == 400);
  }

  private static int expectedEvents(String path, HttpResponse<String> response) {
    if (response.statusCode() != 202) {
      return 0;
    }
    if (path.endsWith("/batch")) {
      JsonNode body = JSON.readTree(response.body());
      return body.get("accepted").asInt();
    }
    return 1;
  }

  private static String pathId(Random random) {
    String[] ids = {"abc", "rest:abc", "import:x1", "a.b-c_d~e", "rest:", "x%20y", "%F0%9F%98%80"};
    return ids[random.nextInt(ids.length)];
  }

  private static byte[] payload(Random random) {
    switch (random.nextInt(6)) {
      case 0:
        return strings().sample().getBytes(StandardCharsets.UTF_8);
      case 1:
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return bytes;
      case 2:
        return randomObject(random).getBytes(StandardCharsets.UTF_8);
      default:
        return mutate(valid(random), random).getBytes(StandardCharsets.UTF_8);
    }
  }

  private static String batch(Random random) {
    int size = random.nextInt(6);
    List<String> items = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      int kind = random.nextInt(4);
      items.add(
          kind == 0
              ? valid(random)
              : kind == 1 ? randomObject(random) : mutateValue(valid(random), random));
    }
    String body = "{\"sessions\":[" + String.join(",", items) + "]}";
    return random.nextInt(5) == 0 ? mutate(body, random) : body;
  }

  private static Arbitrary<String> strings() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(80),
        Arbitraries.strings().withChars("{}[]\":,\\ 0123456789.-+eEtrufalsn").ofMaxLength(80));
  }

  private static String valid(Random random) {
    Instant end =
        Instant.now()
            .truncatedTo(ChronoUnit.SECONDS)
            .minus(Duration.ofMinutes(random.nextInt(10_000)));
    Instant start = end.minus(Duration.ofMinutes(1 + random.nextInt(600)));
    Map<String, Object> session = new HashMap<>();
    if (random.nextBoolean()) {
      session.put("id", "f" + random.nextInt(1_000_000));
    }
    session.put("projectKey", "p" + random.nextInt(10));
    session.put("start", start.toString());
    session.put("end", end.toString());
    if (random.nextBoolean()) {
      session.put(
          "trackedSeconds",
          1 + random.nextInt((int) (end.getEpochSecond() - start.getEpochSecond())));
    }
    if (random.nextBoolean()) {
      session.put("title", "t");
      session.put("tags", List.of("a", "b"));
      session.put("timeZone", "Europe/Madrid");
    }
    return JSON.writeValueAsString(session);
  }

  private static String randomObject(Random random) {
    Map<String, Object> object = new HashMap<>();
    for (String field : FIELDS) {
      if (random.nextBoolean()) {
        object.put(field, randomValue(random));
      }
    }
    return JSON.writeValueAsString(object);
  }

  private static Object randomValue(Random random) {
    switch (random.nextInt(9)) {
      case 0:
        return null;
      case 1:
        return random.nextLong();
      case 2:
        return random.nextBoolean();
      case 3:
        return List.of(strings().sample(), 1);
      case 4:
        return Map.of("nested", strings().sample());
      case 5:
        return "x".repeat(random.nextInt(2000));
      case 6:
        return Instant.now().plus(Duration.ofDays(random.nextInt(3) - 1)).toString();
      case 7:
        return random.nextDouble();
      default:
        return strings().sample();
    }
  }

  /** Replaces one field of a valid object with a random value (or removes it). */
  private static String mutateValue(String json, Random random) {
    @SuppressWarnings("unchecked")
    Map<String, Object> object = JSON.readValue(json, Map.class);
    String field = FIELDS[random.nextInt(FIELDS.length)];
    if (random.nextInt(4) == 0) {
      object.remove(field);
    } else {
      object.put(field, randomValue(random));
    }
    return JSON.writeValueAsString(object);
  }

  /** Byte-level or value-level mutations of a JSON text. */
  private static String mutate(String json, Random random) {
    StringBuilder text = new StringBuilder(json);
    int mutations = 1 + random.nextInt(3);
    for (int m = 0; m < mutations && text.length() > 0; m++) {
      int at = random.nextInt(text.length());
      switch (random.nextInt(5)) {
        case 0:
          text.deleteCharAt(at);
          break;
        case 1:
          text.insert(at, "{}[]\":,\\0-9eTZ+\u00e9\ud83d\ude00".charAt(random.nextInt(18)));
          break;
        case 2:
          text.setLength(at);
          break;
        case 3:
          return mutateValue(json, random);
        default:
          text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(20))));
      }
    }
    return text.toString();
  }
}
