package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** Issue test 9: a dry-run connection records the calls it would make and makes none. */
class DryRunTest extends IntegrationTestBase {

  @Test
  void dryRunRecordsIntendedCallsAndMakesNoHttpCall() {
    String user = unique("dry");
    String workspace = unique("ws-dry");
    connect(user, workspace, true);

    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "13:00"),
            entry("other", null, "13:00", "17:00")));
    DaySynced first = awaitSynced(user, 1);
    publish(
        plan(
            user,
            2,
            entry("project:a", "pa", "09:00", "14:00"),
            entry("other", null, "14:00", "17:00")));
    DaySynced second = awaitSynced(user, 2);

    assertThat(first.dryRun()).isTrue();
    assertThat(first.created()).isEqualTo(2);
    assertThat(first.entries()).allSatisfy(e -> assertThat(e.entryUrl()).isNull());
    assertThat(second.updated()).isEqualTo(2);
    assertThat(CLOCKIFY.requests(r -> r.path().contains(workspace))).isEmpty();
    assertThat(CLOCKIFY.requests(r -> ("key-" + user).equals(r.apiKey()))).isEmpty();

    TestHttp.Response history =
        call("GET", "/api/v1/sync/history?from=" + DAY + "&to=" + DAY, null, user);
    assertThat(history.status()).isEqualTo(200);
    String base = "/v1/workspaces/" + workspace;
    assertThat(history.body())
        .contains("\"dryRun\":true")
        .contains("\"method\":\"POST\",\"path\":\"" + base + "/tags\"")
        .contains("\"method\":\"POST\",\"path\":\"" + base + "/time-entries\"")
        .contains("\"method\":\"PUT\",\"path\":\"" + base + "/time-entries/dry-run-")
        .contains("2026-11-20T09:00:00Z");
  }
}
