package io.focussync.gateway.routing;

import io.focussync.gateway.routing.core.Service;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the services are and how long the gateway waits for them.
 *
 * @param trackerIngestUrl from {@code FOCUSSYNC_TRACKER_INGEST_URL}
 * @param allocatorUrl from {@code FOCUSSYNC_ALLOCATOR_URL}
 * @param clockifyConnectorUrl from {@code FOCUSSYNC_CLOCKIFY_CONNECTOR_URL}
 * @param notionConnectorUrl from {@code FOCUSSYNC_NOTION_CONNECTOR_URL}
 * @param connectTimeout how long to wait for a connection (then 504)
 * @param readTimeout how long to wait for a service's answer (then 504)
 */
@ConfigurationProperties("focussync.gateway.routes")
public record RoutingProperties(
    URI trackerIngestUrl,
    URI allocatorUrl,
    URI clockifyConnectorUrl,
    URI notionConnectorUrl,
    Duration connectTimeout,
    Duration readTimeout) {

  public RoutingProperties {
    trackerIngestUrl = orDefault(trackerIngestUrl, "http://127.0.0.1:8081");
    allocatorUrl = orDefault(allocatorUrl, "http://127.0.0.1:8082");
    clockifyConnectorUrl = orDefault(clockifyConnectorUrl, "http://127.0.0.1:8083");
    notionConnectorUrl = orDefault(notionConnectorUrl, "http://127.0.0.1:8084");
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(30) : readTimeout;
  }

  /** The base URL of a service. */
  public URI urlOf(Service service) {
    switch (service) {
      case TRACKER_INGEST:
        return trackerIngestUrl;
      case ALLOCATOR:
        return allocatorUrl;
      case CLOCKIFY_CONNECTOR:
        return clockifyConnectorUrl;
      case NOTION_CONNECTOR:
        return notionConnectorUrl;
      default:
        throw new IllegalArgumentException("unknown service " + service);
    }
  }

  private static URI orDefault(URI uri, String fallback) {
    return uri == null || uri.toString().isBlank() ? URI.create(fallback) : uri;
  }
}
