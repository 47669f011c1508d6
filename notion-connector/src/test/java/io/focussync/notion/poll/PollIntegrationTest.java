package io.focussync.notion.poll;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.CloudEventHeaders;
import io.focussync.contracts.EventTypes;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.IntegrationTestBase;
import io.focussync.notion.mapping.SessionVersions;
import io.focussync.notion.simulator.NotionSimulator;
import io.focussync.testsupport.TestTopics;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class PollIntegrationTest extends IntegrationTestBase {

  static final Instant START = Instant.parse("2026-07-06T07:00:00Z");

  @Test
  void aNewPageBecomesOneSessionRecordedOnTheBroker() {
    Fixture user = connectedUser();
    String pageId =
        NOTION.createPage(
            user.dataSourceId(),
            session("Deep work", "focus-sync", START, START.plusSeconds(5400)));

    List<FocusSyncEvent> events = user.events().awaitCount(1);

    SessionRecorded recorded = (SessionRecorded) events.get(0);
    assertThat(recorded.userId()).isEqualTo(user.userId());
    assertThat(recorded.sessionId()).isEqualTo("notion:" + pageId);
    assertThat(recorded.source()).isEqualTo("notion");
    assertThat(recorded.sourceId()).isEqualTo(pageId);
    assertThat(recorded.projectKey()).isEqualTo("focus-sync");
    assertThat(recorded.start()).isEqualTo(START);
    assertThat(recorded.end()).isEqualTo(START.plusSeconds(5400));
    assertThat(recorded.title()).isEqualTo("Deep work");
    assertThat(recorded.metadata())
        .containsEntry("flowScore", "8")
        .containsEntry("checklist.Phone away", "true")
        .containsEntry("checklist.Goal written", "false");
    assertThat(recorded.version() / 1000).isEqualTo(NOTION.lastEditedTime(pageId).toEpochMilli());
    ConsumerRecord<String, byte[]> record = user.events().records().get(0);
    assertThat(record.key()).isEqualTo(user.userId());
    assertThat(TestTopics.header(record, CloudEventHeaders.TYPE))
        .isEqualTo(EventTypes.SESSION_RECORDED);

    poller.poll(user.userId(), true);
    poller.poll(user.userId(), false);
    assertThat(user.events().settle()).hasSize(1);
  }

  @Test
  void pagesThatAreNoSessionsEmitNothingUntilTheyBecomeOne() {
    Fixture user = connectedUser();
    Map<String, JsonNode> noDate = session("no date");
    noDate.put("Date", NotionSimulator.noDate());
    Map<String, JsonNode> noEnd = session("no end");
    noEnd.put("Date", NotionSimulator.date(START, null));
    Map<String, JsonNode> allDay = session("all day");
    allDay.put("Date", NotionSimulator.date("2026-07-06", null));
    String noDatePage = NOTION.createPage(user.dataSourceId(), noDate);
    NOTION.createPage(user.dataSourceId(), noEnd);
    NOTION.createPage(user.dataSourceId(), allDay);

    PollReport report = poller.poll(user.userId(), true);

    assertThat(report.pagesRead()).isEqualTo(3);
    assertThat(report.recorded()).isZero();
    assertThat(user.events().settle()).isEmpty();

    NOTION.editPage(
        noDatePage, Map.of("Date", NotionSimulator.date(START, START.plusSeconds(1800))));
    SessionRecorded recorded = (SessionRecorded) user.events().awaitCount(1).get(0);
    assertThat(recorded.sessionId()).isEqualTo("notion:" + noDatePage);

    NOTION.editPage(noDatePage, Map.of("Date", NotionSimulator.noDate()));
    SessionDeleted deleted = (SessionDeleted) user.events().awaitCount(2).get(1);
    assertThat(deleted.sessionId()).isEqualTo("notion:" + noDatePage);
    assertThat(deleted.version()).isGreaterThan(recorded.version());
  }

  @Test
  void projectsComeFromSelectRelationOrRichTextAndLongTextsSurvive() {
    Map<String, String> schema = NotionSimulator.focusSessionsSchema();
    schema.put("Project", "rich_text");
    Fixture textUser = connectedUser(schema);
    String longProject = "p".repeat(2000);
    String longTitle = "t".repeat(2000) + "u".repeat(1500);
    Map<String, JsonNode> text = session(longTitle);
    text.put("Project", NotionSimulator.richText(longProject));
    NOTION.createPage(textUser.dataSourceId(), text);

    schema.put("Project", "relation");
    Fixture relationUser = connectedUser(schema);
    Map<String, JsonNode> related = session("");
    related.put(
        "Project",
        NotionSimulator.relation(
            "90eeeed8-2cdd-4af4-9cc1-3d24aff5f63c", "a2da43ee-d43c-4285-8ae2-6d811f12629a"));
    NOTION.createPage(relationUser.dataSourceId(), related);

    SessionRecorded fromText = (SessionRecorded) textUser.events().awaitCount(1).get(0);
    SessionRecorded fromRelation = (SessionRecorded) relationUser.events().awaitCount(1).get(0);

    assertThat(fromText.projectKey()).isEqualTo(longProject);
    assertThat(fromText.title()).isEqualTo(longTitle);
    assertThat(fromRelation.projectKey()).isEqualTo("90eeeed8-2cdd-4af4-9cc1-3d24aff5f63c");
    assertThat(fromRelation.title()).isEmpty();
  }

  @Test
  void aTrashedPageIsDeletedAndARestoredOneRecordedAgain() {
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("to trash"));
    SessionRecorded recorded = (SessionRecorded) user.events().awaitCount(1).get(0);

    NOTION.trash(pageId);
    PollReport scan = poller.poll(user.userId(), true);

    assertThat(scan.deleted()).isEqualTo(1);
    SessionDeleted deleted = (SessionDeleted) user.events().awaitCount(2).get(1);
    assertThat(deleted.sessionId()).isEqualTo("notion:" + pageId);
    assertThat(deleted.source()).isEqualTo("notion");
    assertThat(deleted.version()).isGreaterThan(recorded.version());

    NOTION.restore(pageId);
    SessionRecorded again = (SessionRecorded) user.events().awaitCount(3).get(2);
    assertThat(again.version()).isGreaterThan(deleted.version());
    assertThat(user.events().settle()).hasSize(3);
  }

  @Test
  void twoHundredFiftyPagesOverThreeResultPagesEachBecomeOneSession() {
    Fixture user = connectedUser();
    for (int i = 0; i < 250; i++) {
      NOTION.createPage(
          user.dataSourceId(),
          session(
              "page " + i,
              "p" + (i % 7),
              START.plusSeconds(i * 60L),
              START.plusSeconds(i * 60L + 50)));
    }

    List<FocusSyncEvent> events = user.events().awaitCount(250);
    poller.poll(user.userId(), true);

    assertThat(user.events().settle()).hasSize(250);
    Set<String> ids = new HashSet<>();
    events.forEach(event -> ids.add(((SessionRecorded) event).sessionId()));
    assertThat(ids).hasSize(250);
    assertThat(NOTION.served(user.token()))
        .anySatisfy(served -> assertThat(served.url()).endsWith("/query"));
    assertThat(
            NOTION.wireMock().getAllServeEvents().stream()
                .filter(e -> e.getRequest().getBodyAsString().contains("start_cursor"))
                .filter(
                    e ->
                        ("Bearer " + user.token())
                            .equals(e.getRequest().getHeader("Authorization")))
                .count())
        .as("the second and third result pages were asked for")
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void editsInTheSameMinuteAfterTheWatermarkGetGrowingVersions() {
    Instant minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    NOTION.freezeAt(minute.plusSeconds(5));
    Fixture user = connectedUser();
    String pageId = NOTION.createPage(user.dataSourceId(), session("first"));
    SessionRecorded first = (SessionRecorded) user.events().awaitCount(1).get(0);
    poller.poll(user.userId(), false); // the watermark is now this very minute

    NOTION.freezeAt(minute.plusSeconds(30));
    NOTION.editPage(pageId, Map.of("Name", NotionSimulator.title("second")));
    poller.poll(user.userId(), false);
    NOTION.freezeAt(minute.plusSeconds(50));
    NOTION.editPage(pageId, Map.of("Name", NotionSimulator.title("third")));
    poller.poll(user.userId(), false);

    List<FocusSyncEvent> events = user.events().awaitCount(3);
    SessionRecorded second = (SessionRecorded) events.get(1);
    SessionRecorded third = (SessionRecorded) events.get(2);
    assertThat(NOTION.lastEditedTime(pageId)).isEqualTo(minute);
    assertThat(second.title()).isEqualTo("second");
    assertThat(third.title()).isEqualTo("third");
    assertThat(second.version()).isGreaterThan(first.version());
    assertThat(third.version()).isGreaterThan(second.version());
    assertThat(first.version()).isGreaterThanOrEqualTo(SessionVersions.derived(minute, "00000000"));
  }

  @Test
  void a429IsRetriedAfterItsRetryAfter() {
    assertRetriedAfterRetryAfter(429);
  }

  @Test
  void a529IsRetriedAfterItsRetryAfter() {
    assertRetriedAfterRetryAfter(529);
  }

  @Test
  void fiveHundredsOfReadsAreRetried() {
    Fixture user = connectedUser();
    user.events().settle();
    NOTION.failNext(user.token(), 503, null, 2);

    NOTION.createPage(user.dataSourceId(), session("after outage"));

    assertThat(user.events().awaitCount(1)).hasSize(1);
    assertThat(NOTION.served(user.token())).anySatisfy(s -> assertThat(s.status()).isEqualTo(503));
  }

  private void assertRetriedAfterRetryAfter(int status) {
    Fixture user = connectedUser();
    user.events().settle();
    NOTION.failNext(user.token(), status, 1, 1);

    NOTION.createPage(user.dataSourceId(), session("throttled"));

    assertThat(user.events().awaitCount(1)).hasSize(1);
    List<NotionSimulator.Served> served = NOTION.served(user.token());
    int throttled = -1;
    for (int i = 0; i < served.size(); i++) {
      if (served.get(i).status() == status) {
        throttled = i;
      }
    }
    assertThat(throttled).as("a %d was answered", status).isNotNegative();
    assertThat(served.size()).isGreaterThan(throttled + 1);
    Duration waited = Duration.between(served.get(throttled).at(), served.get(throttled + 1).at());
    assertThat(waited).isGreaterThanOrEqualTo(Duration.ofMillis(950));
  }
}
