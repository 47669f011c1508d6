package io.focussync.ingest.focus;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the focus-session API reaches the allocator, which holds the stored sessions and settings.
 *
 * @param allocatorUrl the allocator's base URL ({@code FOCUSSYNC_ALLOCATOR_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer
 * @param notFoundWait how long a session the allocator does not know yet is asked for again (it may
 *     not have consumed a change just made) before the answer is 404
 * @param notFoundPoll the pause between those asks
 * @param settingsCacheTtl how long a user's default project key is reused
 */
@ConfigurationProperties("focussync.ingest.focus")
public record FocusProperties(
    URI allocatorUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Duration notFoundWait,
    Duration notFoundPoll,
    Duration settingsCacheTtl) {

  public FocusProperties {
    Objects.requireNonNull(allocatorUrl, "focussync.ingest.focus.allocator-url is required");
    Objects.requireNonNull(connectTimeout, "focussync.ingest.focus.connect-timeout is required");
    Objects.requireNonNull(readTimeout, "focussync.ingest.focus.read-timeout is required");
    Objects.requireNonNull(notFoundWait, "focussync.ingest.focus.not-found-wait is required");
    Objects.requireNonNull(notFoundPoll, "focussync.ingest.focus.not-found-poll is required");
    Objects.requireNonNull(
        settingsCacheTtl, "focussync.ingest.focus.settings-cache-ttl is required");
  }
}
