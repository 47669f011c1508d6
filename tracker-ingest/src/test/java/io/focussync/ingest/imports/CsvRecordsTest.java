package io.focussync.ingest.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvRecordsTest {

  private static List<List<String>> parse(String csv) throws IOException {
    CsvRecords records = new CsvRecords(new StringReader(csv));
    List<List<String>> all = new ArrayList<>();
    List<String> record;
    while ((record = records.next()) != null) {
      all.add(record);
    }
    return all;
  }

  @Test
  void readsQuotedFieldsEscapedQuotesAndLineBreaks() throws IOException {
    assertThat(parse("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"multi\nline\",\n"))
        .containsExactly(
            List.of("a", "b"), List.of("x, y", "say \"hi\""), List.of("multi\nline", ""));
  }

  @Test
  void lastLineWithoutLineBreakAndEmptyFields() throws IOException {
    assertThat(parse("a,,c")).containsExactly(List.of("a", "", "c"));
    assertThat(parse("")).isEmpty();
  }

  @Test
  void anUnterminatedQuoteStopsTheImport() {
    assertThatThrownBy(() -> parse("a,\"b\nc"))
        .isInstanceOf(ImportStoppedException.class)
        .hasMessageContaining("unterminated");
  }

  @Test
  void importValuesConvertEpochSecondsAndCheckIdentifiers() {
    assertThat(ImportValues.timestamp("1768035600", null)).isEqualTo("2026-01-10T09:00:00Z");
    assertThat(ImportValues.timestamp("2026-01-10T09:00:00", java.time.ZoneId.of("Europe/Madrid")))
        .isEqualTo("2026-01-10T08:00:00Z");
    assertThat(ImportValues.timestamp("2026-01-10T09:00:00", null))
        .isEqualTo("2026-01-10T09:00:00");
    assertThat(ImportValues.isIdentifier("work_log")).isTrue();
    assertThat(ImportValues.isIdentifier("x; DROP TABLE y")).isFalse();
    assertThat(ImportValues.isIdentifier("a\"b")).isFalse();
    assertThat(ImportValues.isIdentifier("1abc")).isFalse();
  }
}
