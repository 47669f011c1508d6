package io.focussync.clockify.reconcile;

import java.util.Optional;

/** The lock of the day's workspace, if it has one (may call Clockify, or answer from a cache). */
@FunctionalInterface
public interface LockDate {

  Optional<WorkspaceLock> current();
}
