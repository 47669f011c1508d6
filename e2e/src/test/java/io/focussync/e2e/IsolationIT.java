package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * User B tries to read, change and delete user A's data of every resource type through the gateway:
 * B sees only their own (empty) data or a 404, and A's data stays as it was.
 */
class IsolationIT {

  private static final PipelineWorld world = PipelineWorld.get();
  private static Tenant ada;
  private static GatewayApi bob;

  @BeforeAll
  static void adaHasDataOfEveryKind() {
    ada = world.newTenant("Europe/Madrid", Map.of("mode", "ACTUAL"));
    world.record(ada, "private", "alpha", "2026-11-11T09:00:00+01:00", "2026-11-11T10:00:00+01:00");
    eventually().untilAsserted(() -> assertThat(world.entries(ada)).hasSize(1));
    bob = world.stack().admin().createUser("bob-" + ada.workspace()).api();
  }

  @Test
  void sessionsDaysAndHistoryOfAnotherUserAreInvisible() {
    assertThat(bob.get("/api/v1/sessions?from=2026-11-09&to=2026-11-15").json().get("sessions"))
        .isEmpty();
    assertThat(bob.get("/api/v1/days/2026-11-11").json().get("status").asString())
        .isEqualTo("NO_SESSIONS");
    assertThat(bob.get("/api/v1/days?from=2026-11-09&to=2026-11-15").body())
        .doesNotContain("p-alpha");
    assertThat(bob.get("/api/v1/sync/history?from=2026-11-09&to=2026-11-15").json().get("runs"))
        .isEmpty();
  }

  @Test
  void connectionsAndSettingsOfAnotherUserAreNotFoundOrTheirOwn() {
    assertThat(bob.get("/api/v1/connections/clockify").status()).isEqualTo(404);
    assertThat(bob.delete("/api/v1/connections/clockify").status()).isEqualTo(404);
    assertThat(bob.get("/api/v1/connections/notion").status()).isEqualTo(404);
    assertThat(bob.get("/api/v1/settings/allocation").json().get("timeZone").asString())
        .as("a new user's own defaults, not Ada's zone")
        .isEqualTo("UTC");

    assertThat(ada.api().get("/api/v1/connections/clockify").status()).isEqualTo(200);
    assertThat(ada.api().get("/api/v1/settings/allocation").json().get("timeZone").asString())
        .isEqualTo("Europe/Madrid");
  }

  @Test
  void deletingOrApprovingWithAnotherUsersIdsChangesNothingOfTheirs() {
    bob.delete("/api/v1/sessions/private");
    bob.post("/api/v1/days/2026-11-11/resync", Map.of());

    eventually()
        .during(java.time.Duration.ofSeconds(3))
        .atMost(java.time.Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(world.entries(ada)).hasSize(1));
    assertThat(
            ada.api().get("/api/v1/sessions?from=2026-11-09&to=2026-11-15").json().get("sessions"))
        .hasSize(1);
  }
}
