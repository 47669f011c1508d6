package io.focussync.ingest.imports;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 records one at a time from a stream: comma-separated, fields optionally in double
 * quotes (with "" for a quote, and line breaks inside quotes), CRLF or LF line ends.
 */
final class CsvRecords {

  static final int MAX_RECORD_CHARS = 1 << 20;

  private final Reader in;
  private long line = 1;
  private int pushedBack = -2;

  CsvRecords(Reader in) {
    this.in = in;
  }

  /** The line on which the next record starts. */
  long line() {
    return line;
  }

  /** The fields of the next record, or null at the end of the input. */
  List<String> next() throws IOException {
    int c = read();
    if (c == -1) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean wasQuoted = false;
    int size = 0;
    while (true) {
      if (++size > MAX_RECORD_CHARS) {
        throw new ImportStoppedException(
            400, "file", "a record near line " + line + " is longer than " + MAX_RECORD_CHARS);
      }
      if (quoted) {
        if (c == -1) {
          throw new ImportStoppedException(400, "file", "an unterminated quote at line " + line);
        }
        if (c == '"') {
          int next = read();
          if (next == '"') {
            field.append('"');
          } else {
            quoted = false;
            c = next;
            continue;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          field.append((char) c);
        }
      } else if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
        wasQuoted = false;
      } else if (c == '\n' || c == -1) {
        if (c == '\n') {
          line++;
        }
        break;
      } else if (c == '\r') {
        int next = read();
        if (next != '\n') {
          unread(next);
        } else {
          line++;
        }
        break;
      } else if (c == '"' && field.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else {
        field.append((char) c);
      }
      c = read();
    }
    fields.add(field.toString());
    return fields;
  }

  private int read() throws IOException {
    if (pushedBack != -2) {
      int c = pushedBack;
      pushedBack = -2;
      return c;
    }
    return in.read();
  }

  private void unread(int c) {
    pushedBack = c;
  }
}
