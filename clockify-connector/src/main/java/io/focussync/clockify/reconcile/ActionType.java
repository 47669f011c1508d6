package io.focussync.clockify.reconcile;

/** What applying a plan does for one slot. */
public enum ActionType {
  /** Nothing: Clockify already holds the planned content. */
  KEEP,
  /** POST a new entry (pending-before-create, adopt before any re-post). */
  CREATE,
  /** A create may have happened: look it up and adopt it, else create; then update if needed. */
  RESUME_CREATE,
  /** PUT the full planned body over our entry. */
  UPDATE,
  /** DELETE our entry: the slot is no longer planned. */
  DELETE,
  /** A create may have happened for a slot no longer planned: look it up and delete it. */
  RESUME_DELETE,
  /** Forget a slot whose entry is already gone (drifted) and which is no longer planned. */
  FORGET,
  /** Leave a drifted/locked slot alone at this revision; it needs a person. */
  BLOCKED
}
