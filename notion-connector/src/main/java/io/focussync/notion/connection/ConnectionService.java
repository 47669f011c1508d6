package io.focussync.notion.connection;

import io.focussync.notion.client.DataSourceSchema;
import io.focussync.notion.client.NotionAccess;
import io.focussync.notion.client.NotionApiException;
import io.focussync.notion.client.NotionClient;
import io.focussync.notion.mapping.NotionIds;
import io.focussync.notion.poll.NotionPoller;
import io.focussync.notion.store.ConnectionStore;
import io.focussync.notion.store.StoredConnection;
import io.focussync.notion.webhook.ConnectionWebhooks;
import io.focussync.notion.webhook.WebhookView;
import io.focussync.platform.crypto.SecretCipher;
import io.focussync.platform.web.BaseUrlAllowList;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Creates, shows and removes a user's Notion connection. A connection is stored only after Notion
 * confirmed it: the database is readable with the token, its data source resolves and the mapped
 * properties exist with fitting types.
 */
@Service
public class ConnectionService {

  private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);

  private final ConnectionStore connections;
  private final NotionClient client;
  private final SecretCipher cipher;
  private final NotionPoller poller;
  private final ConnectionWebhooks webhooks;
  private final ConnectionProperties properties;
  private final Clock clock;

  public ConnectionService(
      ConnectionStore connections,
      NotionClient client,
      SecretCipher cipher,
      NotionPoller poller,
      ConnectionWebhooks webhooks,
      ConnectionProperties properties,
      Clock clock) {
    this.connections = connections;
    this.client = client;
    this.cipher = cipher;
    this.poller = poller;
    this.webhooks = webhooks;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Checks and stores the user's connection, gives it its webhook URL if it has none yet (a later
   * PUT keeps the URL), then polls it soon.
   */
  public ConnectionView connect(String userId, ConnectionRequest request) {
    List<FieldProblem> problems = new ArrayList<>();
    String token = request.token() == null ? "" : request.token().trim();
    if (token.isEmpty()) {
      problems.add(new FieldProblem("token", "is required"));
    }
    String databaseId = NotionIds.normalize(request.databaseId());
    if (databaseId == null) {
      problems.add(new FieldProblem("databaseId", "must be a Notion database id (32 hex digits)"));
    }
    String requestedBase = request.baseUrl() == null ? "https://api.notion.com" : request.baseUrl();
    new BaseUrlAllowList("Notion", properties.allowedBaseUrls())
        .problem(requestedBase)
        .ifPresent(problem -> problems.add(new FieldProblem("baseUrl", problem)));
    String baseUrl = BaseUrlAllowList.normalize(requestedBase);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    NotionAccess access = new NotionAccess(baseUrl, token);
    String dataSourceId = dataSource(access, databaseId, request.dataSourceId());
    DataSourceSchema schema = notion(() -> client.dataSource(access, dataSourceId), "databaseId");
    MappingResolver.Result resolved =
        MappingResolver.resolve(request.properties(), schema.propertyTypes());
    if (!resolved.problems().isEmpty()) {
      throw new InvalidInputException(resolved.problems());
    }
    String botUserId = botUserId(access);
    Optional<StoredConnection> before = connections.find(userId);
    boolean samePosition =
        before.isPresent()
            && before.get().dataSourceId().equals(dataSourceId)
            && before.get().mapping().equals(resolved.mapping());
    StoredConnection connection =
        new StoredConnection(
            userId,
            cipher.encrypt(token, StoredConnection.tokenScope(userId)),
            SecretCipher.mask(token),
            databaseId,
            dataSourceId,
            baseUrl,
            botUserId,
            resolved.mapping(),
            resolved.entryUrlType(),
            samePosition ? before.get().watermark() : null,
            samePosition ? before.get().lastFullScan() : null,
            clock.instant());
    connections.save(connection);
    WebhookView webhook = webhooks.ensure(userId);
    poller.pollSoon(userId);
    return view(connection, webhook);
  }

  /**
   * The user's connection, masked; the first view after Notion's webhook handshake carries the
   * verification token, later ones do not.
   */
  public ConnectionView get(String userId) {
    StoredConnection connection =
        connections.find(userId).orElseThrow(() -> new NotFoundException("No Notion connection."));
    return view(connection, webhooks.reveal(userId));
  }

  /**
   * Removes the user's connection (pages already emitted stay sessions) and its webhook: a new
   * connection gets a new webhook URL.
   */
  public void delete(String userId) {
    webhooks.forget(userId);
    connections.delete(userId);
  }

  private String dataSource(NotionAccess access, String databaseId, String requested) {
    List<String> ids = notion(() -> client.dataSourceIds(access, databaseId), "databaseId");
    List<String> normalized = ids.stream().map(NotionIds::normalizeOrKeep).toList();
    if (requested != null && !requested.isBlank()) {
      String wanted = NotionIds.normalizeOrKeep(requested.trim());
      if (!normalized.contains(wanted)) {
        throw InvalidInputException.of("dataSourceId", "is not a data source of the database");
      }
      return wanted;
    }
    if (normalized.isEmpty()) {
      throw InvalidInputException.of("databaseId", "the database has no data source");
    }
    if (normalized.size() > 1) {
      throw InvalidInputException.of(
          "dataSourceId",
          "the database has " + normalized.size() + " data sources: name the one to read");
    }
    return normalized.get(0);
  }

  private String botUserId(NotionAccess access) {
    try {
      return NotionIds.normalizeOrKeep(client.botUserId(access));
    } catch (NotionApiException e) {
      log.warn(
          "could not read the integration's bot user ({}): own edits are told by hash only",
          e.code());
      return null;
    }
  }

  private static <T> T notion(java.util.function.Supplier<T> call, String field) {
    try {
      return call.get();
    } catch (NotionApiException e) {
      if (e.isThrottled() || e.isTransient() || e.status() >= 500) {
        throw new ServiceUnavailableException(
            "Notion is not answering; try again later.", Duration.ofSeconds(30), e);
      }
      if (e.status() == 401) {
        throw InvalidInputException.of("token", "Notion rejected the token (" + e.code() + ")");
      }
      if (e.status() == 403) {
        throw InvalidInputException.of(
            "token", "the integration may not read this database (" + e.code() + ")");
      }
      if (e.status() == 404) {
        throw InvalidInputException.of(
            field, "not found, or not shared with the integration (" + e.code() + ")");
      }
      throw InvalidInputException.of(field, "Notion refused it: " + e.getMessage());
    }
  }

  private static ConnectionView view(StoredConnection connection, WebhookView webhook) {
    return new ConnectionView(
        connection.databaseId(),
        connection.dataSourceId(),
        connection.baseUrl(),
        connection.tokenMask(),
        connection.mapping(),
        connection.watermark(),
        webhook);
  }
}
