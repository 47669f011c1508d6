package io.focussync.allocator.messaging;

import io.focussync.allocator.allocation.BusySpan;
import io.focussync.allocator.day.BusyObservation;
import io.focussync.allocator.day.DayRef;
import io.focussync.allocator.day.DayService;
import io.focussync.allocator.day.SyncResult;
import io.focussync.allocator.day.SyncState;
import io.focussync.allocator.day.SyncStatus;
import io.focussync.allocator.session.SessionService;
import io.focussync.allocator.session.StoredSession;
import io.focussync.contracts.FocusSyncEvent;
import io.focussync.contracts.dayplans.v1.BusyInterval;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import io.focussync.contracts.syncresults.v1.SyncedEntry;
import io.focussync.platform.messaging.EventBatches;
import io.focussync.platform.messaging.EventMessages;
import io.focussync.platform.messaging.UnprocessableRecordException;
import io.focussync.platform.tracing.RecordTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;

/**
 * The consumers of {@code focussync.sessions.v1} and {@code focussync.sync-results.v1} (group
 * {@code allocator}), both in batches: a poll's events are applied together. Unreadable or
 * impossible events are poison and go to the dead-letter topic with the reason (the platform's
 * {@code ContainerErrorHandling}); everything else is retried.
 */
@Configuration
public class AllocatorBindings {

  private static final Logger log = LoggerFactory.getLogger(AllocatorBindings.class);
  static final Duration MAX_SESSION = Duration.ofDays(31);

  /**
   * Applies a poll's session events together, each with its record's offset (what orders
   * tracker-ingest's changes). A poison event: the events before it are applied, then it goes to
   * the dead-letter topic and the rest come again ({@link EventBatches}). The plans a user's days
   * get continue the trace of the user's newest session of the batch ({@link
   * RecordTracing#openBatch}).
   */
  @Bean
  public Consumer<Message<List<byte[]>>> sessions(SessionService sessions, RecordTracing tracing) {
    return batch -> {
      List<?> offsets = batch.getHeaders().get(KafkaHeaders.OFFSET, List.class);
      List<StoredSession> changes = new ArrayList<>();
      try (RecordTracing.Batch traces = tracing.openBatch()) {
        EventBatches.process(
            batch,
            (record, i) -> {
              StoredSession change =
                  toChange(EventMessages.fromMessage(record), positionOf(record, offsets, i));
              if (change != null) {
                changes.add(change);
                traces.remember(change.userId(), record.getHeaders());
              }
            },
            () -> sessions.apply(changes));
      }
    };
  }

