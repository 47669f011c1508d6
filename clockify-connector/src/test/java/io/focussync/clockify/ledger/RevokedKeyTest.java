package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A key Clockify stops accepting (401): the connection turns NEEDS_ATTENTION with the reason, the
 * user's days stop being tried (no retry loop against Clockify), and a new key resumes them.
 */
class RevokedKeyTest extends IntegrationTestBase {

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

  private static long callsOn(String workspace) {
    return CLOCKIFY.requests(r -> r.path().contains(workspace)).size();
  }
}
