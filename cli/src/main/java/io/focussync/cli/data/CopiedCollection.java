package io.focussync.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/** One collection an export wrote or an import read: where it is, and how much of it. */
public record CopiedCollection(String database, String collection, long documents, int indexes) {

  /**
   * Prints a line per collection and a total, e.g. {@code Exported 6 collections (2506 documents)
   * to /dir.}
   *
   * @param verb what was done ({@code Exported}, {@code Imported})
   * @param preposition how the folder relates to it ({@code to}, {@code from})
   */
  public static void report(
      PrintWriter out, List<CopiedCollection> copied, String verb, String preposition, Path dir) {
    long documents = 0;
    for (CopiedCollection one : copied) {
      out.printf(
          "%-50s %8d documents, %d indexes%n",
          one.database() + "." + one.collection(), one.documents(), one.indexes());
      documents += one.documents();
    }
    out.printf(
        "%s %d collections (%d documents) %s %s.%n",
        verb, copied.size(), documents, preposition, dir.toAbsolutePath());
  }
}
