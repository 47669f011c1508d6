package io.focussync.clockify.history;

import java.time.LocalDate;
import java.util.List;

/** Where sync runs are kept. */
public interface HistoryStore {

  void record(SyncRun run);

  /** The user's runs for days in [from, to], oldest first. */
  List<SyncRun> find(String userId, LocalDate from, LocalDate to);
}
