package io.focussync.notion.webhook;

import io.focussync.notion.client.NotionApiException;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.mapping.NotionIds;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.poll.NotionPoller;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.PageStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.store.WebhookSecretStore;
import io.focussync.notion.sync.NotionAccesses;
import io.focussync.notion.sync.NotionWorkers;
import io.focussync.notion.sync.PageSynchronizer;
import io.focussync.notion.sync.UserLocks;
import io.focussync.platform.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;

/**
 * Handles webhook deliveries: stores the verification token of a handshake, verifies the signature
 * of every event against the stored tokens, and treats a page event as a hint to fetch that page at
 * once for each connection whose data source is the page's parent. Events whose authors are only
 * our own integration's bot (our write-back) are ignored.
 */
@Service
public class WebhookService {

  private static final Logger log = LoggerFactory.getLogger(WebhookService.class);

  private final WebhookSecretStore secrets;
  private final SecretCipher cipher;
  private final ConnectionStore connections;
  private final PageStore pages;
  private final NotionClient client;
  private final NotionAccesses accesses;
  private final PageSynchronizer synchronizer;
  private final NotionPoller poller;
  private final UserLocks locks;
  private final NotionWorkers workers;
  private final Clock clock;

  public WebhookService(
      WebhookSecretStore secrets,
      SecretCipher cipher,
      ConnectionStore connections,
      PageStore pages,
      NotionClient client,
      NotionAccesses accesses,
      PageSynchronizer synchronizer,
      NotionPoller poller,
      UserLocks locks,
      NotionWorkers workers,
      Clock clock) {
    this.secrets = secrets;
    this.cipher = cipher;
    this.connections = connections;
    this.pages = pages;
    this.client = client;
    this.accesses = accesses;
    this.synchronizer = synchronizer;
    this.poller = poller;
    this.locks = locks;
    this.workers = workers;
    this.clock = clock;
  }

  /** How a delivery was handled. */
  public enum Outcome {
    VERIFIED,
    ACCEPTED,
    IGNORED,
    UNAUTHORIZED
  }

  /** Handles one delivery given its raw body, signature header and parsed body. */
  public Outcome receive(byte[] body, String signature, JsonNode event) {
    String verificationToken = text(event.path("verification_token"));
    if (verificationToken != null && text(event.path("type")) == null) {
      return handshake(body, signature, verificationToken);
    }
    if (signature == null || !signedByKnownToken(body, signature)) {
      log.warn("rejected a Notion webhook delivery with a missing or wrong signature");
      return Outcome.UNAUTHORIZED;
    }
    return dispatch(event);
  }

  /**
   * Notion signs the handshake with the token it carries, or (per some guides) not at all: both are
   * accepted, a signature made with another key is not. A forged handshake could only add a key
   * whose events make us re-read pages with the users' own tokens.
   */
  private Outcome handshake(byte[] body, String signature, String token) {
    if (signature != null && !WebhookSignature.matches(token, body, signature)) {
      return Outcome.UNAUTHORIZED;
    }
    secrets.save(idOf(token), cipher.encrypt(token), clock.instant());
    log.info("stored the verification token of a new Notion webhook subscription");
    return Outcome.VERIFIED;
  }

  private boolean signedByKnownToken(byte[] body, String signature) {
    for (String encrypted : secrets.encryptedTokens()) {
      try {
        if (WebhookSignature.matches(cipher.decrypt(encrypted), body, signature)) {
          return true;
        }
      } catch (IllegalStateException unreadable) {
        log.warn("a stored webhook token could not be decrypted (key changed?)");
      }
    }
    return false;
  }

  private Outcome dispatch(JsonNode event) {
    String type = String.valueOf(text(event.path("type")));
    JsonNode parent = event.path("data").path("parent");
    String dataSourceId = NotionIds.normalize(text(parent.path("data_source_id")));
    String parentId = NotionIds.normalize(text(parent.path("id")));
    List<StoredConnection> targets =
        connections.findByParent(
            dataSourceId != null ? dataSourceId : parentId,
            "database".equals(text(parent.path("type"))) ? parentId : null);
    if (type.startsWith("data_source.") || type.startsWith("database.")) {
      String entityId = NotionIds.normalize(text(event.path("entity").path("id")));
      targets = connections.findByParent(entityId, entityId);
    }
    Set<String> authors = authorIds(event);
    boolean handled = false;
    for (StoredConnection connection : targets) {
      if (onlyOurBot(authors, event, connection)) {
        continue;
      }
      handled = true;
      if (type.startsWith("page.")) {
        String pageId = NotionIds.normalize(text(event.path("entity").path("id")));
        if (pageId != null) {
          workers.submit("refresh of page " + pageId, () -> refresh(connection.userId(), pageId));
        }
      } else if (type.endsWith(".content_updated") || type.endsWith(".undeleted")) {
        poller.pollSoon(connection.userId());
      }
    }
    return handled ? Outcome.ACCEPTED : Outcome.IGNORED;
  }

  /** Reads a page now and applies it (a page gone or unshared reads as removed). */
  public void refresh(String userId, String pageId) {
    locks.withLock(
        userId,
        () -> {
          connections
              .find(userId)
              .ifPresent(connection -> synchronizer.apply(connection, fetch(connection, pageId)));
          return null;
        });
  }

  private NotionPage fetch(StoredConnection connection, String pageId) {
    try {
      return client.page(accesses.of(connection), pageId);
    } catch (NotionApiException e) {
      if (e.status() != 404) {
        throw e;
      }
      Instant lastSeen =
          pages
              .find(connection.userId(), pageId)
              .map(record -> record.memory().lastEditedTime())
              .orElse(Instant.EPOCH);
      return new NotionPage(pageId, null, null, lastSeen, true, null, Map.of());
    }
  }

  private static boolean onlyOurBot(Set<String> authors, JsonNode event, StoredConnection c) {
    if (authors.isEmpty() || c.botUserId() == null) {
      return false;
    }
    for (JsonNode author : event.path("authors")) {
      if (!"bot".equals(text(author.path("type")))
          || !c.botUserId().equals(NotionIds.normalizeOrKeep(text(author.path("id"))))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> authorIds(JsonNode event) {
    Set<String> ids = new HashSet<>();
    for (JsonNode author : event.path("authors")) {
      String id = text(author.path("id"));
      if (id != null) {
        ids.add(id);
      }
    }
    return ids;
  }

  private static String idOf(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonNode node) {
    return node != null && node.isString() ? node.stringValue() : null;
  }
}
