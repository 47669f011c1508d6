package io.focussync.cli.claudetracker;

import java.util.List;

/**
 * What one pass over the database did.
 *
 * @param sent sessions sent in batches
 * @param accepted sessions the server accepted
 * @param rejected rows the server (or the reading) refused, newly in this pass
 * @param deleted sessions deleted
 * @param unchanged rows already on the server as they are
 * @param skipped rows with nothing to send yet (end not after start)
 */
public record PassResult(
    int sent, int accepted, List<Rejection> rejected, int deleted, int unchanged, int skipped) {

  /** A row that was not accepted, with the reasons. */
  public record Rejection(String sourcePath, List<String> messages) {}

  /** Whether the pass sent or deleted anything, or found new problems. */
  public boolean didSomething() {
    return sent > 0 || deleted > 0 || !rejected.isEmpty();
  }

  /** One line: {@code 3 sent (2 accepted, 1 rejected), 1 deleted, 40 unchanged}. */
  public String summary() {
    int rejectedSessions = sent - accepted;
    StringBuilder line = new StringBuilder();
    line.append(sent).append(sent == 1 ? " session sent" : " sessions sent");
    line.append(" (").append(accepted).append(" accepted");
    if (rejectedSessions > 0) {
      line.append(", ").append(rejectedSessions).append(" rejected");
    }
    line.append("), ").append(deleted).append(" deleted, ");
    line.append(unchanged).append(" unchanged");
    long unreadable = rejected.size();
    if (unreadable > 0) {
      line.append(", ")
          .append(unreadable)
          .append(unreadable == 1 ? " row refused" : " rows refused");
    }
    if (skipped > 0) {
      line.append(", ").append(skipped).append(" without duration yet");
    }
    return line.toString();
  }
}
