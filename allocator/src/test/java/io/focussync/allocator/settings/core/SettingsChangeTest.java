package io.focussync.allocator.settings.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.day.Contribution;
import io.focussync.allocator.day.core.SettingsReplan;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class SettingsChangeTest {

  static final LocalDate MON = LocalDate.of(2026, 11, 16);
  static final LocalDate TUE = MON.plusDays(1);
  static final LocalDate WED = MON.plusDays(2);
  static final LocalDate THU = MON.plusDays(3);
  static final SettingsReplan.StoredDates STORED =
      new SettingsReplan.StoredDates(new TreeSet<>(List.of(WED, TUE)), new TreeSet<>(List.of(MON)));
  static final Contribution SESSION =
      new Contribution(
          "s",
          1,
          "p",
          Instant.parse("2026-11-19T10:00:00Z"),
          Instant.parse("2026-11-19T11:00:00Z"),
          null,
          null);

  @Test
  void withoutANewZoneOnlyTheReplannedDaysAreReplannedAsTheyStand() {
    assertThat(SettingsChange.steps(false, STORED, Map.of(THU, List.of(SESSION))))
        .containsExactly(
            new SettingsChange.DayStep(TUE, null, true),
            new SettingsChange.DayStep(WED, null, true));
  }

  @Test
  void aNewZoneMovesSessionsOnEveryDayButReplansOnlyTheDaysNotKept() {
    assertThat(SettingsChange.steps(true, STORED, Map.of(THU, List.of(SESSION))))
        .containsExactly(
            new SettingsChange.DayStep(MON, List.of(), false),
            new SettingsChange.DayStep(TUE, List.of(), true),
            new SettingsChange.DayStep(WED, List.of(), true),
            new SettingsChange.DayStep(THU, List.of(SESSION), true));
  }

  @Test
  void onlyANewTimeZoneMovesSessions() {
    AllocationSettings utc = AllocationSettings.defaults();
    AllocationSettings berlin =
        new AllocationSettings(
            ZoneId.of("Europe/Berlin"),
            utc.workdays(),
            utc.workdayStart(),
            utc.workdayEnd(),
            utc.mode(),
            utc.granularityMinutes(),
            utc.description(),
            utc.otherProjectId(),
            utc.projectMapping(),
            utc.rules(),
            utc.pushPolicy(),
            utc.holidays(),
            utc.closedBefore(),
            utc.defaultProjectKey());

    assertThat(SettingsChange.movesSessions(utc, berlin)).isTrue();
    assertThat(SettingsChange.movesSessions(utc, AllocationSettings.defaults())).isFalse();
  }
}
