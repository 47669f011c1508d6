package io.focussync.allocator.settings.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.Violation;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsParserTest {

  static SettingsInput empty() {
    return new SettingsInput(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void absentFieldsTakeTheDefaults() {
    SettingsParser.Result result = SettingsParser.parse(empty());

    assertThat(result.valid()).isTrue();
    assertThat(result.settings()).isEqualTo(AllocationSettings.defaults());
    assertThat(SettingsParser.toInput(result.settings()).workdays())
        .containsExactly("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY");
  }

  @Test
  void roundTripsThroughItsInputShape() {
    SettingsInput input =
        new SettingsInput(
            "Europe/Madrid",
            List.of("MONDAY", "SATURDAY"),
            "08:30",
            "16:30",
            "ACTUAL",
            15,
            "Work",
            "p-o",
            Map.of("k", "p1"),
            List.of(new SettingsInput.RuleInput("REGEX", "^c-\\d+", "p2")),
            "APPROVAL",
            List.of("2026-12-25"),
            "2026-11-01",
            "deep work");
    SettingsParser.Result result = SettingsParser.parse(input);

    assertThat(result.violations()).isEmpty();
    assertThat(result.settings().timeZone()).isEqualTo(ZoneId.of("Europe/Madrid"));
    assertThat(SettingsParser.toInput(result.settings())).isEqualTo(input);
  }

  @Test
  void theDefaultProjectKeyIsFocusAndValidatedLikeAProjectKey() {
    assertThat(SettingsParser.parse(empty()).settings().defaultProjectKey()).isEqualTo("focus");
    assertThat(SettingsParser.parse(withDefaultKey("acme/deep")).settings().defaultProjectKey())
        .isEqualTo("acme/deep");
    for (Object bad : List.of("", " ", "a\tb", "x".repeat(513), 7, List.of("a"))) {
      assertThat(SettingsParser.parse(withDefaultKey(bad)).violations())
          .as("%s", bad)
          .extracting(Violation::field)
          .containsExactly("defaultProjectKey");
    }
  }

  private static SettingsInput withDefaultKey(Object key) {
    return new SettingsInput(
        null, null, null, null, null, null, null, null, null, null, null, null, null, key);
  }

  @Test
  void reportsEveryProblemWithItsField() {
    Map<String, Object> mapping = new HashMap<>();
    mapping.put("k", 42);
    SettingsInput input =
        new SettingsInput(
            "Mars/Olympus",
            List.of(),
            "17:00",
            "09:00",
            "SOMETIMES",
            7,
            "",
            null,
            mapping,
            List.of(new SettingsInput.RuleInput("REGEX", "([a-z", "p")),
            "NEVER",
            List.of("2026-02-30"),
            "yesterday",
            null);

    List<String> fields = new ArrayList<>();
    SettingsParser.parse(input).violations().forEach(v -> fields.add(v.field()));

    assertThat(fields)
        .containsExactlyInAnyOrder(
            "timeZone",
            "workdays",
            "workdayEnd",
            "mode",
            "description",
            "projectMapping[\"k\"]",
            "rules[0].pattern",
            "pushPolicy",
            "holidays[0]",
            "closedBefore");
  }

  @Test
  void granularityMustDivideTheWorkDay() {
    SettingsInput input =
        new SettingsInput(
            null, null, "09:00", "17:00", null, 7, null, null, null, null, null, null, null, null);

    assertThat(SettingsParser.parse(input).violations())
        .extracting(Violation::field)
        .containsExactly("granularityMinutes");
  }

  @Test
  void boundsTheSizes() {
    Map<String, Object> mapping = new HashMap<>();
    for (int i = 0; i <= SettingsParser.MAX_MAPPINGS; i++) {
      mapping.put("k" + i, "p");
    }
    List<SettingsInput.RuleInput> rules = new ArrayList<>();
    for (int i = 0; i <= SettingsParser.MAX_RULES; i++) {
      rules.add(new SettingsInput.RuleInput("PREFIX", "x", "p"));
    }
    SettingsInput input =
        new SettingsInput(
            null, null, null, null, null, null, null, null, mapping, rules, null, null, null, null);

    assertThat(SettingsParser.parse(input).violations())
        .extracting(Violation::field)
        .containsExactly("projectMapping", "rules");
    SettingsInput longPattern =
        new SettingsInput(
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            List.of(new SettingsInput.RuleInput("GLOB", "x".repeat(513), "p")),
            null,
            null,
            null,
            null);
    assertThat(SettingsParser.parse(longPattern).violations())
        .extracting(Violation::field)
        .containsExactly("rules[0].pattern");
  }
}
