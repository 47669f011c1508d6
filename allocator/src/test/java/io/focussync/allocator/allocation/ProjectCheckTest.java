package io.focussync.allocator.allocation;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.allocator.rules.MappingRule;
import io.focussync.allocator.rules.MatchKind;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectCheckTest {

  static AllocationSettings naming(
      String otherProjectId, Map<String, String> mapping, List<MappingRule> rules) {
    AllocationSettings d = AllocationSettings.defaults();
    return new AllocationSettings(
        d.timeZone(),
        d.workdays(),
        d.workdayStart(),
        d.workdayEnd(),
        d.mode(),
        d.granularityMinutes(),
        d.description(),
        otherProjectId,
        mapping,
        rules,
        d.pushPolicy(),
        d.holidays(),
        d.closedBefore(),
        null);
  }

  static final AllocationSettings SETTINGS =
      naming(
          "p-other",
          Map.of("web", "p-web", "api", "p-gone"),
          List.of(new MappingRule(MatchKind.PREFIX, "client-", "p-old")));

  @Test
  void everyFieldThatNamesAProjectIsReferencedInFieldOrder() {
    assertThat(ProjectCheck.references(SETTINGS))
        .containsExactly(
            Map.entry("otherProjectId", "p-other"),
            Map.entry("projectMapping[\"api\"]", "p-gone"),
            Map.entry("projectMapping[\"web\"]", "p-web"),
            Map.entry("rules[0].projectId", "p-old"));
    assertThat(ProjectCheck.references(AllocationSettings.defaults())).isEmpty();
  }

  @Test
  void unknownAndArchivedIdsAreViolationsNamingTheId() {
    List<ClockifyProject> workspace =
        List.of(
            new ClockifyProject("p-other", "Other", false),
            new ClockifyProject("p-web", "Web", false),
            new ClockifyProject("p-old", "Old client", true));

    assertThat(ProjectCheck.violations(SETTINGS, workspace))
        .containsExactly(
            new Violation(
                "projectMapping[\"api\"]", "project \"p-gone\" is not in your Clockify workspace"),
            new Violation(
                "rules[0].projectId", "project \"p-old\" (Old client) is archived in Clockify"));
  }

  @Test
  void settingsNamingOnlyActiveProjectsPass() {
    assertThat(
            ProjectCheck.violations(
                naming(null, Map.of("web", "p-web"), List.of()),
                List.of(new ClockifyProject("p-web", "Web", false))))
        .isEmpty();
  }
}
