package io.focussync.notion.webhook;

import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.store.StoredWebhook;
import io.focussync.notion.store.WebhookStore;
import io.focussync.platform.crypto.SecretCipher;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Handles a delivery to one connection's webhook URL. A handshake (a body with {@code
 * verification_token} and no {@code type}) is recorded only while that webhook awaits one; every
 * other delivery must be signed with that connection's verification token and then hints only that
 * connection's pages. Tokens and keys are never logged.
 */
@Service
public class WebhookService {

  static final int MAX_VERIFICATION_TOKEN_LENGTH = 512;

  private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

  private final WebhookStore webhooks;
  private final ConnectionStore connections;
  private final SecretCipher cipher;
  private final PageHints hints;
  private final Clock clock;

  public WebhookService(
      WebhookStore webhooks,
      ConnectionStore connections,
      SecretCipher cipher,
      PageHints hints,
      Clock clock) {
    this.webhooks = webhooks;
    this.connections = connections;
    this.cipher = cipher;
    this.hints = hints;
    this.clock = clock;
  }

  /** How a delivery was handled. */
  public enum Outcome {
    VERIFIED,
    ACCEPTED,
    IGNORED,
    UNAUTHORIZED,
    UNKNOWN_WEBHOOK,
    HANDSHAKE_NOT_EXPECTED,
    INVALID_HANDSHAKE
  }

  /** Handles one delivery given the URL's token, the raw body, its signature and parsed body. */
  public Outcome receive(String webhookToken, byte[] body, String signature, JsonNode event) {
    Optional<StoredWebhook> found =
        WebhookTokens.wellFormed(webhookToken)
            ? webhooks.findByTokenHash(WebhookTokens.hash(webhookToken))
            : Optional.empty();
    Optional<StoredConnection> connection = found.flatMap(w -> connections.find(w.userId()));
    if (found.isEmpty() || connection.isEmpty()) {
      return Outcome.UNKNOWN_WEBHOOK;
    }
    StoredWebhook webhook = found.get();
    String verificationToken = text(event.path("verification_token"));
    if (verificationToken != null && text(event.path("type")) == null) {
      return handshake(webhook, body, signature, verificationToken);
    }
    if (!signedWithKeyOf(webhook, body, signature)) {
      log.warn(
          "rejected a delivery to user {}'s Notion webhook: signature missing or wrong",
          webhook.userId());
      return Outcome.UNAUTHORIZED;
    }
    return hints.dispatch(connection.get(), event) ? Outcome.ACCEPTED : Outcome.IGNORED;
  }

  /**
   * Notion signs the handshake with the token it carries, or (per some guides) not at all: both are
   * accepted while the webhook awaits its handshake, a signature made with another key is not.
   */
  private Outcome handshake(StoredWebhook webhook, byte[] body, String signature, String token) {
    if (token.isBlank() || token.length() > MAX_VERIFICATION_TOKEN_LENGTH) {
      return Outcome.INVALID_HANDSHAKE;
    }
    if (webhook.status() != StoredWebhook.Status.AWAITING_HANDSHAKE) {
      log.warn("refused a handshake to user {}'s Notion webhook: it has one", webhook.userId());
      return Outcome.HANDSHAKE_NOT_EXPECTED;
    }
    if (signature != null && !WebhookSignature.matches(token, body, signature)) {
      return Outcome.UNAUTHORIZED;
    }
    boolean recorded =
        webhooks.recordHandshake(
            webhook.userId(),
            webhook.tokenHash(),
            cipher.encrypt(token, StoredWebhook.verificationTokenScope(webhook.userId())),
            clock.instant());
    if (!recorded) {
      return Outcome.HANDSHAKE_NOT_EXPECTED;
    }
    log.info("user {}'s Notion webhook received its handshake", webhook.userId());
    return Outcome.VERIFIED;
  }

  private boolean signedWithKeyOf(StoredWebhook webhook, byte[] body, String signature) {
    if (signature == null || webhook.encryptedVerificationToken() == null) {
      return false;
    }
    try {
      String key =
          cipher.decrypt(
              webhook.encryptedVerificationToken(),
              StoredWebhook.verificationTokenScope(webhook.userId()));
      return WebhookSignature.matches(key, body, signature);
    } catch (IllegalStateException unreadable) {
      log.warn("user {}'s webhook key could not be decrypted (key changed?)", webhook.userId());
      return false;
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }
}
