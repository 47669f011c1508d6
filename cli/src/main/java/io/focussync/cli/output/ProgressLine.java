package io.focussync.cli.output;

import java.io.PrintWriter;

/** One status line on a terminal's stderr, rewritten in place with {@code \r}. */
public final class ProgressLine {

  private final PrintWriter err;
  private final boolean enabled;
  private int width;

  private ProgressLine(PrintWriter err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  /** A line on stderr, shown only when it is a terminal. */
  public static ProgressLine on(PrintWriter err, boolean terminal) {
    return new ProgressLine(err, terminal);
  }

  /** Replaces the line's text. */
  public void show(String text) {
    if (!enabled) {
      return;
    }
    String padding = " ".repeat(Math.max(0, width - text.length()));
    err.print("\r" + text + padding);
    err.flush();
    width = text.length();
  }

  /** Ends the line, so that what is printed next starts on its own line. */
  public void finish() {
    if (enabled && width > 0) {
      err.println();
      err.flush();
      width = 0;
    }
  }
}
