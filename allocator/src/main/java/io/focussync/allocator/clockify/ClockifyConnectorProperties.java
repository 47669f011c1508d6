package io.focussync.allocator.clockify;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the allocator reaches the clockify-connector, which lists the user's Clockify projects.
 *
 * @param url the connector's base URL ({@code FOCUSSYNC_CLOCKIFY_CONNECTOR_URL})
 * @param connectTimeout how long to wait for a connection
 * @param readTimeout how long to wait for an answer (the connector asks Clockify meanwhile)
 */
@ConfigurationProperties("focussync.allocator.clockify-connector")
public record ClockifyConnectorProperties(URI url, Duration connectTimeout, Duration readTimeout) {

  public ClockifyConnectorProperties {
    Objects.requireNonNull(url, "focussync.allocator.clockify-connector.url is required");
    Objects.requireNonNull(
        connectTimeout, "focussync.allocator.clockify-connector.connect-timeout is required");
    Objects.requireNonNull(
        readTimeout, "focussync.allocator.clockify-connector.read-timeout is required");
  }
}
