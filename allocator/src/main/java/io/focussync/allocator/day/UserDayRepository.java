package io.focussync.allocator.day;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

  /** The stored days among these; absent ones are left out. */
  Map<DayRef, UserDay> findAll(Collection<DayRef> refs);

  /**
   * Saves every day as {@link #save} does, in one round trip.
   *
   * @return false when any of them was written by someone else in between (reload and retry those;
   *     the others are saved)
   */
  boolean saveAll(List<UserDay> days);

  /**
   * Writes each day's sync state (nothing else of it) if the stored day still has the day's
   * docVersion, inserts a day not stored yet (docVersion 0), in one round trip; on success the days
   * carry their new docVersion.
   *
   * @return false when any of them was written by someone else in between (which ones is not known:
   *     reload them; the others are written)
   */
  boolean saveSyncAll(List<UserDay> days);

  /** Marks each day's plan revision as emitted where it is still the day's plan. */
  void markEmitted(List<UserDay> days);

  /** Days whose latest plan revision is stored but not yet emitted. */
  List<UserDay> findUnemitted(int limit);

  /** Days whose DAY_END push is due at the instant. */
  List<UserDay> findDue(Instant now, int limit);

  /** All days of a user. */
  List<UserDay> findByUser(String userId);

  /** The user's stored days in [from, to]. */
  List<UserDay> findRange(String userId, LocalDate from, LocalDate to);
}
