package io.focussync.notion.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SessionMapperTest {

  static final PropertyMapping MAPPING =
      new PropertyMapping(
          "Name",
          "Date",
          "Project",
          "Flow score",
          List.of("Phone away"),
          "Synced",
          "Clockify entry",
          "Synced at");

  static NotionPage page(Map<String, PropertyValue> properties) {
    return new NotionPage(
        "p-1", "ds", "db", Instant.parse("2026-07-04T09:08:00Z"), false, null, properties);
  }

  static Map<String, PropertyValue> session() {
    Map<String, PropertyValue> properties = new HashMap<>();
    properties.put("Name", PropertyValue.ofText("title", "Deep work"));
    properties.put(
        "Date",
        PropertyValue.ofDate(
            "date",
            new PropertyValue.DateValue(
                "2026-07-04T09:00:00.000+02:00", "2026-07-04T10:30:00.000+02:00")));
    properties.put("Project", PropertyValue.ofText("select", "focus-sync"));
    properties.put("Flow score", PropertyValue.ofNumber("number", new BigDecimal("8.0")));
    properties.put("Phone away", PropertyValue.ofChecked("checkbox", true));
    properties.put("Synced", PropertyValue.ofChecked("checkbox", false));
    return properties;
  }

  @Test
  void mapsATimedPageToASessionWithMetadata() {
    PageReading reading = SessionMapper.read(page(session()), MAPPING);

    assertThat(reading.isSession()).isTrue();
    SessionFields fields = reading.session();
    assertThat(fields.title()).isEqualTo("Deep work");
    assertThat(fields.projectKey()).isEqualTo("focus-sync");
    assertThat(fields.start()).isEqualTo(Instant.parse("2026-07-04T07:00:00Z"));
    assertThat(fields.end()).isEqualTo(Instant.parse("2026-07-04T08:30:00Z"));
    assertThat(fields.metadata())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("flowScore", "8", "checklist.Phone away", "true"));
  }

  @Test
  void aPageWithoutADateIsNoSession() {
    Map<String, PropertyValue> properties = session();
    properties.put("Date", PropertyValue.ofDate("date", null));

    assertThat(SessionMapper.read(page(properties), MAPPING).notASessionBecause())
        .isEqualTo("no date");
  }

  @Test
  void aDateWithoutEndIsNoSession() {
    Map<String, PropertyValue> properties = session();
    properties.put(
        "Date",
        PropertyValue.ofDate(
            "date", new PropertyValue.DateValue("2026-07-04T09:00:00.000+00:00", null)));

    assertThat(SessionMapper.read(page(properties), MAPPING).notASessionBecause())
        .isEqualTo("date has no end");
  }

  @Test
  void anAllDayDateIsNoSession() {
    Map<String, PropertyValue> properties = session();
    properties.put(
        "Date",
        PropertyValue.ofDate("date", new PropertyValue.DateValue("2026-07-04", "2026-07-05")));

    assertThat(SessionMapper.read(page(properties), MAPPING).notASessionBecause())
        .isEqualTo("all-day date");
  }

  @Test
  void anEndBeforeTheStartIsNoSession() {
    Map<String, PropertyValue> properties = session();
    properties.put(
        "Date",
        PropertyValue.ofDate(
            "date",
            new PropertyValue.DateValue(
                "2026-07-04T10:00:00.000+00:00", "2026-07-04T09:00:00.000+00:00")));

    assertThat(SessionMapper.read(page(properties), MAPPING).isSession()).isFalse();
  }

  @Test
  void aTrashedPageIsNoSession() {
    NotionPage trashed = new NotionPage("p-1", "ds", "db", Instant.EPOCH, true, null, session());

    assertThat(SessionMapper.read(trashed, MAPPING).notASessionBecause()).isEqualTo("in trash");
  }

  @Test
  void projectComesFromSelectRelationOrText() {
    assertThat(SessionMapper.projectKey(PropertyValue.ofText("select", "A"))).isEqualTo("A");
    assertThat(SessionMapper.projectKey(PropertyValue.ofItems("relation", List.of("r1", "r2"))))
        .isEqualTo("r1");
    assertThat(SessionMapper.projectKey(PropertyValue.ofText("rich_text", "  client x ")))
        .isEqualTo("client x");
    assertThat(SessionMapper.projectKey(PropertyValue.ofItems("relation", List.of()))).isEmpty();
    assertThat(SessionMapper.projectKey(null)).isEmpty();
  }

  @Test
  void anEmptyTitleIsAnEmptyString() {
    Map<String, PropertyValue> properties = session();
    properties.put("Name", PropertyValue.ofText("title", ""));

    assertThat(SessionMapper.read(page(properties), MAPPING).session().title()).isEmpty();
  }

  @Test
  void writeBackPropertiesDoNotChangeTheHash() {
    Map<String, PropertyValue> properties = session();
    String before = SessionMapper.read(page(properties), MAPPING).session().hash();
    properties.put("Synced", PropertyValue.ofChecked("checkbox", true));
    properties.put("Clockify entry", PropertyValue.ofText("url", "https://app.clockify.me/x"));
    properties.put(
        "Synced at",
        PropertyValue.ofDate("date", new PropertyValue.DateValue("2026-07-04T12:00:00Z", null)));

    assertThat(SessionMapper.read(page(properties), MAPPING).session().hash()).isEqualTo(before);
  }

  @Test
  void everyMappedFieldChangesTheHash() {
    String before = SessionMapper.read(page(session()), MAPPING).session().hash();
    Map<String, PropertyValue> checklist = session();
    checklist.put("Phone away", PropertyValue.ofChecked("checkbox", false));
    Map<String, PropertyValue> score = session();
    score.put("Flow score", PropertyValue.ofNumber("number", BigDecimal.ONE));
    Map<String, PropertyValue> title = session();
    title.put("Name", PropertyValue.ofText("title", "Deep work!"));

    assertThat(SessionMapper.read(page(checklist), MAPPING).session().hash()).isNotEqualTo(before);
    assertThat(SessionMapper.read(page(score), MAPPING).session().hash()).isNotEqualTo(before);
    assertThat(SessionMapper.read(page(title), MAPPING).session().hash()).isNotEqualTo(before);
  }
}
