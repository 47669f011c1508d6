package io.focussync.clockify.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulator's own behaviour that the e2e proofs lean on: listings that lag (an eventually
 * consistent read index), a POST that commits and answers only after the client gave up, and
 * revoked keys.
 */
class ClockifySimulatorTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final String KEY = "key-sim-test";
  private static final String WORKSPACE = "ws-sim";
  private static final String USER = "cu-sim";
  private static final Duration LAG = Duration.ofMillis(1500);

  private static ClockifySimulator clockify;

  @BeforeAll
  static void start() {
    clockify = ClockifySimulator.start();
    clockify.addKey(KEY, USER, "UTC", WORKSPACE);
  }

  @AfterAll
  static void stop() {
    clockify.close();
  }

  @AfterEach
  void reset() {
    clockify.setListingLag(Duration.ZERO);
    clockify.clearFaults();
  }

  @Test
  void aLaggingListingShowsTheStateOfLagAgoWhileReadsByIdAreCurrent() throws Exception {
    clockify.setListingLag(LAG);
    String id = create("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z").get("id").asString();

    // created: readable by id at once, not listed yet
    assertThat(send("GET", entryPath(id), null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    assertThat(listedEnds("2026-03-02")).isEmpty();
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(listedEnds("2026-03-02")).containsExactly("11:00"));

    // updated: listed as it was before, then as it is
    HttpResponse<String> put =
        send(
            "PUT",
            entryPath(id),
            body("2026-03-02T10:00:00Z", "2026-03-02T11:30:00Z"),
            Duration.ofSeconds(5));
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(listedEnds("2026-03-02")).containsExactly("11:00");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(listedEnds("2026-03-02")).containsExactly("11:30"));

    // deleted: still listed for the lag, then gone
    assertThat(send("DELETE", entryPath(id), null, Duration.ofSeconds(5)).statusCode())
        .isEqualTo(204);
    assertThat(clockify.entry(id)).isEmpty();
    assertThat(listedEnds("2026-03-02")).containsExactly("11:30");
    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(listedEnds("2026-03-02")).isEmpty());
  }

  @Test
  void withoutALagTheListingIsCurrent() throws Exception {
    create("2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z");
    assertThat(listedEnds("2026-03-03")).containsExactly("11:00");
  }

  @Test
  void aDelayedPostCommitsAtOnceAndTheClientTimesOutBeforeTheAnswer() throws Exception {
    clockify.fail(
        "POST", "/v1/workspaces/" + WORKSPACE + "/time-entries$", 1, SimFault.delay(3_000));
    long before = clockify.entries(WORKSPACE).size();

    long started = System.nanoTime();
    assertThatThrownBy(
            () ->
                send(
                    "POST",
                    "/v1/workspaces/" + WORKSPACE + "/time-entries",
                    body("2026-03-04T10:00:00Z", "2026-03-04T11:00:00Z"),
                    Duration.ofMillis(500)))
        .isInstanceOf(HttpTimeoutException.class);
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(2_500));

    // committed although the client saw only a timeout, and the hold blocks no other request
    assertThat(clockify.entries(WORKSPACE)).hasSize((int) before + 1);
    assertThat(listedEnds("2026-03-04")).containsExactly("11:00");
    assertThat(clockify.requests(r -> r.method().equals("POST") && r.outcome().equals("DELAY")))
        .hasSize(1);
  }

  @Test
  void aRevokedKeyAnswers401() throws Exception {
    String key = "key-revoked";
    clockify.addKey(key, "cu-revoked", "UTC", "ws-revoked");
    assertThat(sendWith(key, "GET", "/v1/user").statusCode()).isEqualTo(200);
    clockify.revokeKey(key);
    HttpResponse<String> refused = sendWith(key, "GET", "/v1/user");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.body()).contains("Api key does not exist");
  }

  @Test
  void writesIntoALockedPeriodAnswer403AndTheWorkspaceShowsItsLockDate() throws Exception {
    String key = "key-lock";
    String workspace = "ws-lock";
    clockify.addKey(key, "cu-lock", "UTC", workspace);
    String entries = "/v1/workspaces/" + workspace + "/time-entries";
    HttpResponse<String> open =
        send(key, "POST", entries, body("2026-03-02T10:00:00Z", "2026-03-02T11:00:00Z"));
    assertThat(open.statusCode()).isEqualTo(201);
    String id = JSON.readTree(open.body()).get("id").asString();

    clockify.lockEntriesBefore(
        workspace, java.time.Instant.parse("2026-03-02T23:00:00Z"), "Europe/Belgrade");

    JsonNode settings =
        JSON.readTree(sendWith(key, "GET", "/v1/workspaces/" + workspace).body())
            .get("workspaceSettings");
    assertThat(settings.get("lockTimeEntries").asString()).isEqualTo("2026-03-02T23:00:00Z");
    assertThat(settings.get("lockTimeZone").asString()).isEqualTo("Europe/Belgrade");
    assertThat(
            send(key, "POST", entries, body("2026-03-02T12:00:00Z", "2026-03-02T13:00:00Z"))
                .statusCode())
        .isEqualTo(403);
    assertThat(
            send(
                    key,
                    "PUT",
                    entries + "/" + id,
                    body("2026-03-03T10:00:00Z", "2026-03-03T11:00:00Z"))
                .statusCode())
        .isEqualTo(403);
    assertThat(sendWith(key, "DELETE", entries + "/" + id).statusCode()).isEqualTo(403);
    assertThat(
            send(key, "POST", entries, body("2026-03-02T23:00:00Z", "2026-03-03T01:00:00Z"))
                .statusCode())
        .isEqualTo(201);
    clockify.unlock(workspace);
    assertThat(sendWith(key, "DELETE", entries + "/" + id).statusCode()).isEqualTo(204);
  }

  @Test
  void projectsAreListedPageByPageWithArchivedOnesAndClients() throws Exception {
    String key = "key-projects";
    String workspace = "ws-projects";
    clockify.addKey(key, "cu-projects", "UTC", workspace);
    clockify.addProject(workspace, "A", "Acme", "#000001", false);
    clockify.addProject(workspace, "B", null, "#000002", true);
    clockify.addProject(workspace, "C", "Acme", "#000003", false);
    String path = "/v1/workspaces/" + workspace + "/projects?page-size=2&page=";

    HttpResponse<String> first = sendWith(key, "GET", path + "1");
    HttpResponse<String> second = sendWith(key, "GET", path + "2");
    HttpResponse<String> archived =
        sendWith(key, "GET", "/v1/workspaces/" + workspace + "/projects?archived=true");

    assertThat(first.headers().firstValue("Last-Page")).contains("false");
    assertThat(second.headers().firstValue("Last-Page")).contains("true");
    JsonNode page = JSON.readTree(first.body());
    assertThat(page).hasSize(2);
    assertThat(page.get(0).get("clientName").asString()).isEqualTo("Acme");
    assertThat(page.get(0).get("clientId").asString())
        .isEqualTo(JSON.readTree(second.body()).get(0).get("clientId").asString());
    assertThat(JSON.readTree(archived.body()))
        .singleElement()
        .satisfies(p -> assertThat(p.get("name").asString()).isEqualTo("B"));
  }

  private static HttpResponse<String> send(String key, String method, String path, String body)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(clockify.baseUrl() + path))
            .timeout(Duration.ofSeconds(5))
            .header("X-Api-Key", key)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode create(String start, String end) throws Exception {
    HttpResponse<String> created =
        send(
            "POST",
            "/v1/workspaces/" + WORKSPACE + "/time-entries",
            body(start, end),
            Duration.ofSeconds(5));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body());
  }

  /** The end times (HH:mm) of the entries the listing shows on a day. */
  private static List<String> listedEnds(String date) throws Exception {
    HttpResponse<String> listed =
        send(
            "GET",
            "/v1/workspaces/"
                + WORKSPACE
                + "/user/"
                + USER
                + "/time-entries?start="
                + date
                + "T00:00:00Z&end="
                + date
                + "T23:59:59Z&page-size=50",
            null,
            Duration.ofSeconds(5));
    assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
    List<String> ends = new ArrayList<>();
    JSON.readTree(listed.body())
        .forEach(e -> ends.add(e.get("timeInterval").get("end").asString().substring(11, 16)));
    return ends;
  }

  private static String entryPath(String id) {
    return "/v1/workspaces/" + WORKSPACE + "/time-entries/" + id;
  }

  private static String body(String start, String end) {
    return "{\"start\":\""
        + start
        + "\",\"end\":\""
        + end
        + "\",\"projectId\":\"p-1\",\"description\":\"d\",\"tagIds\":[]}";
  }

  private static HttpResponse<String> send(
      String method, String path, String body, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(clockify.baseUrl() + path))
            .timeout(timeout)
            .header("X-Api-Key", KEY)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> sendWith(String key, String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(clockify.baseUrl() + path))
            .timeout(Duration.ofSeconds(5))
            .header("X-Api-Key", key)
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
