package io.focussync.clockify.reconcile;

/** The id of the marker tag in the workspace, found or created on first use (may call Clockify). */
@FunctionalInterface
public interface MarkerTag {

  String id();
}
