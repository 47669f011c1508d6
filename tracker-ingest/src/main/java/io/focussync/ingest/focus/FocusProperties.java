package io.focussync.ingest.focus;

import java.net.URI;
import java.time.Duration;
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
    allocatorUrl = allocatorUrl == null ? URI.create("http://127.0.0.1:8082") : allocatorUrl;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
    notFoundWait = notFoundWait == null ? Duration.ofSeconds(3) : notFoundWait;
    notFoundPoll = notFoundPoll == null ? Duration.ofMillis(100) : notFoundPoll;
    settingsCacheTtl = settingsCacheTtl == null ? Duration.ofSeconds(5) : settingsCacheTtl;
  }
}
