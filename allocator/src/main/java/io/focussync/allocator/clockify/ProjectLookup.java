package io.focussync.allocator.clockify;

import io.focussync.allocator.allocation.ClockifyProject;
import java.util.List;

/**
 * The user's Clockify projects as the clockify-connector listed them, or why it could not tell.
 *
 * @param projects the projects (archived ones included), null when not known
 * @param unknownBecause why the projects are not known, null when they are
 */
public record ProjectLookup(List<ClockifyProject> projects, String unknownBecause) {

  public static ProjectLookup known(List<ClockifyProject> projects) {
    return new ProjectLookup(List.copyOf(projects), null);
  }

  public static ProjectLookup unknown(String because) {
    return new ProjectLookup(null, because);
  }

  public boolean isKnown() {
    return projects != null;
  }
}
