package io.focussync.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.dayplans.v1.PlannedEntry;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

class GoldenEventTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final LocalDate DAY = LocalDate.parse("2026-11-20");

  static Stream<Arguments> goldenEvents() {
    return Stream.of(
        Arguments.of(
            "session-recorded",
            EventTypes.SESSION_RECORDED,
            new SessionRecorded(
                "u-7f3a",
                "notion:1a2b3c4d-0000-4000-8000-00000000abcd",
                "notion",
                "1a2b3c4d-0000-4000-8000-00000000abcd",
                1763630100000042L,
                "focus-sync/allocator",
                Instant.parse("2026-11-20T08:15:00Z"),
                Instant.parse("2026-11-20T11:15:00Z"),
                null,
                "Largest-remainder rounding",
                List.of("deep-work"),
                Map.of("flowScore", "4", "checklist.phoneAway", "true"),
                Instant.parse("2026-11-20T11:16:02.125Z"))),
        Arguments.of(
            "session-recorded-tracked",
            EventTypes.SESSION_RECORDED,
            new SessionRecorded(
                "u-7f3a",
                "rest:claude-2026-11-20-a",
                "rest",
                "claude-2026-11-20-a",
                1763630100000043L,
                "focus-sync/allocator",
                Instant.parse("2026-11-20T08:15:00Z"),
                Instant.parse("2026-11-20T11:15:00Z"),
                5400L,
                "Largest-remainder rounding",
                List.of(),
                Map.of("timeZone", "Europe/Madrid"),
                Instant.parse("2026-11-20T11:16:02.125Z"))),
        Arguments.of(
            "session-deleted",
            EventTypes.SESSION_DELETED,
            new SessionDeleted(
                "u-7f3a",
                "rest:pomodoro-991",
                "rest",
                1763630200000001L,
                Instant.parse("2026-11-20T12:00:00Z"))),
        Arguments.of(
            "day-planned",
            EventTypes.DAY_PLANNED,
            new DayPlanned(
                "u-7f3a",
                DAY,
                "Europe/Madrid",
                3,
                "NORMALIZED",
                List.of(
                    new PlannedEntry(
                        "project:5f1e0a",
                        "5f1e0a",
                        Instant.parse("2026-11-20T08:00:00Z"),
                        Instant.parse("2026-11-20T12:48:00Z"),
                        "Development",
                        List.of("rest:a", "rest:b")),
                    new PlannedEntry(
                        "other",
                        null,
                        Instant.parse("2026-11-20T12:48:00Z"),
                        Instant.parse("2026-11-20T14:24:00Z"),
                        "Development",
                        List.of("rest:c"))),
                Instant.parse("2026-11-20T12:00:05Z"))),
        Arguments.of(
            "day-planned-busy",
            EventTypes.DAY_PLANNED,
            new DayPlanned(
                "u-7f3a",
                DAY,
                "Europe/Madrid",
                4,
                "NORMALIZED",
                List.of(
                    new PlannedEntry(
                        "project:5f1e0a",
                        "5f1e0a",
                        Instant.parse("2026-11-20T08:00:00Z"),
                        Instant.parse("2026-11-20T09:00:00Z"),
                        "Development",
                        List.of("rest:a")),
                    new PlannedEntry(
                        "other",
                        null,
                        Instant.parse("2026-11-20T10:00:00Z"),
                        Instant.parse("2026-11-20T16:00:00Z"),
                        "Development",
                        List.of("rest:c"))),
                Instant.parse("2026-11-20T12:00:07Z"),
                List.of(
                    new BusyInterval(
                        Instant.parse("2026-11-20T09:00:00Z"),
                        Instant.parse("2026-11-20T10:00:00Z"))))),
        Arguments.of(
            "day-busy-observed",
            EventTypes.DAY_BUSY_OBSERVED,
            new DayBusyObserved(
                "u-7f3a",
                DAY,
                3,
                List.of(
                    new BusyInterval(
                        Instant.parse("2026-11-20T09:00:00Z"),
                        Instant.parse("2026-11-20T10:00:00Z"))),
                Instant.parse("2026-11-20T12:00:06Z"))),
        Arguments.of(
            "day-synced",
            EventTypes.DAY_SYNCED,
            new DaySynced(
                "u-7f3a",
                DAY,
                3,
                false,
                List.of(
                    new SyncedEntry(
                        "project:5f1e0a",
                        "64c777ddd3fcab07cfbb210c",
                        "https://app.clockify.me/tracker?entry=64c777ddd3fcab07cfbb210c",
                        List.of("rest:a", "rest:b"))),
                1,
                0,
                0,
                Instant.parse("2026-11-20T12:00:07Z"))),
        Arguments.of(
            "day-sync-failed",
            EventTypes.DAY_SYNC_FAILED,
            new DaySyncFailed(
                "u-7f3a",
                DAY,
                3,
                "NEEDS_ATTENTION",
                "entry 64c777ddd3fcab07cfbb210c is locked (403)",
                List.of("project:5f1e0a"),
                Instant.parse("2026-11-20T12:00:07Z"))));
  }

  @ParameterizedTest(name = "{0}: record -> JSON equals the golden file")
  @MethodSource("goldenEvents")
  void recordWritesTheGoldenJson(String golden, String type, FocusSyncEvent event) {
    String written = new String(EventCodec.toJson(event), StandardCharsets.UTF_8);

    assertThat(JSON.readTree(written)).isEqualTo(JSON.readTree(GoldenEvents.read(golden)));
    assertThat(EventTypes.typeOf(event)).isEqualTo(type);
  }

  @ParameterizedTest(name = "{0}: golden file -> record")
  @MethodSource("goldenEvents")
  void goldenJsonReadsAsTheRecord(String golden, String type, FocusSyncEvent event) {
    assertThat(EventCodec.fromJson(type, GoldenEvents.read(golden))).isEqualTo(event);
  }

  @Test
  void unknownFieldsAreIgnoredSoAdditiveChangesStayCompatible() {
    byte[] withExtra =
        "{\"userId\":\"u\",\"sessionId\":\"rest:1\",\"source\":\"rest\",\"version\":2,\"future\":1}"
            .getBytes(StandardCharsets.UTF_8);

    SessionDeleted read = EventCodec.fromJson(SessionDeleted.class, withExtra);

    assertThat(read.sessionId()).isEqualTo("rest:1");
    assertThat(read.version()).isEqualTo(2);
  }

  @Test
  void aSessionWithoutTrackedTimeIsWrittenAsBeforeAndReadsAsNull() {
    SessionRecorded read =
        (SessionRecorded)
            EventCodec.fromJson(EventTypes.SESSION_RECORDED, GoldenEvents.read("session-recorded"));

    assertThat(read.trackedSeconds()).isNull();
    assertThat(new String(EventCodec.toJson(read), StandardCharsets.UTF_8))
        .doesNotContain("trackedSeconds");
  }

  @Test
  void aConsumerOfTheFormerRecordReadsATrackedSessionAndIgnoresTheField() {
    FormerSessionRecorded read =
        EventCodec.fromJson(
            FormerSessionRecorded.class, GoldenEvents.read("session-recorded-tracked"));

    assertThat(read.sessionId()).isEqualTo("rest:claude-2026-11-20-a");
    assertThat(read.end()).isEqualTo(Instant.parse("2026-11-20T11:15:00Z"));
  }

  /** The fields of {@code SessionRecorded} before {@code trackedSeconds}, as an older consumer. */
  record FormerSessionRecorded(
      String userId,
      String sessionId,
      String source,
      String sourceId,
      long version,
      String projectKey,
      Instant start,
      Instant end,
      String title,
      List<String> tags,
      Map<String, String> metadata,
      Instant recordedAt)
      implements FocusSyncEvent {

    @Override
    public String subject() {
      return sessionId;
    }
  }

  @Test
  void unknownTypeAndBrokenJsonAreUnreadable() {
    assertThatThrownBy(() -> EventCodec.fromJson("com.example.Evil", "{}".getBytes()))
        .isInstanceOf(EventCodec.UnreadableEventException.class)
        .hasMessageContaining("unknown event type");
    assertThatThrownBy(() -> EventCodec.fromJson(EventTypes.DAY_PLANNED, "{\"date\":".getBytes()))
        .isInstanceOf(EventCodec.UnreadableEventException.class);
  }
}
