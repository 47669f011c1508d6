package io.focussync.clockify.ledger;

import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Durable user-day state; each method is one single-document atomic operation. */
public interface DayStore {

  Optional<DayRecord> find(String userId, LocalDate date);

  /**
   * Keeps each plan whose revision is above the day's accepted one (each plan one single-document
   * conditional write); the others are stale (a redelivery, a replay or an overtaken revision).
   * Takes at most one plan per user-day.
   *
   * @return the plans kept
   */
  List<DayPlanned> offer(Collection<ReceivedPlan> plans);

  /** The revision is applied (never lowers the applied revision). */
  void markApplied(String userId, LocalDate date, long revision, String status, String error);

  /** An attempt failed and will be retried. */
  void markFailed(String userId, LocalDate date, String error, int failures);

  /** The plan waits for the user's Clockify connection. */
  void markWaiting(String userId, LocalDate date);

  /** True exactly once per revision: whether to publish a FAILED result for it. */
  boolean claimFailureReport(String userId, LocalDate date, long revision);

  /** Days with a plan not applied yet. */
  List<DayKey> pending();

  /** One user's days with a plan not applied yet. */
  List<DayKey> pendingOf(String userId);
}
