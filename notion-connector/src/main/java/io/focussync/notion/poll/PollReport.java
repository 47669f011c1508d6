package io.focussync.notion.poll;

/**
 * What one poll of a connection did.
 *
 * @param polled false if this replica did not hold the connection's lease (or there was none)
 * @param advanced true if the poll moved the connection's watermark (a complete pass while still
 *     holding the lease)
 */
public record PollReport(
    boolean polled, int pagesRead, int recorded, int deleted, boolean fullScan, boolean advanced) {

  static final PollReport NOT_POLLED = new PollReport(false, 0, 0, 0, false, false);
}
