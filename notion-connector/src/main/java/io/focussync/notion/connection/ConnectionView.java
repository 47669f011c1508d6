package io.focussync.notion.connection;

import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.notion.webhook.WebhookView;
import java.time.Instant;

/**
 * A connection as shown to its user: the token masked, the connection's own webhook URL and its
 * state (with Notion's verification token in the one view that reveals it).
 */
public record ConnectionView(
    String databaseId,
    String dataSourceId,
    String baseUrl,
    String token,
    PropertyMapping properties,
    Instant watermark,
    WebhookView webhook) {

  @Override
  public String toString() {
    return "ConnectionView[databaseId=" + databaseId + ", webhook=" + webhook + "]";
  }
}
