package io.focussync.clockify.connection;

/** A connection as shown to its user: the API key masked. */
public record ConnectionView(
    String workspaceId, String userId, String baseUrl, boolean dryRun, String apiKey) {

  static ConnectionView of(Connection connection) {
    return new ConnectionView(
        connection.workspaceId(),
        connection.clockifyUserId(),
        connection.baseUrl(),
        connection.dryRun(),
        connection.maskedApiKey());
  }
}
