package io.focussync.clockify.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.testsupport.TestHttp;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/sync/history}. */
class HistoryApiTest extends IntegrationTestBase {

  @Test
  void listsTheCallersRunsInTheRange() {
    String user = unique("history");
    connect(user);
    publish(plan(user, 1, entry("project:a", "pa", "09:00", "17:00")));
    awaitSynced(user, 1);

    TestHttp.Response mine =
        call("GET", "/api/v1/sync/history?from=" + DAY + "&to=" + DAY, null, user);
    TestHttp.Response before =
        call("GET", "/api/v1/sync/history?from=2026-01-01&to=2026-01-31", null, user);
    TestHttp.Response theirs =
        call("GET", "/api/v1/sync/history?from=" + DAY + "&to=" + DAY, null, unique("other"));

    assertThat(mine.status()).isEqualTo(200);
    assertThat(mine.body())
        .contains("\"date\":\"" + DAY + "\"")
        .contains("\"revision\":1")
        .contains("\"created\":1")
        .contains("\"updated\":0")
        .contains("\"deleted\":0")
        .contains("\"failed\":0")
        .contains("\"dryRun\":false")
        .contains("\"at\":")
        .doesNotContain(user);
    assertThat(before.body()).isEqualTo("{\"runs\":[]}");
    assertThat(theirs.body()).isEqualTo("{\"runs\":[]}");
  }

  @Test
  void rejectsMissingOrInvertedRanges() {
    String user = unique("history-bad");
    TestHttp.Response missing = call("GET", "/api/v1/sync/history", null, user);
    TestHttp.Response inverted =
        call("GET", "/api/v1/sync/history?from=2026-02-01&to=2026-01-01", null, user);
    TestHttp.Response garbage =
        call("GET", "/api/v1/sync/history?from=yesterday&to=2026-01-01", null, user);

    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body()).contains("\"field\":\"from\"").contains("\"field\":\"to\"");
    assertThat(inverted.status()).isEqualTo(400);
    assertThat(garbage.status()).isEqualTo(400);
    assertThat(garbage.body()).contains("\"field\":\"from\"");
  }
}
