package io.focussync.notion.writeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.focussync.contracts.EventTypes;
import io.focussync.contracts.Topics;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.testsupport.TestEvents;
import io.focussync.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class WriteBackIntegrationTest extends IntegrationTestBase {

  static final String ENTRY_URL = "https://app.clockify.me/tracker?entry=64c777ddd3fcab07cfbb210c";
  static final Instant SYNCED_AT = Instant.parse("2026-07-06T12:00:07Z");

  @Test
  void aSyncedDayMarksThePageAndTheNextPollEmitsNothing() {
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("Deep work"));
    user.events().awaitCount(1);

    publish(daySynced(user.userId(), false, "notion:" + pageId, "rest:other"));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NOTION
                    .pageJson(pageId)
                    .path("properties")
                    .path("Synced")
                    .path("checkbox")
                    .asBoolean());
    JsonNode properties = NOTION.pageJson(pageId).path("properties");
    assertThat(properties.path("Clockify entry").path("url").asString()).isEqualTo(ENTRY_URL);
    assertThat(Instant.parse(properties.path("Synced at").path("date").path("start").asString()))
        .isEqualTo(SYNCED_AT);
    assertThat(NOTION.lastEditedBy(pageId)).isEqualTo(NOTION.botUserId(user.token()));

    poller.poll(user.userId(), false);
    poller.poll(user.userId(), true);
    assertThat(user.events().settle()).as("no echo of our own write-back").hasSize(1);
  }

  @Test
  void anUnreadableResultIsDeadLetteredWithItsReasonAndTheNextResultStillMarksItsPage() {
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("After the poison"));
    user.events().awaitCount(1);

    TestTopics.send(
        Topics.SYNC_RESULTS,
        user.userId(),
        "{not json".getBytes(java.nio.charset.StandardCharsets.UTF_8),
        TestEvents.headers(EventTypes.DAY_SYNCED));
    publish(daySynced(user.userId(), false, "notion:" + pageId));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NOTION
                    .pageJson(pageId)
                    .path("properties")
                    .path("Synced")
                    .path("checkbox")
                    .asBoolean());
    String dlq = Topics.SYNC_RESULTS + ".notion-connector.dlq";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(
                        TestTopics.readAll(
                            dlq, r -> user.userId().equals(r.key()), Duration.ofSeconds(1)))
                    .singleElement()
                    .satisfies(
                        dead ->
                            assertThat(TestTopics.header(dead, "x-exception-message"))
                                .isNotBlank()));
  }

  @Test
  void missingWriteBackPropertiesAreSkippedAndDryRunsMarkNothing() {
    Map<String, String> schema = NotionSimulator.focusSessionsSchema();
    schema.remove("Clockify entry");
    Fixture user = connectedUser(schema);
    String dryPage = NOTION.createPage(user.dataSourceId(), session("dry"));
    String realPage = NOTION.createPage(user.dataSourceId(), session("real"));
    user.events().awaitCount(2);
    NOTION.dropProperty(user.dataSourceId(), "Synced at"); // removed after connecting

    publish(daySynced(user.userId(), true, "notion:" + dryPage));
    publish(daySynced(user.userId(), false, "notion:" + realPage));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                NOTION
                    .pageJson(realPage)
                    .path("properties")
                    .path("Synced")
                    .path("checkbox")
                    .asBoolean());
    assertThat(NOTION.pageJson(realPage).path("properties").has("Synced at")).isFalse();
    assertThat(
            NOTION.pageJson(dryPage).path("properties").path("Synced").path("checkbox").asBoolean())
        .isFalse();
    assertThat(user.events().settle()).hasSize(2);
  }

  @Test
  void anotherUsersPageIsNeverWritten() {
    Fixture owner = connectedUser();
    Fixture other = connectedUser();
    String pageId = NOTION.createPage(owner.dataSourceId(), session("mine"));
    owner.events().awaitCount(1);

    publish(daySynced(other.userId(), false, "notion:" + pageId));
    publish(daySynced(owner.userId(), false, "notion:" + UUID.randomUUID()));

    assertThat(owner.events().settle()).hasSize(1);
    assertThat(NOTION.requests("PATCH", "/v1/pages/" + pageId)).isEmpty();
  }

  private static DaySynced daySynced(String userId, boolean dryRun, String... sessionIds) {
    return new DaySynced(
        userId,
        LocalDate.of(2026, 7, 6),
        3,
        dryRun,
        List.of(
            new SyncedEntry(
                "project:5f1e0a",
                "64c777ddd3fcab07cfbb210c",
                dryRun ? null : ENTRY_URL,
                List.of(sessionIds))),
        1,
        0,
        0,
        SYNCED_AT);
  }

  private static void publish(DaySynced event) {
    TestEvents.send(Topics.SYNC_RESULTS, event);
  }
}
