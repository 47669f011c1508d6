package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * One trace from the client to Notion: a session posted through the gateway with the client's own
 * W3C {@code traceparent} is found, by its trace id, in the log files of all five services: the
 * gateway's forward, tracker-ingest's record, the allocator's plan (a batch consumer), the
 * clockify-connector's Clockify write (applied later from the stored day) and the
 * notion-connector's handling of the relayed DaySynced (from the clockify-connector's outbox).
 * Breaking the context at any hop leaves that service's (and every later one's) log without the id.
 */
class TraceIdIT {

  private static final String DAY = "2026-11-25";
  private static final List<String> SERVICES =
      List.of(
          "api-gateway", "tracker-ingest", "allocator", "clockify-connector", "notion-connector");

  private final PipelineWorld world = PipelineWorld.get();

  @Test
  void aClientsTraceIdIsInTheLogsOfEveryServiceTheSessionPassesThrough() {
    Tenant ada = world.newTenant("UTC", Map.of());
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";

    Map<String, Object> session = new LinkedHashMap<>();
    session.put("id", "traced");
    session.put("projectKey", "alpha");
    session.put("start", DAY + "T10:00:00Z");
    session.put("end", DAY + "T11:00:00Z");
    GatewayApi.Reply reply =
        ada.api().send("POST", "/api/v1/sessions", session, Map.of("traceparent", traceparent));
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);

    eventually()
        .untilAsserted(
            () -> {
              assertThat(world.entries(ada)).as("the day's entry in Clockify").isNotEmpty();
              assertThat(linesOf("notion-connector", ada.user().id()))
                  .as("the DaySynced reached the notion-connector")
                  .anyMatch(line -> line.contains("DaySynced for " + ada.user().id()));
            });
    eventually()
        .untilAsserted(
            () ->
                assertThat(SERVICES)
                    .as("services whose log has trace " + traceId)
                    .allMatch(service -> !linesOf(service, traceId).isEmpty()));
    assertThat(linesOf("clockify-connector", traceId))
        .as("the Clockify write is logged in the plan's trace")
        .anyMatch(line -> line.contains("POST ") && line.contains(ada.workspace()));
  }

  /** The lines of a service's log file that contain the text. */
  private List<String> linesOf(String service, String text) {
    Path log = world.stack().processes().service(service).logFile();
    try {
      return Files.readAllLines(log, StandardCharsets.UTF_8).stream()
          .filter(line -> line.contains(text))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
