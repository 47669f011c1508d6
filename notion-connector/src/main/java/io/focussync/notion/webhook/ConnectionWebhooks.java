package io.focussync.notion.webhook;

import io.focussync.notion.store.StoredWebhook;
import io.focussync.notion.store.WebhookStore;
import io.focussync.platform.crypto.SecretCipher;
import java.time.Clock;
import org.springframework.stereotype.Service;

/**
 * Gives each Notion connection its own webhook URL (made once, kept across later changes of the
 * connection) and shows it to the owner, together with Notion's verification token exactly once.
 */
@Service
public class ConnectionWebhooks {

  static final String PATH = "/api/v1/webhooks/notion/";

  private final WebhookStore webhooks;
  private final SecretCipher cipher;
  private final WebhookProperties properties;
  private final Clock clock;

  public ConnectionWebhooks(
      WebhookStore webhooks, SecretCipher cipher, WebhookProperties properties, Clock clock) {
    this.webhooks = webhooks;
    this.cipher = cipher;
    this.properties = properties;
    this.clock = clock;
  }

  /** The user's webhook, made now if the connection has none yet; never the verification token. */
  public WebhookView ensure(String userId) {
    StoredWebhook webhook = stored(userId);
    return new WebhookView(url(webhook), webhook.status().name(), null);
  }

  /**
   * The user's webhook as the owner's view shows it: the first call after Notion's handshake
   * carries the verification token (and makes the webhook active), no later call does.
   */
  public WebhookView reveal(String userId) {
    StoredWebhook webhook = stored(userId);
    if (webhook.status() != StoredWebhook.Status.VERIFICATION_TOKEN_READY) {
      return new WebhookView(url(webhook), webhook.status().name(), null);
    }
    return webhooks
        .takeReveal(userId, clock.instant())
        .map(
            ready ->
                new WebhookView(
                    url(ready),
                    StoredWebhook.Status.VERIFICATION_TOKEN_READY.name(),
                    cipher.decrypt(
                        ready.encryptedVerificationToken(),
                        StoredWebhook.verificationTokenScope(userId))))
        .orElseGet(() -> ensure(userId));
  }

  /** Forgets the user's webhook: its URL stops working. */
  public void forget(String userId) {
    webhooks.delete(userId);
  }

  private StoredWebhook stored(String userId) {
    return webhooks
        .find(userId)
        .orElseGet(
            () -> {
              String token = WebhookTokens.newToken();
              return webhooks.createIfAbsent(
                  StoredWebhook.awaiting(
                      userId,
                      WebhookTokens.hash(token),
                      cipher.encrypt(token, StoredWebhook.tokenScope(userId)),
                      clock.instant()));
            });
  }

  private String url(StoredWebhook webhook) {
    return properties.urlOf(
        cipher.decrypt(webhook.encryptedToken(), StoredWebhook.tokenScope(webhook.userId())));
  }
}
