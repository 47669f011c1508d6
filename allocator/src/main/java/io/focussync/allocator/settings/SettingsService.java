package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.ProjectCheck;
import io.focussync.allocator.allocation.SettingsLookup;
import io.focussync.allocator.allocation.Violation;
import io.focussync.allocator.clockify.ClockifyProjectsClient;
import io.focussync.allocator.clockify.ProjectLookup;
import io.focussync.allocator.settings.core.SettingsInput;
import io.focussync.allocator.settings.core.SettingsParser;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Reads and validates a user's allocation settings; a new user gets the defaults. The Clockify
 * project ids that saved settings name are checked against the user's workspace where the
 * clockify-connector can tell.
 */
@Service
public class SettingsService implements SettingsLookup {

  private final SettingsRepository repository;
  private final ApplicationEventPublisher events;
  private final ClockifyProjectsClient projects;

  public SettingsService(
      SettingsRepository repository,
      ApplicationEventPublisher events,
      ClockifyProjectsClient projects) {
    this.repository = repository;
    this.events = events;
    this.projects = projects;
  }

  @Override
  public AllocationSettings get(String userId) {
    return repository.find(userId).orElseGet(AllocationSettings::defaults);
  }

  @Override
  public Map<String, AllocationSettings> getAll(Collection<String> userIds) {
    Map<String, AllocationSettings> all = new HashMap<>(repository.findAll(userIds));
    for (String userId : userIds) {
      all.computeIfAbsent(userId, id -> AllocationSettings.defaults());
    }
    return all;
  }

  /**
   * Validates the settings and checks the project ids they name (an id the workspace does not have
   * or has archived is a 400 naming it; when the connector cannot tell they are saved unchecked),
   * saves them, then lets the open days be re-planned.
   */
  public SavedSettings put(String userId, SettingsInput input) {
    SettingsParser.Result result = SettingsParser.parse(input);
    if (!result.valid()) {
      throw invalid(result.violations());
    }
    AllocationSettings settings = result.settings();
    String notCheckedBecause = null;
    if (!ProjectCheck.references(settings).isEmpty()) {
      ProjectLookup lookup = projects.projects(userId);
      if (lookup.isKnown()) {
        List<Violation> violations = ProjectCheck.violations(settings, lookup.projects());
        if (!violations.isEmpty()) {
          throw invalid(violations);
        }
      } else {
        notCheckedBecause = lookup.unknownBecause();
      }
    }
    AllocationSettings previous = get(userId);
    repository.save(userId, settings);
    if (!previous.equals(settings)) {
      events.publishEvent(new SettingsChanged(userId, previous, settings));
    }
    return new SavedSettings(settings, notCheckedBecause == null, notCheckedBecause);
  }

  private static InvalidInputException invalid(List<Violation> violations) {
    List<FieldProblem> problems =
        violations.stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
    return new InvalidInputException(problems);
  }
}
