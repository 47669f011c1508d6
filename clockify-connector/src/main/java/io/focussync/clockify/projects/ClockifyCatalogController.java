package io.focussync.clockify.projects;

import io.focussync.platform.auth.CurrentUser;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/clockify/projects|workspaces[?refresh=true]}: through the caller's connection.
 */
@RestController
public class ClockifyCatalogController {

  private final ClockifyCatalog catalog;

  public ClockifyCatalogController(ClockifyCatalog catalog) {
    this.catalog = catalog;
  }

  /** The body of the projects list. */
  public record Projects(List<ClockifyCatalog.ProjectView> projects) {}

  /** The body of the workspaces list. */
  public record Workspaces(List<ClockifyCatalog.WorkspaceView> workspaces) {}

  @GetMapping("/api/v1/clockify/projects")
  public Projects projects(
      CurrentUser user, @RequestParam(defaultValue = "false") boolean refresh) {
    return new Projects(catalog.projects(user.id(), refresh));
  }

  @GetMapping("/api/v1/clockify/workspaces")
  public Workspaces workspaces(
      CurrentUser user, @RequestParam(defaultValue = "false") boolean refresh) {
    return new Workspaces(catalog.workspaces(user.id(), refresh));
  }
}
