package io.focussync.allocator.clockify;

import java.net.URI;
import java.time.Duration;
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
    url = url == null ? URI.create("http://127.0.0.1:8083") : url;
    connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
    readTimeout = readTimeout == null ? Duration.ofSeconds(5) : readTimeout;
  }
}
