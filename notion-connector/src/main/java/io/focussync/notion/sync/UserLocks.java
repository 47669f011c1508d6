package io.focussync.notion.sync;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * One lock per user, so that the poll, webhook refreshes and write-backs of a user never read and
 * remember the same page at the same time in this instance.
 */
@Component
public class UserLocks {

  private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  /** Runs the work while holding the user's lock. */
  public <T> T withLock(String userId, Supplier<T> work) {
    ReentrantLock lock = locks.computeIfAbsent(userId, id -> new ReentrantLock());
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }
}
