package io.focussync.allocator.allocation;

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

  /** Input without a {@code defaultProjectKey} (it takes its default). */
  public SettingsInput(
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
      String closedBefore) {
    this(
        timeZone,
        workdays,
        workdayStart,
        workdayEnd,
        mode,
        granularityMinutes,
        description,
        otherProjectId,
        projectMapping,
        rules,
        pushPolicy,
        holidays,
        closedBefore,
        null);
  }

  /** One mapping rule as typed. */
  public record RuleInput(String match, String pattern, Object projectId) {}
}
