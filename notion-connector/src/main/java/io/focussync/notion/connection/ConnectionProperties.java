package io.focussync.notion.connection;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where a Notion connection may point.
 *
 * @param allowedBaseUrls base URLs (scheme, host, port and path prefix) a connection may use, from
 *     {@code FOCUSSYNC_NOTION_ALLOWED_BASE_URLS}
 */
@ConfigurationProperties("focussync.notion")
public record ConnectionProperties(List<String> allowedBaseUrls) {

  public ConnectionProperties {
    allowedBaseUrls =
        allowedBaseUrls == null || allowedBaseUrls.isEmpty()
            ? List.of("https://api.notion.com")
            : List.copyOf(allowedBaseUrls);
  }
}
