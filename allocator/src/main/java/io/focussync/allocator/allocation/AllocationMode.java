package io.focussync.allocator.allocation;

/** How a day's sessions become entries. */
public enum AllocationMode {
  /** The whole work day split by the tracked shares per bucket. */
  NORMALIZED,
  /** One entry per session at its real times. */
  ACTUAL
}
