package io.focussync.contracts.sessions.v1;

import io.focussync.contracts.FocusSyncEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A work session was recorded or changed at its source. Consumers apply it only when it is newer
 * than the change they hold for {@code sessionId}, in the order of {@link SessionOrder}.
 *
 * @param sessionId {@code source + ":" + sourceId}
 * @param version grows at the source with every change of the session; orders the changes of a
 *     Notion session, while those of tracker-ingest's sessions follow the topic ({@link
 *     SessionOrder})
 * @param trackedSeconds the source's measure of active time within [{@code start}, {@code end}]: at
 *     least 1 and at most the span in whole seconds; null when not given (absent from the JSON),
 *     and then the whole span counts
 * @param metadata source-specific extras such as a Notion flow score or checklist
 */
public record SessionRecorded(
    String userId,
    String sessionId,
    String source,
    String sourceId,
    long version,
    String projectKey,
    Instant start,
    Instant end,
    Long trackedSeconds,
    String title,
    List<String> tags,
    Map<String, String> metadata,
    Instant recordedAt)
    implements FocusSyncEvent {

  public SessionRecorded {
    tags = tags == null ? List.of() : List.copyOf(tags);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  @Override
  public String subject() {
    return sessionId;
  }
}
