package io.focussync.clockify.connection;

/**
 * A connection as shown to its user: the API key masked; status ACTIVE, or NEEDS_ATTENTION with the
 * reason and what to do.
 */
public record ConnectionView(
    String workspaceId,
    String userId,
    String baseUrl,
    boolean dryRun,
    String apiKey,
    String status,
    String attention) {

  static ConnectionView of(Connection connection) {
    return new ConnectionView(
        connection.workspaceId(),
        connection.clockifyUserId(),
        connection.baseUrl(),
        connection.dryRun(),
        connection.maskedApiKey(),
        connection.usable() ? "ACTIVE" : "NEEDS_ATTENTION",
        connection.attention());
  }
}
