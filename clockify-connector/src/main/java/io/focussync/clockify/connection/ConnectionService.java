package io.focussync.clockify.connection;

import io.focussync.clockify.client.ClockifyApi;
import io.focussync.clockify.client.ClockifyClients;
import io.focussync.clockify.client.ClockifyException;
import io.focussync.clockify.client.ClockifyTarget;
import io.focussync.clockify.client.ClockifyUser;
import io.focussync.clockify.client.RecordingClockify;
import io.focussync.platform.crypto.SecretCipher;
import io.focussync.platform.crypto.SecretScope;
import io.focussync.platform.web.BaseUrlAllowList;
import io.focussync.platform.web.FieldProblem;
import io.focussync.platform.web.InvalidInputException;
import io.focussync.platform.web.NotFoundException;
import io.focussync.platform.web.ServiceUnavailableException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Creates, shows and removes Clockify connections, and gives the ledger a client for one: the real
 * client with the decrypted key, or a recording one for dry runs.
 */
@Service
public class ConnectionService {

  private static final Logger log = LoggerFactory.getLogger(ConnectionService.class);
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  /** Users whose connection scope and client are kept in memory (least recently used go). */
  private static final int REMEMBERED_USERS = 10_000;

  private final ConnectionStore store;
  private final ClockifyClients clients;
  private final SecretCipher cipher;
  private final ConnectionProperties properties;
  private final BaseUrlAllowList baseUrls;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final Map<String, String> scopes = leastRecentlyUsed();
  private final Map<String, CachedClient> clientCache = leastRecentlyUsed();

  public ConnectionService(
      ConnectionStore store,
      ClockifyClients clients,
      SecretCipher cipher,
      ConnectionProperties properties,
      ApplicationEventPublisher events,
      Clock clock) {
    this.store = store;
    this.clients = clients;
    this.cipher = cipher;
    this.properties = properties;
    this.baseUrls = new BaseUrlAllowList("Clockify", properties.allowedBaseUrls());
    this.events = events;
    this.clock = clock;
  }

  /** Checks the key with Clockify (unless a dry run), stores the connection and shows it. */
  public ConnectionView put(String userId, ConnectionRequest request) {
    boolean dryRun = Boolean.TRUE.equals(request.dryRun());
    String baseUrl =
        request.baseUrl() == null || request.baseUrl().isBlank()
            ? properties.defaultBaseUrl()
            : request.baseUrl().trim();
    validate(request, dryRun, baseUrl);
    String apiKey = request.apiKey() == null ? "" : request.apiKey().trim();
    String normalizedUrl = BaseUrlAllowList.normalize(baseUrl);
    String clockifyUserId = null;
    String timeZone = null;
    String tagId = null;
    if (!dryRun) {
      ClockifyApi api =
          clients.forTarget(new ClockifyTarget(normalizedUrl, apiKey, request.workspaceId()));
      ClockifyUser user = check(() -> api.currentUser(), "apiKey");
      clockifyUserId = user.id();
      timeZone = user.timeZone();
      tagId = check(() -> api.ensureTag(properties.markerTag()), "workspaceId").id();
    }
    Connection connection =
        new Connection(
            userId,
            request.workspaceId(),
            normalizedUrl,
            dryRun,
            apiKey.isEmpty() ? null : cipher.encrypt(apiKey, apiKeyScope(userId)),
            SecretCipher.mask(apiKey),
            clockifyUserId,
            timeZone,
            tagId,
            clock.instant(),
            null);
    store.save(connection);
    clientCache.remove(userId);
    scopes.put(userId, connection.scope());
    log.info("saved Clockify connection {}", connection);
    events.publishEvent(new ConnectionSaved(userId));
    return ConnectionView.of(connection);
  }

  /** The user's connection, masked. */
  public ConnectionView get(String userId) {
    return store
        .find(userId)
        .map(ConnectionView::of)
        .orElseThrow(() -> new NotFoundException("No Clockify connection."));
  }

  /** Removes the user's connection. */
  public void delete(String userId) {
    clientCache.remove(userId);
    scopes.remove(userId);
    if (!store.delete(userId)) {
      throw new NotFoundException("No Clockify connection.");
    }
  }

  /** The stored connection of a user, if any (read from the store). */
  public Optional<Connection> find(String userId) {
    Optional<Connection> connection = store.find(userId);
    if (connection.isPresent()) {
      scopes.put(userId, connection.get().scope());
    } else {
      scopes.remove(userId);
      clientCache.remove(userId);
    }
    return connection;
  }

  /**
   * The scope of the user's connection as this process last saw it, without reading the store: a
   * hint only, out of date if another process changed the connection since.
   */
  public Optional<String> lastKnownScope(String userId) {
    return Optional.ofNullable(scopes.get(userId));
  }

