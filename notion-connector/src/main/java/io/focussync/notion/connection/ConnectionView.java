package io.focussync.notion.connection;

import io.focussync.notion.mapping.PropertyMapping;
import java.time.Instant;

/** A connection as shown to its user: the token masked. */
public record ConnectionView(
    String databaseId,
    String dataSourceId,
    String baseUrl,
    String token,
    PropertyMapping properties,
    Instant watermark,
    String webhookPath) {}
