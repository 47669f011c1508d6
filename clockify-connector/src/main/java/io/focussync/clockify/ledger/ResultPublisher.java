package io.focussync.clockify.ledger;

import io.focussync.contracts.syncresults.v1.DaySyncFailed;
import io.focussync.contracts.syncresults.v1.DaySynced;

/** Publishes sync results on {@code focussync.sync-results.v1}. */
public interface ResultPublisher {

  void synced(DaySynced result);

  void failed(DaySyncFailed result);
}