  /**
   * Clockify refused the connection's key: nothing of the user's is tried until a new key is saved
   * (which publishes {@link ConnectionSaved}).
   */
  public void keyRefused(Connection connection, String reason) {
    store.markNeedsAttention(connection.userId(), connection.encryptedApiKey(), reason);
    clientCache.remove(connection.userId());
    log.warn("Clockify refused the key of connection {}: {}", connection, reason);
  }

  /** Remembers the marker tag's id once it exists in the workspace. */
  public void saveMarkerTag(String userId, String tagId) {
    store.saveMarkerTag(userId, tagId);
  }

  /** The marker tag's name. */
  public String markerTagName() {
    return properties.markerTag();
  }

  /**
   * A client for the connection: a fresh recording one for dry runs; otherwise the real one, reused
   * while the stored connection is the same (each save encrypts the key anew, so a new key, base
   * URL or workspace gives a new client).
   */
  public ClockifyApi clientFor(Connection connection) {
    if (connection.dryRun()) {
      return new RecordingClockify(connection.workspaceId());
    }
    return realClient(connection);
  }

  /**
   * A client that reads from Clockify with the connection's key, also for a dry run that has one;
   * empty when the connection has no key.
   */
  public Optional<ClockifyApi> readerFor(Connection connection) {
    return connection.encryptedApiKey() == null
        ? Optional.empty()
        : Optional.of(realClient(connection));
  }

  private ClockifyApi realClient(Connection connection) {
    CachedClient cached = clientCache.get(connection.userId());
    if (cached != null && cached.serves(connection)) {
      return cached.api;
    }
    String apiKey =
        connection.encryptedApiKey() == null
            ? ""
            : cipher.decrypt(connection.encryptedApiKey(), apiKeyScope(connection.userId()));
    ClockifyApi api =
        clients.forTarget(
            new ClockifyTarget(connection.baseUrl(), apiKey, connection.workspaceId()));
    clientCache.put(connection.userId(), new CachedClient(connection, api));
    return api;
  }

  private static SecretScope apiKeyScope(String userId) {
    return new SecretScope(Connection.API_KEY_SECRET, userId);
  }

  private void validate(ConnectionRequest request, boolean dryRun, String baseUrl) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!dryRun && (request.apiKey() == null || request.apiKey().isBlank())) {
      problems.add(new FieldProblem("apiKey", "is required"));
    } else if (request.apiKey() != null && request.apiKey().length() > 200) {
      problems.add(new FieldProblem("apiKey", "is too long"));
    }
    if (request.workspaceId() == null || !ID.matcher(request.workspaceId()).matches()) {
      problems.add(
          new FieldProblem("workspaceId", "is required: letters, digits, '-' or '_' only"));
    }
    baseUrls.problem(baseUrl).ifPresent(p -> problems.add(new FieldProblem("baseUrl", p)));
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  private static <V> Map<String, V> leastRecentlyUsed() {
    return Collections.synchronizedMap(
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
            return size() > REMEMBERED_USERS;
          }
        });
  }

  /** A real client and the stored connection it was built from. */
  private static final class CachedClient {
    private final String encryptedApiKey;
    private final String baseUrl;
    private final String workspaceId;
    private final ClockifyApi api;

    private CachedClient(Connection connection, ClockifyApi api) {
      this.encryptedApiKey = connection.encryptedApiKey();
      this.baseUrl = connection.baseUrl();
      this.workspaceId = connection.workspaceId();
      this.api = api;
    }

    private boolean serves(Connection connection) {
      return Objects.equals(encryptedApiKey, connection.encryptedApiKey())
          && Objects.equals(baseUrl, connection.baseUrl())
          && Objects.equals(workspaceId, connection.workspaceId());
    }
  }

  private static <T> T check(java.util.function.Supplier<T> call, String field) {
    try {
      return call.get();
    } catch (ClockifyException e) {
      if (e.isTransient()) {
        throw new ServiceUnavailableException(
            "Clockify could not be reached to check the connection; try again later.",
            Duration.ofSeconds(30),
            e);
      }
      throw new InvalidInputException(422, List.of(new FieldProblem(field, rejection(e, field))));
    }
  }

  private static String rejection(ClockifyException e, String field) {
    if (e.kind() == ClockifyException.Kind.UNAUTHORIZED) {
      return "Clockify rejected the API key (401): check the key and the base URL, they go in pairs";
    }
    if ("workspaceId".equals(field)) {
      return "the API key has no access to this workspace (Clockify answered " + e.status() + ")";
    }
    return "Clockify refused the check (answered " + e.status() + ")";
  }
}
