package io.focussync.ingest.imports;

import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.api.SessionJson;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Rows of a CSV file with a header line, mapped by column name. */
final class CsvRowReader implements RowReader {

  private final Reader reader;
  private final CsvRecords records;
  private final ImportMapping mapping;
  private final Map<String, Integer> columns = new HashMap<>();
  private final int width;
  private long row;

  CsvRowReader(Reader reader, ImportMapping mapping) throws IOException {
    this.reader = reader;
    this.records = new CsvRecords(reader);
    this.mapping = mapping;
    List<String> header = records.next();
    if (header == null) {
      throw new ImportStoppedException(400, "file", "the CSV file is empty: a header is expected");
    }
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).trim();
      if (i == 0 && name.startsWith("\uFEFF")) {
        name = name.substring(1);
      }
      columns.putIfAbsent(name, i);
    }
    width = header.size();
    SessionJson.FieldNames names = mapping.names();
    List<String> missing = new ArrayList<>();
    for (String required : new String[] {names.projectKey(), names.start(), names.end()}) {
      if (!columns.containsKey(required)) {
        missing.add(required);
      }
    }
    for (String optional : mapping.explicit()) {
      if (!columns.containsKey(optional)) {
        missing.add(optional);
      }
    }
    if (!missing.isEmpty()) {
      throw new ImportStoppedException(
          400, "file", "the CSV header lacks the column(s) " + String.join(", ", missing));
    }
  }

  @Override
  public ImportRow next() throws IOException {
    List<String> fields = records.next();
    while (fields != null && fields.size() == 1 && fields.get(0).isBlank()) {
      fields = records.next(); // blank lines
    }
    if (fields == null) {
      return null;
    }
    row++;
    if (fields.size() != width) {
      return ImportRow.unreadable(
          row, "row", "has " + fields.size() + " fields where the header has " + width);
    }
    SessionJson.FieldNames names = mapping.names();
    return ImportRow.of(
        row,
        new SessionInput(
            ImportValues.blankToNull(cell(fields, names.id())),
            cell(fields, names.projectKey()),
            ImportValues.timestamp(
                ImportValues.blankToNull(cell(fields, names.start())), mapping.zone()),
            ImportValues.timestamp(
                ImportValues.blankToNull(cell(fields, names.end())), mapping.zone()),
            ImportValues.number(cell(fields, names.trackedSeconds())),
            ImportValues.blankToNull(cell(fields, names.title())),
            ImportValues.tags(cell(fields, names.tags())),
            ImportValues.blankToNull(cell(fields, names.timeZone()))));
  }

  private String cell(List<String> fields, String column) {
    Integer index = column == null ? null : columns.get(column);
    return index == null ? null : fields.get(index);
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
