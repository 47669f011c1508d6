package io.focussync.allocator.allocation;

/** When a day's plan is pushed to Clockify. */
public enum PushPolicy {
  /** On every change of the plan's content. */
  LIVE,
  /** Once the local day plus a grace period is over. */
  DAY_END,
  /** After the user approved the plan's content. */
  APPROVAL
}
