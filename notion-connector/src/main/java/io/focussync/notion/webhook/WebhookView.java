package io.focussync.notion.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A connection's webhook as its owner sees it.
 *
 * @param url where Notion must send the connection's events (a path when no public base URL is
 *     configured)
 * @param status {@code AWAITING_HANDSHAKE}, {@code VERIFICATION_TOKEN_READY} or {@code ACTIVE}
 * @param verificationToken Notion's verification token, only in the one view that reveals it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookView(String url, String status, String verificationToken) {

  @Override
  public String toString() {
    return "WebhookView[status=" + status + "]";
  }
}
