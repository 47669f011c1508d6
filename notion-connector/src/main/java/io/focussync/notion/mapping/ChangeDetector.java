package io.focussync.notion.mapping;

/**
 * Decides what a fresh read of a page means against what was remembered: a new or changed session
 * is recorded, a session that disappeared is deleted, anything else (an unchanged page, our own
 * write-back, a page that never was a session, a stale read) emits nothing.
 */
public final class ChangeDetector {

  private ChangeDetector() {}

  /** The decision for a read of a page. */
  public static Decision decide(PageMemory before, NotionPage page, PageReading reading) {
    if (page.lastEditedTime().isBefore(before.lastEditedTime())) {
      return new Decision(Action.NONE, 0, before);
    }
    if (reading.isSession()) {
      String hash = reading.session().hash();
      if (before.active() && hash.equals(before.hash())) {
        return new Decision(Action.NONE, 0, remember(before, page, before.active()));
      }
      long version = SessionVersions.next(page.lastEditedTime(), hash, before.lastVersion());
      return new Decision(
          Action.RECORD,
          version,
          new PageMemory(page.id(), page.lastEditedTime(), hash, true, version));
    }
    if (before.active()) {
      long version =
          SessionVersions.next(page.lastEditedTime(), before.hash(), before.lastVersion());
      return new Decision(
          Action.DELETE,
          version,
          new PageMemory(page.id(), page.lastEditedTime(), null, false, version));
    }
    return new Decision(Action.NONE, 0, remember(before, page, false));
  }

  private static PageMemory remember(PageMemory before, NotionPage page, boolean active) {
    return new PageMemory(
        page.id(), page.lastEditedTime(), before.hash(), active, before.lastVersion());
  }

  /** What to emit. */
  public enum Action {
    NONE,
    RECORD,
    DELETE
  }

  /**
   * A decision: the action, the version of the event to emit (0 for none), and what to remember.
   */
  public record Decision(Action action, long version, PageMemory next) {}
}
