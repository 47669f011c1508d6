package io.focussync.notion.poll;

/** What one poll of a connection did. */
public record PollReport(int pagesRead, int recorded, int deleted, boolean fullScan) {

  static final PollReport NOTHING = new PollReport(0, 0, 0, false);
}
