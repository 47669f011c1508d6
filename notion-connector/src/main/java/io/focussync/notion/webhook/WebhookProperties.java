package io.focussync.notion.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How a connection's webhook URL is shown.
 *
 * @param publicBaseUrl the gateway's public address (e.g. {@code https://focussync.example.com}),
 *     from {@code FOCUSSYNC_PUBLIC_BASE_URL}; empty shows the URL as a path relative to the gateway
 */
@ConfigurationProperties("focussync.notion.webhook")
public record WebhookProperties(String publicBaseUrl) {

  public WebhookProperties {
    String base = publicBaseUrl == null ? "" : publicBaseUrl.trim();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    if (!base.isEmpty() && !base.startsWith("https://") && !base.startsWith("http://")) {
      throw new IllegalArgumentException(
          "focussync.notion.webhook.public-base-url must start with https:// or http://");
    }
    publicBaseUrl = base;
  }

  /** The URL of the webhook with this token: absolute with a public base URL, else a path. */
  public String urlOf(String webhookToken) {
    return publicBaseUrl + ConnectionWebhooks.PATH + webhookToken;
  }
}
