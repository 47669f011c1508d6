package io.focussync.allocator.allocation;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The part of a window that busy spans leave free, as ordered disjoint windows of whole seconds (a
 * busy span is widened to whole seconds: it starts at its second and ends at the next one), and
 * lengths laid out into them back to back.
 */
final class FreeTime {

  /** A free window [start, end) in epoch seconds. */
  private record Window(long start, long end) {}

  /** One part of a laid-out length; {@code part} counts from 1 within that length. */
  record Piece(int part, Instant start, Instant end) {}

  private final List<Window> windows;

  private FreeTime(List<Window> windows) {
    this.windows = windows;
  }

  /** The free windows of [start, end) once the busy spans are taken out. */
  static FreeTime of(Instant start, Instant end, Collection<BusySpan> busy) {
    List<Window> taken = new ArrayList<>();
    for (BusySpan b : busy) {
      if (!b.start().isBefore(b.end())) {
        continue;
      }
      long from = b.start().truncatedTo(ChronoUnit.SECONDS).getEpochSecond();
      Instant last = b.end().truncatedTo(ChronoUnit.SECONDS);
      long to = last.equals(b.end()) ? last.getEpochSecond() : last.getEpochSecond() + 1;
      if (to > from) {
        taken.add(new Window(from, to));
      }
    }
    taken.sort((a, b) -> Long.compare(a.start(), b.start()));
    List<Window> free = new ArrayList<>();
    long cursor = start.getEpochSecond();
    long stop = end.getEpochSecond();
    for (Window t : taken) {
      if (t.start() > cursor) {
        free.add(new Window(cursor, Math.min(t.start(), stop)));
      }
      cursor = Math.max(cursor, t.end());
      if (cursor >= stop) {
        break;
      }
    }
    if (cursor < stop) {
      free.add(new Window(cursor, stop));
    }
    free.removeIf(w -> w.end() <= w.start());
    return new FreeTime(List.copyOf(free));
  }

  /** The free seconds in all. */
  long seconds() {
    long total = 0;
    for (Window w : windows) {
      total += w.end() - w.start();
    }
    return total;
  }

  /**
   * Lays the lengths (seconds, summing to at most {@link #seconds()}) out in order from the first
   * free second: each length becomes one piece per free window it touches.
   */
  List<List<Piece>> layout(long[] lengths) {
    List<List<Piece>> laid = new ArrayList<>(lengths.length);
    int window = 0;
    long cursor = windows.isEmpty() ? 0 : windows.get(0).start();
    for (long length : lengths) {
      List<Piece> pieces = new ArrayList<>(1);
      long left = length;
      while (left > 0) {
        if (cursor == windows.get(window).end()) {
          window++;
          cursor = windows.get(window).start();
        }
        long take = Math.min(left, windows.get(window).end() - cursor);
        pieces.add(
            new Piece(
                pieces.size() + 1,
                Instant.ofEpochSecond(cursor),
                Instant.ofEpochSecond(cursor + take)));
        cursor += take;
        left -= take;
      }
      laid.add(pieces);
    }
    return laid;
  }

  /**
   * True when the span overlaps a busy span of some length (touching ends do not overlap, and an
   * empty busy span overlaps nothing).
   */
  static boolean overlaps(Instant start, Instant end, Collection<BusySpan> busy) {
    for (BusySpan b : busy) {
      if (b.start().isBefore(b.end()) && start.isBefore(b.end()) && b.start().isBefore(end)) {
        return true;
      }
    }
    return false;
  }
}
