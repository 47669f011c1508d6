package io.focussync.clockify.connection;

/** The body of {@code PUT /api/v1/connections/clockify}. */
public record ConnectionRequest(String apiKey, String workspaceId, String baseUrl, Boolean dryRun) {

  @Override
  public String toString() {
    return "ConnectionRequest[workspaceId="
        + workspaceId
        + ", baseUrl="
        + baseUrl
        + ", dryRun="
        + dryRun
        + ", apiKey=…]";
  }
}
