package io.focussync.allocator.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProjectMappingTest {

  ProjectMapping mapping =
      ProjectMapping.of(
          Map.of("web/login", "pExact"),
          List.of(
              new MappingRule(MatchKind.PREFIX, "web/", "pWeb"),
              new MappingRule(MatchKind.GLOB, "*-docs?", "pDocs"),
              new MappingRule(MatchKind.REGEX, "ops-\\d+", "pOps"),
              new MappingRule(MatchKind.GLOB, "a.b*", "pDot")));

  @Test
  void exactKeysWinOverRules() {
    assertThat(mapping.map("web/login"))
        .isEqualTo(new KeyMapping("pExact", "projectMapping[\"web/login\"]"));
  }

  @Test
  void rulesApplyInOrder() {
    assertThat(mapping.map("web/signup").projectId()).isEqualTo("pWeb");
    assertThat(mapping.map("web/api-docs1").rule()).isEqualTo("rules[0] PREFIX \"web/\"");
    assertThat(mapping.map("api-docs1").projectId()).isEqualTo("pDocs");
    assertThat(mapping.map("api-docs").projectId()).isNull();
    assertThat(mapping.map("ops-12").projectId()).isEqualTo("pOps");
    assertThat(mapping.map("ops-12x").projectId()).isNull();
    assertThat(mapping.map("xops-12").projectId()).as("a regex matches the whole key").isNull();
  }

  @Test
  void globTreatsOtherCharactersLiterally() {
    assertThat(mapping.map("a.bc").projectId()).isEqualTo("pDot");
    assertThat(mapping.map("axbc").projectId()).isNull();
  }

  @Test
  void unmatchedKeysGoToOther() {
    KeyMapping other = mapping.map("something");
    assertThat(other.mapped()).isFalse();
    assertThat(other.rule()).isEqualTo(ProjectMapping.UNMAPPED_RULE);
    assertThat(mapping.map(null).mapped()).isFalse();
  }

  @Test
  void rulesMatchTheFullPathsClaudeTrackerUsesAsProjects() {
    ProjectMapping paths =
        ProjectMapping.of(
            Map.of("/Users/ada/work/npr", "pNpr"),
            List.of(
                new MappingRule(MatchKind.GLOB, "/Users/*/work/site*", "pSite"),
                new MappingRule(MatchKind.PREFIX, "/Users/ada/work/", "pWork")));

    assertThat(paths.map("/Users/ada/work/npr").projectId()).isEqualTo("pNpr");
    assertThat(paths.map("/Users/ada/work/site-v2").projectId()).isEqualTo("pSite");
    assertThat(paths.map("/Users/ada/work/npr/api").rule())
        .isEqualTo("rules[1] PREFIX \"/Users/ada/work/\"");
    assertThat(paths.map("/Users/ada/personal/blog").mapped()).isFalse();
  }

  @Test
  void aPatternThatBacktracksExponentiallyInJavaRegexMatchesInLinearTime() {
    ProjectMapping evil =
        ProjectMapping.of(Map.of(), List.of(new MappingRule(MatchKind.REGEX, "(a+)+$", "pEvil")));
    String key = "a".repeat(5_000) + "!";

    KeyMapping mapped = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> evil.map(key));

    assertThat(mapped.mapped()).isFalse();
  }

  @Test
  void aPatternIsLimitedInLengthAndToWhatRe2Supports() {
    String tooLong = "a".repeat(ProjectMapping.MAX_PATTERN_LENGTH + 1);

    assertThat(ProjectMapping.problemOf(new MappingRule(MatchKind.REGEX, tooLong, "p")))
        .contains("is longer than 200 characters");
    assertThat(ProjectMapping.problemOf(new MappingRule(MatchKind.REGEX, "(a)\\1", "p")))
        .hasValueSatisfying(
            problem -> assertThat(problem).startsWith("invalid regular expression"));
  }

  @Test
  void reportsAnInvalidRegex() {
    assertThat(ProjectMapping.problemOf(new MappingRule(MatchKind.REGEX, "(", "p"))).isPresent();
    assertThat(ProjectMapping.problemOf(new MappingRule(MatchKind.GLOB, "(", "p"))).isEmpty();
  }
}
