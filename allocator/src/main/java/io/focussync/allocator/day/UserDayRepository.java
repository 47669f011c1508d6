package io.focussync.allocator.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Stores user-days, each as one document written atomically. */
public interface UserDayRepository {

  Optional<UserDay> find(String userId, LocalDate date);

  /**
   * Inserts a new day (docVersion 0) or replaces the stored one if it still has the day's
   * docVersion; on success the day carries its new docVersion.
   *
   * @return false when someone else wrote the day in between (reload and retry)
   */
  boolean save(UserDay day);

  /** Marks the plan revision as emitted if it is still the day's plan. */
  void markEmitted(String userId, LocalDate date, long revision);

  /** Days whose latest plan revision is stored but not yet emitted. */
  List<UserDay> findUnemitted(int limit);

  /** Days whose DAY_END push is due at the instant. */
  List<UserDay> findDue(Instant now, int limit);

  /** All days of a user. */
  List<UserDay> findByUser(String userId);

  /** The user's stored days in [from, to]. */
  List<UserDay> findRange(String userId, LocalDate from, LocalDate to);
}
