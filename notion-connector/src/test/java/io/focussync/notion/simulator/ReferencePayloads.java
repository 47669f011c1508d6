package io.focussync.notion.simulator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real Notion sample payloads of {@code shared/reference/notion/}, read where they exist (next
 * to the repository); tests that need them skip cleanly where they do not.
 */
public final class ReferencePayloads {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ReferencePayloads() {}

  /** A sample file parsed, if the reference folder is present. */
  public static Optional<JsonNode> read(String fileName) {
    for (String base :
        new String[] {
          System.getProperty("focussync.reference.dir", ""),
          "../shared/reference/notion",
          "../../shared/reference/notion",
        }) {
      if (base.isEmpty()) {
        continue;
      }
      Path file = Path.of(base, fileName);
      if (Files.isRegularFile(file)) {
        try {
          return Optional.of(JSON.readTree(Files.readString(file)));
        } catch (java.io.IOException e) {
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }
}
