package io.focussync.notion.sync;

import io.focussync.contracts.sessions.v1.SessionDeleted;
import io.focussync.contracts.sessions.v1.SessionRecorded;

/** Where session events go (Kafka); each call returns once the event is durably published. */
public interface SessionEventSink {

  void recorded(SessionRecorded event);

  void deleted(SessionDeleted event);
}