  /**
   * Where the batch's i-th record stands among its user's changes: its offset, or for a dead letter
   * replayed onto the topic the offset it first had ({@code x-original-offset}), so a replay does
   * not overtake changes made after it.
   */
  static long positionOf(Message<byte[]> record, List<?> offsets, int i) {
    Object original = record.getHeaders().get("x-original-offset");
    if (original instanceof byte[] bytes) {
      try {
        return Long.parseLong(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
      } catch (NumberFormatException notANumber) {
        // not one of ours: the record's own offset orders it
      }
    }
    return offsetOf(offsets, i);
  }

  /**
   * The offset of the batch's i-th record (the binder lists them in payload order). Every Kafka
   * record has one, so a missing one is a fault of the setup, not of the record: not poison.
   */
  static long offsetOf(List<?> offsets, int i) {
    if (offsets == null || i >= offsets.size() || !(offsets.get(i) instanceof Number offset)) {
      throw new IllegalStateException("the batch names no offset for its record " + i);
    }
    return offset.longValue();
  }

  /**
   * The read-model change an event from the record at {@code offset} asks for, or null for an event
   * of no concern here.
   */
  private static StoredSession toChange(FocusSyncEvent event, long offset) {
    if (event instanceof SessionRecorded recorded) {
      check(recorded);
      return StoredSession.of(recorded, offset);
    }
    if (event instanceof SessionDeleted deleted) {
      require(deleted.userId() != null && deleted.sessionId() != null, "ids missing", event);
      return StoredSession.tombstone(deleted, offset);
    }
    log.debug("ignoring {} on the sessions topic", event.getClass().getSimpleName());
    return null;
  }

  /**
   * Applies a poll's sync results together, in the same way: the results before a poison one are
   * applied, then it is dead-lettered. The poll's observations of the users' own Clockify entries
   * ({@code DayBusyObserved}) re-plan their days after the results are recorded.
   */
  @Bean
  public Consumer<Message<List<byte[]>>> syncResults(DayService days) {
    return batch -> {
      List<SyncResult> results = new ArrayList<>();
      List<BusyObservation> observations = new ArrayList<>();
      EventBatches.process(
          batch,
          (record, i) -> {
            FocusSyncEvent event = EventMessages.fromMessage(record);
            if (event instanceof DayBusyObserved observed) {
              observations.add(toObservation(observed));
              return;
            }
            SyncResult result = toSyncResult(event);
            if (result != null) {
              results.add(result);
            }
          },
          () -> {
            days.applySyncResults(results);
            days.observeBusy(observations);
          });
    };
  }

  /**
   * The observation an event carries; one without ids, date, time or with a reversed span is
   * poison.
   */
  private static BusyObservation toObservation(DayBusyObserved observed) {
    require(
        observed.userId() != null && observed.date() != null && observed.observedAt() != null,
        "userId, date and observedAt are required",
        observed);
    List<BusySpan> busy = new ArrayList<>(observed.busy().size());
    for (BusyInterval b : observed.busy()) {
      require(
          b != null && b.start() != null && b.end() != null && !b.end().isBefore(b.start()),
          "a busy interval needs a start and an end not before it",
          observed);
      busy.add(new BusySpan(b.start(), b.end()));
    }
    return new BusyObservation(
        new DayRef(observed.userId(), observed.date()), busy, observed.observedAt());
  }

  /** The sync state change a result asks for, or null for an event of no concern here. */
  private static SyncResult toSyncResult(FocusSyncEvent event) {
    if (event instanceof DaySynced synced) {
      require(synced.userId() != null && synced.date() != null, "ids missing", event);
      List<SyncState.SyncedSlot> slots = new ArrayList<>(synced.entries().size());
      for (SyncedEntry e : synced.entries()) {
        slots.add(new SyncState.SyncedSlot(e.slot(), e.clockifyEntryId(), SyncStatus.SYNCED));
      }
      return new SyncResult.Synced(
          new DayRef(synced.userId(), synced.date()),
          synced.revision(),
          synced.dryRun(),
          slots,
          synced.syncedAt());
    }
    if (event instanceof DaySyncFailed failed) {
      require(failed.userId() != null && failed.date() != null, "ids missing", event);
      SyncStatus status =
          switch (String.valueOf(failed.status())) {
            case "NEEDS_ATTENTION" -> SyncStatus.NEEDS_ATTENTION;
            case "CLOSED" -> SyncStatus.CLOSED;
            default -> SyncStatus.FAILED;
          };
      return new SyncResult.Failed(
          new DayRef(failed.userId(), failed.date()),
          failed.revision(),
          status,
          failed.reason(),
          failed.failedSlots(),
          failed.failedAt());
    }
    log.debug("ignoring {} on the sync-results topic", event.getClass().getSimpleName());
    return null;
  }

  private static void check(SessionRecorded s) {
    require(
        s.userId() != null && !s.userId().isBlank() && s.sessionId() != null,
        "userId and sessionId are required",
        s);
    require(s.start() != null && s.end() != null, "start and end are required", s);
    require(!s.end().isBefore(s.start()), "end is before start", s);
    require(
        !s.end().isAfter(s.start().plus(MAX_SESSION)),
        "a session may last at most " + MAX_SESSION.toDays() + " days",
        s);
    require(
        s.trackedSeconds() == null
            || (s.trackedSeconds() >= 1
                && s.trackedSeconds() <= Duration.between(s.start(), s.end()).getSeconds()),
        "trackedSeconds must be from 1 to the session's span in whole seconds",
        s);
  }

  private static void require(boolean ok, String reason, FocusSyncEvent event) {
    if (!ok) {
      throw new UnprocessableRecordException(
          "impossible " + event.getClass().getSimpleName() + ": " + reason);
    }
  }
}
