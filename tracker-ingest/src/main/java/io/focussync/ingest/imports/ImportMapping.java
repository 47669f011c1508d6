package io.focussync.ingest.imports;

import io.focussync.ingest.session.api.SessionJson;
import java.time.ZoneId;
import java.util.Set;

/**
 * Which field or column holds what, and how to read timestamps.
 *
 * @param names the field (CSV/NDJSON) or column (SQLite) names
 * @param explicit the optional names the client gave, which must then exist
 * @param zone the zone of timestamps without an offset, or null (they are rejected then)
 */
record ImportMapping(SessionJson.FieldNames names, Set<String> explicit, ZoneId zone) {}
