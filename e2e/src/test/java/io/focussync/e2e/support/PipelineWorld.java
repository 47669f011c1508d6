package io.focussync.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.ClockifySimulator;
import io.focussync.clockify.simulator.SimEntry;
import io.focussync.notion.simulator.NotionSimulator;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;

/**
 * The simulators and the running stack, with the steps scenarios are written in: a user with
 * settings and a Clockify connection, sessions posted through the gateway, entries awaited in the
 * Clockify simulator.
 */
public final class PipelineWorld {

  private static PipelineWorld shared;

  private final ClockifySimulator clockify;
  private final NotionSimulator notion;
  private final E2eStack stack;

  private PipelineWorld(ClockifySimulator clockify, NotionSimulator notion, E2eStack stack) {
    this.clockify = clockify;
    this.notion = notion;
    this.stack = stack;
  }

  /** The world of this JVM, started on first use. */
  public static synchronized PipelineWorld get() {
    if (shared == null) {
      ClockifySimulator clockify = ClockifySimulator.start();
      NotionSimulator notion = NotionSimulator.start();
      Map<String, String> env = new LinkedHashMap<>();
      // the simulator, and Clockify's own host for dry-run connections that never call it
      env.put(
          "FOCUSSYNC_CLOCKIFY_ALLOWED_BASE_URLS",
          clockify.rootUrl() + ",https://api.clockify.me/api");
      env.put("FOCUSSYNC_NOTION_ALLOWED_BASE_URLS", notion.baseUrl());
      env.put("FOCUSSYNC_NOTION_POLLINTERVAL", "2s");
      shared = new PipelineWorld(clockify, notion, E2eStack.start(env));
    }
    return shared;
  }

  public ClockifySimulator clockify() {
    return clockify;
  }

  public NotionSimulator notion() {
    return notion;
  }

  public E2eStack stack() {
    return stack;
  }

  /** A new user with allocation settings and a Clockify connection to a workspace of their own. */
  public Tenant newTenant(String zone, Map<String, Object> settingsOverrides) {
    String name = "u" + UUID.randomUUID().toString().substring(0, 8);
    GatewayApi.User user = stack.admin().createUser(name);
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("timeZone", zone);
    settings.put("workdays", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"));
    settings.put("workdayStart", "09:00");
    settings.put("workdayEnd", "17:00");
    settings.put("mode", "NORMALIZED");
    settings.put("granularityMinutes", 1);
    settings.put("description", "Development");
    settings.put("otherProjectId", "p-other");
    settings.put("projectMapping", Map.of("alpha", "p-alpha", "beta", "p-beta"));
    settings.put("rules", List.of());
    settings.put("pushPolicy", "LIVE");
    settings.put("holidays", List.of());
    settings.putAll(settingsOverrides);
    GatewayApi.Reply put = user.api().put("/api/v1/settings/allocation", settings);
    assertThat(put.status()).as(put.body()).isEqualTo(200);

    String workspace = "ws-" + name;
    String apiKey = "key-" + UUID.randomUUID();
    clockify.addKey(apiKey, "cu-" + name, zone, workspace);
    GatewayApi.Reply connect =
        user.api()
            .put(
                "/api/v1/connections/clockify",
                Map.of("apiKey", apiKey, "workspaceId", workspace, "baseUrl", clockify.baseUrl()));
    assertThat(connect.status()).as(connect.body()).isEqualTo(200);
    return new Tenant(user, workspace, apiKey);
  }

  /** Posts a session through the gateway and expects it accepted. */
  public void record(Tenant tenant, String id, String projectKey, String start, String end) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", id);
    body.put("projectKey", projectKey);
    body.put("start", start);
    body.put("end", end);
    body.put("title", "session " + id);
    GatewayApi.Reply reply = tenant.api().post("/api/v1/sessions", body);
    assertThat(reply.status()).as(reply.body()).isEqualTo(202);
  }

  /** The tenant's entries in the Clockify simulator. */
  public List<SimEntry> entries(Tenant tenant) {
    return clockify.entries(tenant.workspace());
  }

  /** Entry writes (POST/PUT/DELETE of time entries) made so far by the tenant's connection. */
  public long entryWrites(Tenant tenant) {
    return clockify.requests(r -> r.isEntryWrite() && r.path().contains(tenant.workspace())).size();
  }

  /** Awaitility with the e2e pipeline's patience. */
  public static ConditionFactory eventually() {
    return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500));
  }

  /** The length of an entry. */
  public static Duration length(SimEntry entry) {
    return Duration.between(Instant.parse(entry.start()), Instant.parse(entry.end()));
  }

  /** A user of the pipeline, their Clockify workspace and the API key of their connection. */
  public record Tenant(GatewayApi.User user, String workspace, String apiKey) {

    public GatewayApi api() {
      return user.api();
    }
  }
}
