package io.focussync.gateway.routing;

import io.focussync.gateway.routing.core.Service;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
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
    required(trackerIngestUrl, "tracker-ingest-url");
    required(allocatorUrl, "allocator-url");
    required(clockifyConnectorUrl, "clockify-connector-url");
    required(notionConnectorUrl, "notion-connector-url");
    Objects.requireNonNull(connectTimeout, "focussync.gateway.routes.connect-timeout is required");
    Objects.requireNonNull(readTimeout, "focussync.gateway.routes.read-timeout is required");
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

  private static void required(URI uri, String key) {
    if (uri == null || uri.toString().isBlank()) {
      throw new IllegalArgumentException("focussync.gateway.routes." + key + " is required");
    }
  }
}
