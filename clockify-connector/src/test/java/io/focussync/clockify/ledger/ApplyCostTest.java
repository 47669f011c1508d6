package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.MongoCommandLog.Command;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionService;
import io.focussync.clockify.connection.ConnectionStore;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.platform.crypto.SecretCipher;
import io.focussync.platform.crypto.SecretScope;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What an apply costs: the plan accepted here is not read again, newer revisions are noticed in
 * memory, the client is reused while the stored connection is unchanged, and changes made to the
 * connection by another process are still seen.
 */
class ApplyCostTest extends IntegrationTestBase {

  @Autowired ConnectionService connections;
  @Autowired ConnectionStore connectionStore;
  @Autowired SecretCipher cipher;
  @Autowired MeterRegistry meters;

  @Test
  void aPlanAcceptedHereIsAppliedWithoutReadingItsDayAgainAndWithOneReadOfTheConnection() {
    String user = unique("cost");
    connect(user);
    MONGO_COMMANDS.watch(user);
    try {
      publish(
          plan(
              user,
              1,
              entry("project:a", "pa", "09:00", "13:00"),
              entry("project:b", "pb", "13:00", "17:00")));
      awaitSynced(user, 1);

      // The intake's one read of the poll's days; the apply reads the day once (plan, ledger and
      // token in one document) and, before each write, asks memory whether it was superseded.
      assertThat(commands(on("days", "find")))
          .hasSize(2)
          .filteredOn(Command::byApplyWorker)
          .hasSize(1);
      // The scheduler routes by the scope it knows; only the apply reads the connection.
      assertThat(commands(on("connections", "find")))
          .singleElement()
          .matches(Command::byApplyWorker);
      // Claim, pending before each POST and synced after it, the settlement with its result, and
      // the result leaving the outbox: each one fenced single-document update of the day.
      assertThat(commands(on("days", "update"))).hasSize(7).allMatch(Command::byApplyWorker);
      assertThat(commands(on("sync_history", "insert"))).hasSize(1);
    } finally {
      MONGO_COMMANDS.stop();
    }
  }

  @Test
  void aNewerRevisionArrivingMidApplyStopsItBeforeItsNextWrite() {
    String user = unique("midway");
    String workspace = connect(user);
    double supersededBefore = applies("superseded");
    CLOCKIFY.setLatency(500);
    try {
      publish(
          plan(
              user,
              1,
              entry("project:a", "pa", "09:00", "10:00"),
              entry("project:b", "pb", "10:00", "11:00"),
              entry("project:c", "pc", "11:00", "12:00"),
              entry("project:d", "pd", "12:00", "13:00")));
      await().atMost(Duration.ofSeconds(10)).until(() -> creates(workspace) >= 1);
      publish(
          plan(
              user,
              2,
              entry("project:a", "pa", "09:00", "10:00"),
              entry("project:b", "pb", "10:00", "11:00")));

      awaitSynced(user, 2);
    } finally {
      CLOCKIFY.setLatency(0);
    }

    // Revision 1 stopped before creating c and d, so revision 2 had nothing to delete.
    assertThat(CLOCKIFY.entries(workspace))
        .extracting(SimEntry::projectId)
        .containsExactlyInAnyOrder("pa", "pb");
    assertThat(creates(workspace)).isEqualTo(2);
    assertThat(CLOCKIFY.requests(r -> r.isEntryWrite() && r.path().contains(workspace))).hasSize(2);
    assertThat(applies("superseded") - supersededBefore).isGreaterThanOrEqualTo(1);
    assertThat(results(user)).noneMatch(e -> e instanceof DaySynced s && s.revision() == 1);
  }

  @Test
  void anUnchangedConnectionReusesItsClientAndAKeyStoredElsewhereIsUsedAtTheNextApply() {
    String user = unique("rekey");
    String workspace = connect(user);
    Connection stored = connections.find(user).orElseThrow();
    assertThat(connections.clientFor(connections.find(user).orElseThrow()))
        .isSameAs(connections.clientFor(stored));
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);

    // Another replica stores a new key: no event of it reaches this process.
    String newKey = "rotated-" + user;
    CLOCKIFY.addKey(newKey, "cu-" + user, "Europe/Madrid", workspace);
    saveElsewhere(stored, workspace, newKey, stored.markerTagId());
    publish(plan(user, 2, entry("project:a", "pa", "09:00", "16:00")));
    awaitSynced(user, 2);

    assertThat(CLOCKIFY.requests(r -> r.method().equals("PUT") && r.path().contains(workspace)))
        .singleElement()
        .satisfies(put -> assertThat(put.apiKey()).isEqualTo(newKey));
    assertThat(connections.clientFor(connections.find(user).orElseThrow()))
        .isNotSameAs(connections.clientFor(stored));
  }

  @Test
  void aDayRoutedToItsOldWorkspacesLaneIsAppliedInTheNewOnesAfterAMoveElsewhere() {
    String user = unique("moved");
    String oldWorkspace = connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    Connection stored = connections.find(user).orElseThrow();

    // Another replica points the connection at another workspace (its marker tag unknown yet).
    String newWorkspace = unique("ws");
    String newKey = "moved-" + user;
    CLOCKIFY.addKey(newKey, "cu-" + user, "Europe/Madrid", newWorkspace);
    saveElsewhere(stored, newWorkspace, newKey, null);
    double reroutedBefore = applies("rerouted");
    publish(plan(user, 2, entry("project:b", "pb", "09:00", "17:00")));
    awaitSynced(user, 2);

    assertThat(applies("rerouted") - reroutedBefore).isEqualTo(1);
    assertThat(CLOCKIFY.entries(newWorkspace))
        .extracting(SimEntry::projectId)
        .containsExactly("pb");
    assertThat(CLOCKIFY.entries(oldWorkspace))
        .extracting(SimEntry::projectId)
        .containsExactly("pa");
  }

  private static List<Command> commands(Predicate<Command> filter) {
    return MONGO_COMMANDS.commands(filter);
  }

  private static Predicate<Command> on(String collection, String command) {
    return c -> c.collection().equals(collection) && c.name().equals(command);
  }

  private double applies(String outcome) {
    Timer timer = meters.find("focussync.clockify.plan.apply").tag("outcome", outcome).timer();
    return timer == null ? 0 : timer.count();
  }

  /** What another replica's save of the user's connection leaves in the store. */
  private void saveElsewhere(Connection stored, String workspace, String key, String markerTagId) {
    connectionStore.save(
        new Connection(
            stored.userId(),
            workspace,
            stored.baseUrl(),
            false,
            cipher.encrypt(key, new SecretScope(Connection.API_KEY_SECRET, stored.userId())),
            SecretCipher.mask(key),
            stored.clockifyUserId(),
            stored.timeZone(),
            markerTagId,
            Instant.now(),
            null));
  }
}
