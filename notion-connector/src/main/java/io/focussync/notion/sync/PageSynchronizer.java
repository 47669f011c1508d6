package io.focussync.notion.sync;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionIds;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.notion.mapping.ChangeDetector;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.mapping.PageMemory;
import io.focussync.notion.mapping.PageReading;
import io.focussync.notion.mapping.SessionFields;
import io.focussync.notion.mapping.SessionMapper;
import io.focussync.notion.store.PageRecord;
import io.focussync.notion.store.PageStore;
import io.focussync.notion.store.StoredConnection;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Turns a fresh read of a page into at most one session event and remembers it. The event is
 * published before the memory is stored: a crash in between re-emits the same version, which
 * consumers ignore.
 */
@Component
public class PageSynchronizer {

  /** The source name of Notion sessions. */
  public static final String SOURCE = "notion";

  private final PageStore pages;
  private final SessionEventSink sink;
  private final Clock clock;

  public PageSynchronizer(PageStore pages, SessionEventSink sink, Clock clock) {
    this.pages = pages;
    this.sink = sink;
    this.clock = clock;
  }

  /** Applies a read of a page of the connection's user; call it holding the user's lock. */
  public ChangeDetector.Action apply(StoredConnection connection, NotionPage page) {
    PageMemory before =
        pages
            .find(connection.userId(), page.id())
            .map(PageRecord::memory)
            .orElse(PageMemory.unknown(page.id()));
    PageReading reading =
        belongsTo(connection, page)
            ? SessionMapper.read(page, connection.mapping())
            : PageReading.notASession("not in the connected data source");
    ChangeDetector.Decision decision = ChangeDetector.decide(before, page, reading);
    String sessionId = SessionIds.of(SOURCE, page.id());
    switch (decision.action()) {
      case RECORD -> {
        SessionFields fields = reading.session();
        sink.recorded(
            new SessionRecorded(
                connection.userId(),
                sessionId,
                SOURCE,
                page.id(),
                decision.version(),
                fields.projectKey(),
                fields.start(),
                fields.end(),
                null,
                fields.title(),
                List.of(),
                Map.copyOf(fields.metadata()),
                clock.instant()));
      }
      case DELETE ->
          sink.deleted(
              new SessionDeleted(
                  connection.userId(), sessionId, SOURCE, decision.version(), clock.instant()));
      default -> {
        // nothing changed that a consumer could see
      }
    }
    if (!decision.next().equals(before)) {
      pages.remember(connection.userId(), decision.next());
    }
    return decision.action();
  }

  private static boolean belongsTo(StoredConnection connection, NotionPage page) {
    return page.dataSourceId() == null || page.dataSourceId().equals(connection.dataSourceId());
  }
}
