package io.focussync.clockify.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.testsupport.TestHttp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Going live: the days a dry run previewed are pushed to Clockify once, on request, after the
 * connection is saved live; nothing is pushed while it is a dry run, and asking twice pushes
 * nothing more.
 */
class GoLiveTest extends IntegrationTestBase {

  @Autowired private DayStore days;

  @Test
  void thePreviewedDaysArePushedOnceTheConnectionIsLive() {
    String user = unique("golive");
    String workspace = unique("ws-golive");
    connect(user, workspace, true);
    publish(
        plan(
            user,
            1,
            entry("project:a", "pa", "09:00", "13:00"),
            entry("other", null, "13:00", "17:00")));
    assertThat(awaitSynced(user, 1).dryRun()).isTrue();
    String range = "{\"from\": \"" + DAY.minusDays(3) + "\", \"to\": \"" + DAY + "\"}";

    TestHttp.Response whileDry = call("POST", "/api/v1/connections/clockify/go-live", range, user);
    assertThat(whileDry.status()).isEqualTo(409);
    assertThat(whileDry.body()).contains("dry run");

    connect(user, workspace, false);
    assertThat(CLOCKIFY.entries(workspace)).isEmpty();
    TestHttp.Response pushed = call("POST", "/api/v1/connections/clockify/go-live", range, user);

    assertThat(pushed.status()).isEqualTo(202);
    assertThat(pushed.body()).contains("\"days\":[\"" + DAY + "\"]");
    DaySynced live = awaitLiveSync(user);
    assertThat(live.revision()).isEqualTo(1);
    assertThat(CLOCKIFY.entries(workspace))
        .extracting(e -> e.start() + "/" + e.end())
        .containsExactlyInAnyOrder(
            at("09:00") + "/" + at("13:00"), at("13:00") + "/" + at("17:00"));

    TestHttp.Response again = call("POST", "/api/v1/connections/clockify/go-live", range, user);
    assertThat(again.status()).isEqualTo(202);
    assertThat(again.body()).contains("\"days\":[]");
    assertThat(CLOCKIFY.entries(workspace)).hasSize(2);
  }

  @Test
  void aDayMadePendingThroughAnotherReplicaIsAppliedByTheReplicaThatOwnsIt() {
    String user = unique("golive-elsewhere");
    String workspace = unique("ws-golive");
    connect(user, workspace, true);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);
    connect(user, workspace, false);

    // What another replica's go-live writes; its local scheduling reaches only itself.
    assertThat(days.reopen(days.find(user, DAY).orElseThrow())).isTrue();

    assertThat(awaitLiveSync(user).revision()).isEqualTo(1);
    assertThat(CLOCKIFY.entries(workspace)).hasSize(1);
  }

  @Test
  void aBadRangeIsA400NamingTheField() {
    String user = unique("golive-bad");
    TestHttp.Response reversed =
        call(
            "POST",
            "/api/v1/connections/clockify/go-live",
            "{\"from\": \"2026-11-20\", \"to\": \"2026-11-01\"}",
            user);
    TestHttp.Response missing =
        call("POST", "/api/v1/connections/clockify/go-live", "{\"to\": \"x\"}", user);

    assertThat(reversed.status()).isEqualTo(400);
    assertThat(reversed.body()).contains("\"to\"").contains("must not be before from");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"from\"").contains("must be a date");
  }

  private static DaySynced awaitLiveSync(String user) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                results(user).stream()
                    .filter(e -> e instanceof DaySynced synced && !synced.dryRun())
                    .map(DaySynced.class::cast)
                    .findFirst()
                    .orElse(null),
            found -> found != null);
  }
}
