package io.focussync.clockify.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimFault;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;

/**
 * Clockify calls are observed like any RestClient call: {@code http.client.requests} by the URI
 * template under the base URL's path (never the workspace or entry id), method, status and outcome.
 */
class ClockifyClientMetricsTest {

  private static final ClockifySimulator CLOCKIFY = ClockifySimulator.start();
  private static final Instant NINE = Instant.parse("2026-11-20T09:00:00Z");

  @AfterAll
  static void stop() {
    CLOCKIFY.close();
  }

  @Test
  void aClockifyCallIsAnHttpClientRequestWithItsTemplateAndOutcome() {
    SimpleMeterRegistry meters = new SimpleMeterRegistry();
    ObservationRegistry observations = ObservationRegistry.create();
    observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
    String workspace = "ws-" + UUID.randomUUID();
    CLOCKIFY.addKey("key-" + workspace, "cu-1", "UTC", workspace);
    ClockifyApi api =
        TestClients.create(2, RestClient.builder().observationRegistry(observations))
            .forTarget(new ClockifyTarget(CLOCKIFY.baseUrl(), "key-" + workspace, workspace));
    EntryBody body = new EntryBody(NINE, NINE.plusSeconds(3600), "p1", "Development", List.of());

    TimeEntry created = api.createEntry(body);
    CLOCKIFY.fail("PUT", "/workspaces/" + workspace + "/time-entries/.*", 3, SimFault.status(503));
    assertThatThrownBy(() -> api.updateEntry(created.id(), body))
        .isInstanceOf(ClockifyException.class);

    Timer posted =
        meters
            .find("http.client.requests")
            .tags("method", "POST", "uri", "/api/v1/workspaces/{workspaceId}/time-entries")
            .tags("status", "201", "outcome", "SUCCESS")
            .timer();
    assertThat(posted).as(meters.getMetersAsString()).isNotNull();
    assertThat(posted.count()).isEqualTo(1);
    Timer failed =
        meters
            .find("http.client.requests")
            .tags("method", "PUT", "uri", "/api/v1/workspaces/{workspaceId}/time-entries/{entryId}")
            .tags("status", "503", "outcome", "SERVER_ERROR")
            .timer();
    assertThat(failed).as(meters.getMetersAsString()).isNotNull();
    assertThat(failed.count()).isEqualTo(3);
    assertThat(meters.getMetersAsString()).doesNotContain(workspace).doesNotContain("key-");
  }
}
