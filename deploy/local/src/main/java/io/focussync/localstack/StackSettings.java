package io.focussync.localstack;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local stack keeps its data and which ports it uses, read from the environment.
 *
 * @param home the repository root, where the service jars are built
 */
public record StackSettings(
    Path home,
    Path dataDir,
    int kafkaPort,
    int mongoPort,
    int gatewayPort,
    int ingestPort,
    int allocatorPort,
    int clockifyPort,
    int notionPort) {

  /** Settings from environment variables, with the documented defaults. */
  public static StackSettings from(Map<String, String> env, Path home) {
    return new StackSettings(
        home,
        Path.of(env.getOrDefault("FOCUSSYNC_DATA_DIR", home.resolve(".focussync").toString()))
            .toAbsolutePath(),
        port(env, "FOCUSSYNC_KAFKA_PORT", 9092),
        port(env, "FOCUSSYNC_MONGODB_PORT", 27017),
        port(env, "FOCUSSYNC_GATEWAY_PORT", 8080),
        port(env, "FOCUSSYNC_TRACKER_INGEST_PORT", 8081),
        port(env, "FOCUSSYNC_ALLOCATOR_PORT", 8082),
        port(env, "FOCUSSYNC_CLOCKIFY_CONNECTOR_PORT", 8083),
        port(env, "FOCUSSYNC_NOTION_CONNECTOR_PORT", 8084));
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not " + value);
    }
  }
}
