package io.focussync.allocator.settings.core;

import io.focussync.allocator.allocation.AllocationSettings;
import java.util.List;
import java.util.Map;

/**
 * The settings as the API carries them (strings as typed by the user); {@link SettingsParser}
 * validates them into {@link AllocationSettings}. A missing field takes its default. Project ids
 * and the default project key are typed {@code Object} so that a number where a string belongs is
 * reported, not coerced.
 */
public record SettingsInput(
    String timeZone,
    List<String> workdays,
    String workdayStart,
    String workdayEnd,
    String mode,
    Integer granularityMinutes,
    String description,
    Object otherProjectId,
    Map<String, Object> projectMapping,
    List<RuleInput> rules,
    String pushPolicy,
    List<String> holidays,
    String closedBefore,
    Object defaultProjectKey) {

  /** One mapping rule as typed. */
  public record RuleInput(String match, String pattern, Object projectId) {}
}
