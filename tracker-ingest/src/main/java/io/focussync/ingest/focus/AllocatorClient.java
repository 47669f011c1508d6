package io.focussync.ingest.focus;

import io.focussync.ingest.focus.core.FocusSession;
import io.focussync.ingest.session.api.JsonBodies;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.platform.auth.SignedCalls;
import io.focussync.platform.web.ServiceUnavailableException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Reads what only the allocator holds: a user's stored focus session and default project key, over
 * its API with the user's identity signed as the gateway signs it. An unreachable or failing
 * allocator is a 503.
 */
@Component
class AllocatorClient {

  private static final Duration RETRY_AFTER = Duration.ofSeconds(5);
  private static final int MAX_CACHED_USERS = 10_000;

  private final FocusProperties properties;
  private final Clock clock;
  private final SignedCalls calls;
  private final Map<String, CachedKey> defaultKeys = new ConcurrentHashMap<>();

  AllocatorClient(FocusProperties properties, InternalIdentity identity, Clock clock) {
    this.properties = properties;
    this.clock = clock;
    this.calls = new SignedCalls(identity, properties.connectTimeout());
  }

  private record CachedKey(String key, Instant until) {}

  /**
   * The user's live session of that id. Unknown is asked again for up to {@code notFoundWait}: a
   * change made just before may not have reached the allocator yet.
   */
  Optional<FocusSession> find(String userId, String sessionId) {
    String path = "/api/v1/focus-sessions/" + URLEncoder.encode(sessionId, StandardCharsets.UTF_8);
    long deadline = System.nanoTime() + properties.notFoundWait().toNanos();
    while (true) {
      Optional<JsonNode> found = get(userId, path);
      if (found.isPresent()) {
        return Optional.of(session(found.get()));
      }
      if (System.nanoTime() + properties.notFoundPoll().toNanos() > deadline) {
        return Optional.empty();
      }
      pause(properties.notFoundPoll());
    }
  }

  /** The user's {@code defaultProjectKey} setting, reused for {@code settingsCacheTtl}. */
  String defaultProjectKey(String userId) {
    Instant now = clock.instant();
    CachedKey cached = defaultKeys.get(userId);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.key();
    }
    JsonNode settings =
        get(userId, "/api/v1/settings/allocation")
            .orElseThrow(() -> unavailable("the allocator has no settings endpoint", null));
    JsonNode key = settings.get("defaultProjectKey");
    if (key == null || !key.isString()) {
      throw unavailable("the allocator's settings have no defaultProjectKey", null);
    }
    if (defaultKeys.size() >= MAX_CACHED_USERS) {
      defaultKeys.clear();
    }
    defaultKeys.put(
        userId, new CachedKey(key.stringValue(), now.plus(properties.settingsCacheTtl())));
    return key.stringValue();
  }

  /** The JSON of a 200, empty for a 404; anything else is the allocator failing. */
  private Optional<JsonNode> get(String userId, String path) {
    HttpResponse<String> response;
    try {
      response =
          calls.get(
              URI.create(properties.allocatorUrl().toString() + path),
              userId,
              properties.readTimeout());
    } catch (IOException e) {
      throw unavailable("the allocator cannot be reached", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while asking the allocator", e);
    }
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    if (response.statusCode() != 200) {
      throw unavailable("the allocator answered " + response.statusCode(), null);
    }
    try {
      return Optional.of(JsonBodies.mapper().readTree(response.body()));
    } catch (JacksonException e) {
      throw unavailable("the allocator's answer is not JSON", e);
    }
  }

  private static FocusSession session(JsonNode node) {
    try {
      JsonNode tracked = node.get("trackedSeconds");
      return new FocusSession(
          node.get("id").stringValue(),
          Instant.parse(node.get("sessionStart").stringValue()),
          Instant.parse(node.get("sessionEnd").stringValue()),
          tracked == null || tracked.isNull() ? null : tracked.longValue(),
          node.get("projectKey").stringValue(),
          textOrNull(node, "title"),
          textOrNull(node, "createdAt"));
    } catch (RuntimeException e) {
      throw unavailable("the allocator's focus session is not of the expected shape", e);
    }
  }

  private static String textOrNull(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isString() ? null : value.stringValue();
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for the allocator", e);
    }
  }

  private static ServiceUnavailableException unavailable(String detail, Throwable cause) {
    return new ServiceUnavailableException(detail, RETRY_AFTER, cause);
  }
}
