package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.connection.Connection;
import io.focussync.clockify.connection.ConnectionStore;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A key Clockify stops accepting (401): the connection turns NEEDS_ATTENTION with the reason, the
 * user's days stop being tried (no retry loop against Clockify), and a new key resumes them.
 */
class RevokedKeyTest extends IntegrationTestBase {

  @Autowired private ConnectionStore connections;

  @Test
  void aRevokedKeyStopsTheUsersDaysUntilANewKeyIsSaved() {
    String user = unique("revoked");
    String workspace = connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    CLOCKIFY.revokeKey("key-" + user);

    publish(plan(user, 2, entry("project:a", "pa", "09:00", "16:00")));

    DaySyncFailed failed = awaitFailed(user, 2, "NEEDS_ATTENTION");
    assertThat(failed.reason()).contains("401");
    TestHttp.Response connection = call("GET", "/api/v1/connections/clockify", null, user);
    assertThat(connection.body())
        .contains("\"status\":\"NEEDS_ATTENTION\"")
        .contains("refused the API key");
    long callsAfterRefusal = callsOn(workspace);
    // Retry delays here are 300 ms doubling to 2 s: a retry loop would call again within this.
    await()
        .during(Duration.ofSeconds(4))
        .atMost(Duration.ofSeconds(6))
        .until(() -> callsOn(workspace) == callsAfterRefusal);

    connect(user, workspace, false); // a new key (the simulator accepts it again)

    awaitSynced(user, 2);
    assertThat(call("GET", "/api/v1/connections/clockify", null, user).body())
        .contains("\"status\":\"ACTIVE\"");
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
    assertThat(CLOCKIFY.entries(workspace).get(0).end()).isEqualTo(at("16:00").toString());
  }

  @Test
  void aKeySavedThroughAnotherReplicaResumesTheDaysOfTheReplicaThatOwnsThem() {
    String user = unique("revoked-elsewhere");
    String workspace = connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    CLOCKIFY.revokeKey("key-" + user);
    publish(plan(user, 2, entry("project:a", "pa", "09:00", "15:00")));
    awaitFailed(user, 2, "NEEDS_ATTENTION");

    // Another replica saves a good key: the store changes, no ConnectionSaved event reaches here.
    CLOCKIFY.addKey("key-" + user, "cu-" + user, "Europe/Madrid", workspace);
    Connection refused = connections.find(user).orElseThrow();
    connections.save(
        new Connection(
            user,
            refused.workspaceId(),
            refused.baseUrl(),
            false,
            refused.encryptedApiKey(),
            refused.maskedApiKey(),
            refused.clockifyUserId(),
            refused.timeZone(),
            refused.markerTagId(),
            Instant.now(),
            null));

    awaitSynced(user, 2);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
    assertThat(CLOCKIFY.entries(workspace).get(0).end()).isEqualTo(at("15:00").toString());
  }

  private static long callsOn(String workspace) {
    return CLOCKIFY.requests(r -> r.path().contains(workspace)).size();
  }
}
