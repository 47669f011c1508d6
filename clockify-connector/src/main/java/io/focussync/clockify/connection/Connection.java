package io.focussync.clockify.connection;

import java.time.Instant;

/**
 * A user's Clockify connection as stored: the API key only encrypted, plus what we learnt from
 * Clockify (its user id and time zone) and the id of our marker tag in the workspace.
 *
 * @param maskedApiKey the key as shown to people ({@code …last4}), kept so showing needs no key
 * @param attention why the connection needs its user (Clockify refused the key), null when usable
 */
public record Connection(
    String userId,
    String workspaceId,
    String baseUrl,
    boolean dryRun,
    String encryptedApiKey,
    String maskedApiKey,
    String clockifyUserId,
    String timeZone,
    String markerTagId,
    Instant updatedAt,
    String attention) {

  /** What the stored API key is, as the scope its ciphertext is bound to. */
  public static final String API_KEY_SECRET = "clockify.apiKey";

  /** What a workspace's dry-run scope adds to its id. */
  public static final String DRY_RUN_SUFFIX = "#dry-run";

  /** What the ledger is kept per: the workspace, and dry runs apart from real writes. */
  public String scope() {
    return dryRun ? workspaceId + DRY_RUN_SUFFIX : workspaceId;
  }

  /** This connection with the marker tag's id. */
  public Connection withMarkerTag(String tagId) {
    return new Connection(
        userId,
        workspaceId,
        baseUrl,
        dryRun,
        encryptedApiKey,
        maskedApiKey,
        clockifyUserId,
        timeZone,
        tagId,
        updatedAt,
        attention);
  }

  /** Whether the connection can be used (its key was not refused). */
  public boolean usable() {
    return attention == null;
  }

  @Override
  public String toString() {
    return "Connection[userId="
        + userId
        + ", workspaceId="
        + workspaceId
        + ", dryRun="
        + dryRun
        + ", apiKey="
        + maskedApiKey
        + "]";
  }
}
