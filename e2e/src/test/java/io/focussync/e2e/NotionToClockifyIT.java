package io.focussync.e2e;

import static io.focussync.e2e.support.PipelineWorld.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.simulator.SimEntry;
import io.focussync.e2e.support.GatewayApi;
import io.focussync.e2e.support.PipelineWorld;
import io.focussync.e2e.support.PipelineWorld.Tenant;
import io.focussync.notion.simulator.NotionSimulator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Scenario 2: Notion pages become Clockify entries at their real times and are marked synced. */
class NotionToClockifyIT {

  private final PipelineWorld world = PipelineWorld.get();

  @Test
  void notionPagesBecomeEntriesAtTheirRealTimesThePagesAreMarkedAndNoFurtherEventsFollow() {
    Tenant nia = world.newTenant("Europe/Berlin", Map.of("mode", "ACTUAL"));
    NotionSimulator notion = world.notion();
    String token = notion.newIntegration();
    NotionSimulator.Db db = notion.createDatabase(token, NotionSimulator.focusSessionsSchema());
    String first =
        page(notion, db, "Deep work", "alpha", "2026-11-19T08:00:00Z", "2026-11-19T09:30:00Z");
    String second =
        page(notion, db, "Review", "beta", "2026-11-19T10:00:00Z", "2026-11-19T10:45:00Z");

    GatewayApi.Reply connected =
        nia.api()
            .put(
                "/api/v1/connections/notion",
                Map.of(
                    "token", token,
                    "databaseId", db.databaseId(),
                    "baseUrl", notion.baseUrl(),
                    "properties",
                        Map.of(
                            "title", "Name",
                            "date", "Date",
                            "project", "Project",
                            "flowScore", "Flow score",
                            "synced", "Synced",
                            "entryUrl", "Clockify entry",
                            "syncedAt", "Synced at")));
    assertThat(connected.status()).as(connected.body()).isEqualTo(200);
    assertThat(connected.body()).doesNotContain(token);

    eventually()
        .untilAsserted(
            () ->
                assertThat(world.entries(nia))
                    .extracting(SimEntry::start, SimEntry::end, SimEntry::projectId)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                            "2026-11-19T08:00:00Z", "2026-11-19T09:30:00Z", "p-alpha"),
                        org.assertj.core.groups.Tuple.tuple(
                            "2026-11-19T10:00:00Z", "2026-11-19T10:45:00Z", "p-beta")));
    eventually()
        .untilAsserted(
            () -> {
              for (String pageId : List.of(first, second)) {
                JsonNode properties = notion.pageJson(pageId).get("properties");
                assertThat(properties.get("Synced").get("checkbox").asBoolean()).isTrue();
                assertThat(properties.get("Clockify entry").get("url").asString()).isNotBlank();
              }
            });

    int events = notionEvents(nia.user().id()).size();
    assertThat(events).isEqualTo(2);
    eventually()
        .during(Duration.ofSeconds(8))
        .atMost(Duration.ofSeconds(20))
        .until(() -> notionEvents(nia.user().id()).size() == events);
    assertThat(world.entryWrites(nia)).as("one create per page, nothing after").isEqualTo(2);
  }

  private static String page(
      NotionSimulator notion,
      NotionSimulator.Db db,
      String title,
      String project,
      String start,
      String end) {
    return notion.createPage(
        db.dataSourceId(),
        Map.of(
            "Name", NotionSimulator.title(title),
            "Date", NotionSimulator.date(start, end),
            "Project", NotionSimulator.select(project)));
  }

  /** The session events the notion-connector published for a user, read from the start. */
  private List<String> notionEvents(String userId) {
    Properties props = new Properties();
    props.put(
        "bootstrap.servers",
        world.stack().processes().sharedEnvironment().get("FOCUSSYNC_KAFKA_BOOTSTRAP"));
    props.put("group.id", "e2e-" + UUID.randomUUID());
    props.put("auto.offset.reset", "earliest");
    props.put("key.deserializer", StringDeserializer.class.getName());
    props.put("value.deserializer", ByteArrayDeserializer.class.getName());
    List<String> found = new ArrayList<>();
    try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props)) {
      consumer.subscribe(List.of("focussync.sessions.v1"));
      int idlePolls = 0;
      while (idlePolls < 4) {
        var records = consumer.poll(Duration.ofMillis(500));
        idlePolls = records.isEmpty() ? idlePolls + 1 : 0;
        records.forEach(
            record -> {
              var source = record.headers().lastHeader("ce_source");
              if (userId.equals(record.key())
                  && source != null
                  && new String(source.value()).endsWith("notion-connector")) {
                found.add(new String(record.value()));
              }
            });
      }
    }
    return found;
  }
}
