package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.client.ClockifyClients;
import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.clockify.simulator.SimRequest;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue tests 4, 8 and 10: 429 storms, an open circuit, and every kind of failure. */
class ResilienceTest extends IntegrationTestBase {

  private static final int CONFIGURED_LIMIT = 10; // focussync.clockify.client.rate-limit default

  @Autowired ClockifyClients clients;

  @Test
  void tooManyRequestsStormStillCreatesEveryEntryWithinTheRateLimit() {
    String user = unique("storm");
    String workspace = connect(user);
    String entries = "/workspaces/" + workspace + "/time-entries";
    for (int i = 0; i < 4; i++) {
      CLOCKIFY.fail("POST", entries, 1, SimFault.tooManyRequests(1));
      CLOCKIFY.fail("POST", entries, 1, SimFault.tooManyRequests(null));
    }
    List<PlannedEntry> planned = new ArrayList<>();
    LocalTime start = LocalTime.of(8, 0);
    for (int i = 0; i < 24; i++) {
      planned.add(
          entry(
              "slot:" + i,
              "p" + i,
              start.plusMinutes(15L * i).toString(),
              start.plusMinutes(15L * (i + 1)).toString()));
    }

    publish(plan(user, 1, planned.toArray(PlannedEntry[]::new)));
    DaySynced synced = awaitSynced(user, 1);

    assertThat(CLOCKIFY.entries(workspace)).hasSize(24);
    assertThat(synced.entries()).hasSize(24);
    List<SimRequest> sent = CLOCKIFY.requests(r -> r.path().contains("/workspaces/" + workspace));
    assertThat(sent.stream().filter(r -> r.outcome().equals("STATUS"))).hasSize(8);
    assertThat(ClockifySimulator.maxInWindow(sent, Duration.ofSeconds(1).toNanos()))
        .isLessThanOrEqualTo(CONFIGURED_LIMIT);
  }

  @Test
  void openCircuitOfOneWorkspaceDoesNotHoldBackAnother() {
    String userA = unique("circuit-a");
    String userB = unique("circuit-b");
    String workspaceA = connect(userA);
    String workspaceB = connect(userB);
    CLOCKIFY.failAlways(null, "/workspaces/" + workspaceA + "/", SimFault.status(503));
    try {
      publish(plan(userA, 1, entry("project:a", "pa", "09:00", "17:00")));
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> clients.circuitState(workspaceA) == CircuitBreaker.State.OPEN);

      publish(plan(userB, 1, entry("project:b", "pb", "09:00", "17:00")));
      awaitSynced(userB, 1);

      assertThat(CLOCKIFY.entries(workspaceB)).hasSize(1);
      assertThat(results(userA)).noneMatch(e -> e instanceof DaySynced);
      awaitFailed(userA, 1, "FAILED");
    } finally {
      CLOCKIFY.clearFaults();
    }
    // Once workspace A answers again, its day converges too, without duplicates.
    awaitSynced(userA, 1);
    assertThat(CLOCKIFY.entries(workspaceA)).hasSize(1);
  }

  @Test
  void serverErrorsResetsEmptyAnswersAndASlowAnswerStillConvergeWithoutDuplicates() {
    String user = unique("faults");
    String workspace = connect(user);
    String entries = "/workspaces/" + workspace + "/time-entries$";
    CLOCKIFY.fail("POST", entries, 1, SimFault.status(500).thenApplied());
    CLOCKIFY.fail("POST", entries, 1, SimFault.status(502));
    CLOCKIFY.fail("POST", entries, 1, SimFault.status(503).thenApplied());
    CLOCKIFY.fail("POST", entries, 1, SimFault.connectionReset().thenApplied());
    CLOCKIFY.fail("POST", entries, 1, SimFault.emptyResponse());
    CLOCKIFY.fail("POST", entries, 1, SimFault.emptyBody());
    CLOCKIFY.fail("POST", entries, 1, SimFault.delay(30_000)); // client timeout is 1.5 s here

    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "10:00"),
            entry("project:b", "pb", "10:00", "11:00"),
            entry("project:c", "pc", "11:00", "12:00"),
            entry("project:d", "pd", "12:00", "13:00"),
            entry("project:e", "pe", "13:00", "14:00")));
    DaySynced synced = awaitSynced(user, 1);

    List<SimEntry> inClockify = CLOCKIFY.entries(workspace);
    assertThat(inClockify)
        .extracting(SimEntry::projectId)
        .containsExactlyInAnyOrder("pa", "pb", "pc", "pd", "pe");
    assertThat(synced.entries())
        .extracting(SyncedEntry::clockifyEntryId)
        .containsExactlyInAnyOrderElementsOf(inClockify.stream().map(SimEntry::id).toList());
    assertThat(CLOCKIFY.requests(r -> r.path().contains(workspace) && !r.outcome().matches("\\d+")))
        .hasSize(7);
  }
}
