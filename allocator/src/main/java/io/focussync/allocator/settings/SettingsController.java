package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.MergePatch;
import io.focussync.allocator.settings.core.SettingsInput;
import io.focussync.allocator.settings.core.SettingsParser;
import io.focussync.platform.auth.CurrentUser;
import io.focussync.platform.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET|PUT|PATCH /api/v1/settings/allocation}. PUT takes the whole document, PATCH a JSON
 * merge patch (RFC 7396) of the stored one; both answer the settings as saved plus {@code
 * projectCheck}: {@code {"checked": true}}, or {@code {"checked": false, "reason"}} when the
 * clockify-connector could not tell whether the project ids exist.
 */
@RestController
@RequestMapping("/api/v1/settings/allocation")
public class SettingsController {

  static final String MERGE_PATCH = "application/merge-patch+json";

  private final SettingsService settings;
  private final JsonMapper json;

  public SettingsController(SettingsService settings, JsonMapper json) {
    this.settings = settings;
    this.json = json;
  }

  @GetMapping
  public SettingsInput get(CurrentUser user) {
    return SettingsParser.toInput(settings.get(user.id()));
  }

  @PutMapping
  public Map<String, Object> put(CurrentUser user, @RequestBody SettingsInput input) {
    return answer(settings.put(user.id(), input));
  }

  /** The stored document (the defaults for a new user) patched, then validated like a PUT. */
  @PatchMapping(consumes = {MERGE_PATCH, "application/json"})
  public Map<String, Object> patch(CurrentUser user, @RequestBody Object patch) {
    Object stored = json.convertValue(SettingsParser.toInput(settings.get(user.id())), Map.class);
    Object merged = MergePatch.apply(stored, patch);
    if (!(merged instanceof Map)) {
      throw InvalidInputException.of("body", "must be a JSON object (a merge patch)");
    }
    SettingsInput input;
    try {
      input = json.convertValue(merged, SettingsInput.class);
    } catch (JacksonException e) {
      throw InvalidInputException.of(fieldOf(e), "has a value of the wrong type");
    }
    return answer(settings.put(user.id(), input));
  }

  private Map<String, Object> answer(SavedSettings saved) {
    @SuppressWarnings("unchecked")
    Map<String, Object> answer =
        json.convertValue(SettingsParser.toInput(saved.settings()), LinkedHashMap.class);
    Map<String, Object> check = new LinkedHashMap<>();
    check.put("checked", saved.projectsChecked());
    if (saved.notCheckedBecause() != null) {
      check.put("reason", saved.notCheckedBecause());
    }
    answer.put("projectCheck", check);
    return answer;
  }

  /** The field a conversion failed on, as the API names fields ({@code rules[0].pattern}). */
  private static String fieldOf(JacksonException e) {
    StringBuilder field = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        field.append(field.isEmpty() ? "" : ".").append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        field.append('[').append(ref.getIndex()).append(']');
      }
    }
    return field.isEmpty() ? "body" : field.toString();
  }
}
