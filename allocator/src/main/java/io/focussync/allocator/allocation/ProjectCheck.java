package io.focussync.allocator.allocation;

import io.focussync.allocator.rules.MappingRule;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks the Clockify project ids that settings name (the project mapping's values, {@code
 * otherProjectId}, the rules' targets) against the user's Clockify projects: an id the workspace
 * does not have, or has archived, is a violation naming the id.
 */
public final class ProjectCheck {

  private ProjectCheck() {}

  /** Each field of the settings that names a project, with the id it names, in field order. */
  public static Map<String, String> references(AllocationSettings settings) {
    Map<String, String> refs = new LinkedHashMap<>();
    if (settings.otherProjectId() != null) {
      refs.put("otherProjectId", settings.otherProjectId());
    }
    new TreeMap<>(settings.projectMapping())
        .forEach((key, id) -> refs.put("projectMapping[\"" + key + "\"]", id));
    List<MappingRule> rules = settings.rules();
    for (int i = 0; i < rules.size(); i++) {
      refs.put("rules[" + i + "].projectId", rules.get(i).projectId());
    }
    return refs;
  }

  /** The fields that name a project the workspace does not have or has archived. */
  public static List<Violation> violations(
      AllocationSettings settings, Collection<ClockifyProject> projects) {
    Map<String, ClockifyProject> byId = new HashMap<>();
    projects.forEach(p -> byId.put(p.id(), p));
    List<Violation> violations = new ArrayList<>();
    references(settings)
        .forEach(
            (field, id) -> {
              ClockifyProject project = byId.get(id);
              if (project == null) {
                violations.add(
                    new Violation(
                        field, "project \"" + id + "\" is not in your Clockify workspace"));
              } else if (project.archived()) {
                violations.add(
                    new Violation(
                        field,
                        "project \"" + id + "\" (" + project.name() + ") is archived in Clockify"));
              }
            });
    return violations;
  }
}
