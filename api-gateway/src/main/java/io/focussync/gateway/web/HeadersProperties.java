package io.focussync.gateway.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The security headers of every answer.
 *
 * @param hsts whether to send Strict-Transport-Security (only behind TLS)
 * @param hstsMaxAgeSeconds its max-age
 */
@ConfigurationProperties("focussync.gateway.headers")
public record HeadersProperties(boolean hsts, long hstsMaxAgeSeconds) {

  public HeadersProperties {
    hstsMaxAgeSeconds = hstsMaxAgeSeconds > 0 ? hstsMaxAgeSeconds : 31_536_000L;
  }
}
