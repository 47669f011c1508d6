package io.focussync.clockify.client;

/**
 * Where and as whom to call Clockify.
 *
 * @param baseUrl e.g. {@code https://api.clockify.me/api} (paths start with {@code /v1})
 */
public record ClockifyTarget(String baseUrl, String apiKey, String workspaceId) {

  public ClockifyTarget {
    baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
  }

  @Override
  public String toString() {
    return "ClockifyTarget[baseUrl=" + baseUrl + ", workspaceId=" + workspaceId + ", apiKey=…]";
  }
}
