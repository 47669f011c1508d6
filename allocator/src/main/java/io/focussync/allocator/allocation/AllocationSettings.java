package io.focussync.allocator.allocation;

import io.focussync.allocator.rules.MappingRule;
import io.focussync.allocator.rules.ProjectMapping;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A user's validated allocation settings.
 *
 * @param defaultProjectKey the project key of a focus session posted without one
 */
public record AllocationSettings(
    ZoneId timeZone,
    Set<DayOfWeek> workdays,
    LocalTime workdayStart,
    LocalTime workdayEnd,
    AllocationMode mode,
    int granularityMinutes,
    String description,
    String otherProjectId,
    Map<String, String> projectMapping,
    List<MappingRule> rules,
    PushPolicy pushPolicy,
    SortedSet<LocalDate> holidays,
    LocalDate closedBefore,
    String defaultProjectKey) {

  public static final String DEFAULT_DESCRIPTION = "Development";
  public static final String DEFAULT_PROJECT_KEY = "focus";

  public AllocationSettings {
    workdays = workdays.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(workdays));
    projectMapping = Map.copyOf(projectMapping);
    rules = List.copyOf(rules);
    holidays = new TreeSet<>(holidays);
    defaultProjectKey = defaultProjectKey == null ? DEFAULT_PROJECT_KEY : defaultProjectKey;
  }

  /** The settings of a user who never saved any. */
  public static AllocationSettings defaults() {
    return new AllocationSettings(
        ZoneId.of("UTC"),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY),
        LocalTime.of(9, 0),
        LocalTime.of(17, 0),
        AllocationMode.NORMALIZED,
        1,
        DEFAULT_DESCRIPTION,
        null,
        Map.of(),
        List.of(),
        PushPolicy.LIVE,
        new TreeSet<>(),
        null,
        DEFAULT_PROJECT_KEY);
  }

  /** The compiled project mapping. */
  public ProjectMapping mapping() {
    return ProjectMapping.of(projectMapping, rules);
  }

  /** True for a date whose entries are planned: a workday that is no holiday. */
  public boolean isWorkday(LocalDate date) {
    return workdays.contains(date.getDayOfWeek()) && !holidays.contains(date);
  }

  /** True for a date before {@code closedBefore}: never re-planned nor pushed. */
  public boolean isClosed(LocalDate date) {
    return closedBefore != null && date.isBefore(closedBefore);
  }
}
