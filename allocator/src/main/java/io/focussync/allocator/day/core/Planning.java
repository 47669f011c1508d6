package io.focussync.allocator.day.core;

/** Whether a change re-plans the day after its edit. */
public enum Planning {
  /** The plan stays as it is (history a settings change leaves alone). */
  KEEP,
  /** Re-planned under the push policy; unchanged content keeps its revision. */
  PLAN,
  /** Re-planned and pushed with a new revision even when unchanged (resync). */
  FORCE
}
