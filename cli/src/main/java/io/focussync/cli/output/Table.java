package io.focussync.cli.output;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header line, then aligned rows, long cells shortened with "…". */
public final class Table {

  /** Which end of a long cell is kept: the end for paths, the start for text. */
  public enum Keep {
    START,
    END
  }

  private record Column(String header, int maxWidth, Keep keep, boolean right) {}

  private final List<Column> columns = new ArrayList<>();
  private final List<String[]> rows = new ArrayList<>();

  /** A left-aligned column, cut at the end beyond {@code maxWidth}. */
  public Table column(String header, int maxWidth) {
    return column(header, maxWidth, Keep.START, false);
  }

  /** A column with its alignment and which end of a long value to keep. */
  public Table column(String header, int maxWidth, Keep keep, boolean rightAligned) {
    columns.add(new Column(header, maxWidth, keep, rightAligned));
    return this;
  }

  /** Adds a row; null cells print as "-". */
  public Table row(Object... cells) {
    String[] row = new String[columns.size()];
    for (int i = 0; i < row.length; i++) {
      Object cell = i < cells.length ? cells[i] : null;
      String text = cell == null ? "-" : cell.toString().replaceAll("[\\r\\n\\t]+", " ");
      row[i] = shorten(text, columns.get(i));
    }
    rows.add(row);
    return this;
  }

  public boolean isEmpty() {
    return rows.isEmpty();
  }

  /** Prints the table, each line indented. */
  public void print(PrintWriter out, String indent) {
    int[] widths = new int[columns.size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = columns.get(i).header().length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    String[] header = columns.stream().map(Column::header).toArray(String[]::new);
    out.println(indent + line(header, widths));
    for (String[] row : rows) {
      out.println(indent + line(row, widths));
    }
  }

  private String line(String[] cells, int[] widths) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      boolean last = i == cells.length - 1;
      String pad = " ".repeat(widths[i] - cells[i].length());
      if (columns.get(i).right()) {
        line.append(pad).append(cells[i]);
      } else {
        line.append(cells[i]).append(last ? "" : pad);
      }
      if (!last) {
        line.append("  ");
      }
    }
    return line.toString().stripTrailing();
  }

  private static String shorten(String text, Column column) {
    if (text.length() <= column.maxWidth()) {
      return text;
    }
    int keep = column.maxWidth() - 1;
    return column.keep() == Keep.END
        ? "…" + text.substring(text.length() - keep)
        : text.substring(0, keep) + "…";
  }
}
