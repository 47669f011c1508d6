package io.focussync.allocator.settings;

import io.focussync.allocator.allocation.AllocationSettings;

/**
 * Settings as saved, and whether the Clockify project ids they name were checked against the user's
 * workspace.
 *
 * @param projectsChecked true when every id was found, active, in the workspace (or none is named)
 * @param notCheckedBecause why the ids were not checked (the connector could not tell), else null
 */
public record SavedSettings(
    AllocationSettings settings, boolean projectsChecked, String notCheckedBecause) {}
