package io.focussync.ingest.imports;

import io.focussync.ingest.session.api.JsonBodies;
import io.focussync.ingest.session.api.SessionJson;
import java.io.IOException;
import java.io.Reader;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Rows of a JSON Lines file: one JSON object per line, fields mapped by name. */
final class NdjsonRowReader implements RowReader {

  private final Reader reader;
  private final ImportMapping mapping;
  private final StringBuilder line = new StringBuilder();
  private long lineNumber;

  NdjsonRowReader(Reader reader, ImportMapping mapping) {
    this.reader = reader;
    this.mapping = mapping;
  }

  @Override
  public ImportRow next() throws IOException {
    String text;
    do {
      text = readLine();
      if (text == null) {
        return null;
      }
    } while (text.isBlank());
    JsonNode node;
    try {
      node = JsonBodies.mapper().readTree(text);
    } catch (JacksonException e) {
      return ImportRow.unreadable(lineNumber, "line", "is not valid JSON");
    }
    if (node instanceof ObjectNode object) {
      normalizeTimestamp(object, mapping.names().start());
      normalizeTimestamp(object, mapping.names().end());
    }
    SessionJson.Read read = SessionJson.read(node, mapping.names(), true);
    return new ImportRow(lineNumber, read.input(), read.violations());
  }

  private void normalizeTimestamp(ObjectNode object, String field) {
    JsonNode value = object.get(field);
    if (value != null && value.isIntegralNumber()) {
      object.put(field, ImportValues.timestamp(value.asString(), mapping.zone()));
    } else if (value != null && value.isString()) {
      object.put(field, ImportValues.timestamp(value.stringValue(), mapping.zone()));
    }
  }

  private String readLine() throws IOException {
    line.setLength(0);
    int c = reader.read();
    if (c == -1) {
      return null;
    }
    lineNumber++;
    while (c != -1 && c != '\n') {
      if (line.length() >= CsvRecords.MAX_RECORD_CHARS) {
        throw new ImportStoppedException(
            400, "file", "line " + lineNumber + " is longer than " + CsvRecords.MAX_RECORD_CHARS);
      }
      line.append((char) c);
      c = reader.read();
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
