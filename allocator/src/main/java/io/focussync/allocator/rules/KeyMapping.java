package io.focussync.allocator.rules;

/**
 * Where a project key went and why.
 *
 * @param projectId the Clockify project, null when the key went to Other
 * @param rule a human-readable reason, e.g. {@code rules[1] GLOB "client-*"}
 */
public record KeyMapping(String projectId, String rule) {

  /** True when an exact key or a rule matched, false for the Other bucket. */
  public boolean mapped() {
    return projectId != null;
  }
}
