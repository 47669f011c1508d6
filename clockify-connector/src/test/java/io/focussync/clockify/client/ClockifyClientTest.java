package io.focussync.clockify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/** The client's retry rules against the simulator: what is repeated, what never is. */
class ClockifyClientTest {

  private static final ClockifySimulator CLOCKIFY = ClockifySimulator.start();
  private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");

  private String workspace;
  private ClockifyApi api;

  @BeforeEach
  void connect() {
    workspace = "ws-" + UUID.randomUUID();
    CLOCKIFY.addKey("key-" + workspace, "cu-1", "UTC", workspace);
    api =
        TestClients.create(2)
            .forTarget(new ClockifyTarget(CLOCKIFY.baseUrl(), "key-" + workspace, workspace));
  }

  @AfterAll
  static void stop() {
    CLOCKIFY.close();
  }

  private EntryBody body(int hours) {
    return new EntryBody(NINE, NINE.plusSeconds(3600L * hours), "p1", "Development", List.of("t1"));
  }

  private long requests(String method) {
    return CLOCKIFY.requests(r -> r.method().equals(method) && r.path().contains(workspace)).size();
  }

  @Test
  void aBurstUpToTheLimitGoesAtOnceAndAPermitLaterThanTheLongestWaitSendsNothing() {
    String limited = "ws-" + UUID.randomUUID();
    CLOCKIFY.addKey("key-" + limited, "cu-1", "UTC", limited);
    ClockifyApi twoPerSecond =
        TestClients.create(2, RestClient.builder(), Map.of(limited, 2), Duration.ofMillis(100))
            .forTarget(new ClockifyTarget(CLOCKIFY.baseUrl(), "key-" + limited, limited));

    twoPerSecond.findTag("first");
    twoPerSecond.findTag("second");

    assertThatThrownBy(() -> twoPerSecond.findTag("third"))
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ClockifyException.Kind.RATE_LIMITED);
              assertThat(e.status()).isZero();
              // the first permit frees a period and its allowance (1.1 s) after it was taken
              assertThat(e.retryAfter())
                  .isGreaterThan(Duration.ofMillis(500))
                  .isLessThanOrEqualTo(Duration.ofMillis(1100));
            });
    assertThat(CLOCKIFY.requests(r -> r.path().contains(limited))).hasSize(2);
  }

  @Test
  void aRetryAfterLongerThanTheLongestBackOffIsHandedBackNotSleptOnTheThread() {
    CLOCKIFY.fail("GET", "/workspaces/" + workspace + "/tags", 1, SimFault.tooManyRequests(1));
    long start = System.nanoTime();

    assertThatThrownBy(() -> api.findTag("focus-sync"))
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ClockifyException.Kind.RATE_LIMITED);
              assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
            });

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    assertThat(requests("GET")).isEqualTo(1);
  }

  @Test
  void aShort429WithoutRetryAfterIsRetriedOnTheThread() {
    CLOCKIFY.fail("GET", "/workspaces/" + workspace + "/tags", 1, SimFault.tooManyRequests(null));

    assertThat(api.findTag("focus-sync")).isEmpty();

    assertThat(requests("GET")).isEqualTo(2);
  }

  @Test
  void neverRetriesAPostThatMayHaveCreatedTheEntry() {
    CLOCKIFY.fail(
        "POST", "/workspaces/" + workspace + "/time-entries", 1, SimFault.tooManyRequests(null));
    // Clockify may throttle after the write: a 429 on a POST is as ambiguous as a timeout.
    assertThatThrownBy(() -> api.createEntry(body(1)))
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ClockifyException.Kind.RATE_LIMITED);
              assertThat(e.retrySafe()).isFalse();
            });
    assertThat(requests("POST")).isEqualTo(1);
    assertThat(api.createEntry(body(1)).id()).isNotNull();
    assertThat(requests("POST")).isEqualTo(2);

    CLOCKIFY.fail(
        "POST",
        "/workspaces/" + workspace + "/time-entries",
        1,
        SimFault.status(500).thenApplied());
    assertThatThrownBy(() -> api.createEntry(body(2)))
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(ClockifyException.Kind.SERVER_ERROR);
              assertThat(e.retrySafe()).isFalse();
            });
    assertThat(requests("POST")).isEqualTo(3);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(2);
  }

  @Test
  void retriesIdempotentCallsOnServerErrorsAndResets() {
    String id = api.createEntry(body(1)).id();
    CLOCKIFY.fail("PUT", "/time-entries/" + id, 1, SimFault.status(503));
    CLOCKIFY.fail("PUT", "/time-entries/" + id, 1, SimFault.connectionReset());

    TimeEntry updated = api.updateEntry(id, body(3));

    assertThat(updated.end()).isEqualTo(NINE.plusSeconds(3 * 3600));
    assertThat(requests("PUT")).isEqualTo(3);
  }

  @Test
  void neverRetriesClientErrors() {
    assertThatThrownBy(() -> api.deleteEntry("000000000000000000000000"))
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> assertThat(e.kind()).isEqualTo(ClockifyException.Kind.BAD_REQUEST));
    assertThat(requests("DELETE")).isEqualTo(1);

    ClockifyApi wrongKey =
        TestClients.create(2).forTarget(new ClockifyTarget(CLOCKIFY.baseUrl(), "nope", workspace));
    assertThatThrownBy(wrongKey::currentUser)
        .isInstanceOfSatisfying(
            ClockifyException.class,
            e -> assertThat(e.kind()).isEqualTo(ClockifyException.Kind.UNAUTHORIZED));
  }

  @Test
  void listsEveryPageAndReadsNullableFieldsLeniently() {
    for (int i = 0; i < 5; i++) {
      api.createEntry(
          new EntryBody(
              NINE.plusSeconds(60L * i), NINE.plusSeconds(60L * i + 30), null, "x", List.of("t1")));
    }
    CLOCKIFY.putEntry(
        new SimEntry(
            CLOCKIFY.newId(),
            workspace,
            "cu-1",
            null,
            "2026-11-20T10:00:00Z",
            null,
            null,
            List.of(),
            false));

    List<TimeEntry> tagged =
        api.listEntries("cu-1", NINE.minusSeconds(3600), NINE.plusSeconds(7200), "t1");
    List<TimeEntry> all =
        api.listEntries("cu-1", NINE.minusSeconds(3600), NINE.plusSeconds(7200), null);

    assertThat(tagged).hasSize(5).allSatisfy(e -> assertThat(e.projectId()).isNull());
    assertThat(all)
        .hasSize(6)
        .anySatisfy(
            e -> {
              assertThat(e.end()).isNull();
              assertThat(e.tagIds()).isEmpty();
            });
  }

  @Test
  void openCircuitStopsCallingTheWorkspace() {
    CLOCKIFY.failAlways("GET", "/workspaces/" + workspace + "/projects/", SimFault.status(502));
    try {
      for (int i = 0; i < 2; i++) {
        assertThatThrownBy(() -> api.project("p1")).isInstanceOf(ClockifyException.class);
      }
      long before = requests("GET");
      assertThatThrownBy(() -> api.project("p1"))
          .isInstanceOfSatisfying(
              ClockifyException.class,
              e -> assertThat(e.kind()).isEqualTo(ClockifyException.Kind.CIRCUIT_OPEN));
      assertThat(requests("GET")).isEqualTo(before);
    } finally {
      CLOCKIFY.clearFaults();
    }
  }

  @Test
  void projectsAreReadPageByPageArchivedOnesToo() {
    for (int i = 0; i < 5; i++) {
      CLOCKIFY.addProject(workspace, "P" + i, i % 2 == 0 ? "Acme" : null, "#00000" + i, i == 4);
    }

    List<Project> projects = api.projects();

    assertThat(projects)
        .extracting(Project::name, Project::clientName, Project::archived)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("P0", "Acme", false),
            org.assertj.core.groups.Tuple.tuple("P1", null, false),
            org.assertj.core.groups.Tuple.tuple("P2", "Acme", false),
            org.assertj.core.groups.Tuple.tuple("P3", null, false),
            org.assertj.core.groups.Tuple.tuple("P4", "Acme", true));
    // Page size 2: three pages, without the archived filter (which would hide one kind).
    assertThat(CLOCKIFY.requests(r -> r.path().equals("/v1/workspaces/" + workspace + "/projects")))
        .hasSize(3)
        .allSatisfy(r -> assertThat(r.query()).doesNotContain("archived"));
  }

  @Test
  void theWorkspaceIsReadWithItsLockSettings() {
    assertThat(api.workspace().lockedBefore()).isNull();
    CLOCKIFY.nameWorkspace(workspace, "Acme");
    CLOCKIFY.lockEntriesBefore(workspace, NINE, "Europe/Madrid");

    Workspace read = api.workspace();

    assertThat(read).isEqualTo(new Workspace(workspace, "Acme", NINE, "Europe/Madrid", null));
    assertThat(api.workspaces()).containsExactly(read);
  }
}
