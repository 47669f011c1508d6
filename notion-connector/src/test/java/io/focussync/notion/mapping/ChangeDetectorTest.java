package io.focussync.notion.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeDetectorTest {

  static final Instant MINUTE = Instant.parse("2026-07-04T09:08:00Z");

  static NotionPage page(Instant edited, boolean removed, String title) {
    Map<String, PropertyValue> properties = SessionMapperTest.session();
    properties.put("Name", PropertyValue.ofText("title", title));
    return new NotionPage("p-1", "ds", "db", edited, removed, null, properties);
  }

  static ChangeDetector.Decision decide(PageMemory before, NotionPage page) {
    return ChangeDetector.decide(before, page, SessionMapper.read(page, SessionMapperTest.MAPPING));
  }

  @Test
  void aNewSessionIsRecordedOnceAndTheSameReadAgainIsNothing() {
    ChangeDetector.Decision first = decide(PageMemory.unknown("p-1"), page(MINUTE, false, "a"));
    ChangeDetector.Decision again = decide(first.next(), page(MINUTE, false, "a"));
    ChangeDetector.Decision laterSame =
        decide(again.next(), page(MINUTE.plusSeconds(120), false, "a"));

    assertThat(first.action()).isEqualTo(ChangeDetector.Action.RECORD);
    assertThat(again.action()).isEqualTo(ChangeDetector.Action.NONE);
    assertThat(laterSame.action()).isEqualTo(ChangeDetector.Action.NONE);
    assertThat(laterSame.next().lastEditedTime()).isEqualTo(MINUTE.plusSeconds(120));
  }

  @Test
  void sameMinuteEditsGetGrowingVersions() {
    ChangeDetector.Decision first = decide(PageMemory.unknown("p-1"), page(MINUTE, false, "a"));
    ChangeDetector.Decision second = decide(first.next(), page(MINUTE, false, "b"));
    ChangeDetector.Decision third = decide(second.next(), page(MINUTE, false, "a"));

    assertThat(second.action()).isEqualTo(ChangeDetector.Action.RECORD);
    assertThat(third.action()).isEqualTo(ChangeDetector.Action.RECORD);
    assertThat(second.version()).isGreaterThan(first.version());
    assertThat(third.version()).isGreaterThan(second.version());
  }

  @Test
  void trashingDeletesOnlyWhatWasEmittedAndRestoringRecordsAgain() {
    ChangeDetector.Decision neverEmitted =
        decide(PageMemory.unknown("p-1"), page(MINUTE, true, "a"));
    ChangeDetector.Decision recorded = decide(PageMemory.unknown("p-1"), page(MINUTE, false, "a"));
    ChangeDetector.Decision deleted = decide(recorded.next(), page(MINUTE, true, "a"));
    ChangeDetector.Decision deletedAgain = decide(deleted.next(), page(MINUTE, true, "a"));
    ChangeDetector.Decision restored = decide(deletedAgain.next(), page(MINUTE, false, "a"));

    assertThat(neverEmitted.action()).isEqualTo(ChangeDetector.Action.NONE);
    assertThat(deleted.action()).isEqualTo(ChangeDetector.Action.DELETE);
    assertThat(deleted.version()).isGreaterThan(recorded.version());
    assertThat(deletedAgain.action()).isEqualTo(ChangeDetector.Action.NONE);
    assertThat(restored.action()).isEqualTo(ChangeDetector.Action.RECORD);
    assertThat(restored.version()).isGreaterThan(deleted.version());
  }

  @Test
  void aStaleReadChangesNothing() {
    ChangeDetector.Decision recorded =
        decide(PageMemory.unknown("p-1"), page(MINUTE.plusSeconds(60), false, "new"));

    ChangeDetector.Decision stale = decide(recorded.next(), page(MINUTE, false, "old"));

    assertThat(stale.action()).isEqualTo(ChangeDetector.Action.NONE);
    assertThat(stale.next()).isEqualTo(recorded.next());
  }
}
