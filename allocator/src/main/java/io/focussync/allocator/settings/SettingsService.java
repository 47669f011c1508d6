package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;
import io.focussync.allocator.allocation.SettingsInput;
import io.focussync.allocator.allocation.SettingsParser;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/** Reads and validates a user's allocation settings; a new user gets the defaults. */
@Service
public class SettingsService {

  private final SettingsRepository repository;
  private final ApplicationEventPublisher events;

  public SettingsService(SettingsRepository repository, ApplicationEventPublisher events) {
    this.repository = repository;
    this.events = events;
  }

  /** The user's settings, the defaults until the user saves some. */
  public AllocationSettings get(String userId) {
    return repository.find(userId).orElseGet(AllocationSettings::defaults);
  }

  /** The settings of each of these users, the defaults for those without stored ones. */
  public Map<String, AllocationSettings> getAll(Collection<String> userIds) {
    Map<String, AllocationSettings> all = new HashMap<>(repository.findAll(userIds));
    for (String userId : userIds) {
      all.computeIfAbsent(userId, id -> AllocationSettings.defaults());
    }
    return all;
  }

  /** Validates and saves the settings, then lets the open days be re-planned. */
  public AllocationSettings put(String userId, SettingsInput input) {
    SettingsParser.Result result = SettingsParser.parse(input);
    if (!result.valid()) {
      List<FieldProblem> problems =
          result.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList();
      throw new InvalidInputException(problems);
    }
    AllocationSettings previous = get(userId);
    repository.save(userId, result.settings());
    if (!previous.equals(result.settings())) {
      events.publishEvent(new SettingsChanged(userId, previous, result.settings()));
    }
    return result.settings();
  }
}
