package io.focussync.contracts;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.contracts.syncresults.v1.DayBusyObserved;
import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;
import java.util.Map;
import java.util.Optional;

/** Maps each event record to its logical type name, the wire's only notion of a type. */
public final class EventTypes {

  public static final String SESSION_RECORDED = "io.focussync.session.recorded.v1";
  public static final String SESSION_DELETED = "io.focussync.session.deleted.v1";
  public static final String DAY_PLANNED = "io.focussync.day.planned.v1";
  public static final String DAY_SYNCED = "io.focussync.day.synced.v1";
  public static final String DAY_SYNC_FAILED = "io.focussync.day.sync-failed.v1";
  public static final String DAY_BUSY_OBSERVED = "io.focussync.day.busy-observed.v1";

  private static final Map<String, Class<? extends FocusSyncEvent>> CLASSES =
      Map.of(
          SESSION_RECORDED, SessionRecorded.class,
          SESSION_DELETED, SessionDeleted.class,
          DAY_PLANNED, DayPlanned.class,
          DAY_SYNCED, DaySynced.class,
          DAY_SYNC_FAILED, DaySyncFailed.class,
          DAY_BUSY_OBSERVED, DayBusyObserved.class);

  private EventTypes() {}

  /** The record class for a logical type name, empty for a name this version does not know. */
  public static Optional<Class<? extends FocusSyncEvent>> classOf(String type) {
    return Optional.ofNullable(type).map(CLASSES::get);
  }

  /** The logical type name of an event record. */
  public static String typeOf(FocusSyncEvent event) {
    return CLASSES.entrySet().stream()
        .filter(entry -> entry.getValue().equals(event.getClass()))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("not an event: " + event.getClass()));
  }
}
