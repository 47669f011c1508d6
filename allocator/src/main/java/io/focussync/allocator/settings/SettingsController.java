package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.SettingsInput;
import io.focussync.allocator.allocation.SettingsParser;
import io.focussync.platform.auth.CurrentUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET|PUT /api/v1/settings/allocation}. */
@RestController
@RequestMapping("/api/v1/settings/allocation")
public class SettingsController {

  private final SettingsService settings;

  public SettingsController(SettingsService settings) {
    this.settings = settings;
  }

  @GetMapping
  public SettingsInput get(CurrentUser user) {
    return SettingsParser.toInput(settings.get(user.id()));
  }

  @PutMapping
  public SettingsInput put(CurrentUser user, @RequestBody SettingsInput input) {
    return SettingsParser.toInput(settings.put(user.id(), input));
  }
}
