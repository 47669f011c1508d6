package io.focussync.clockify.ledger;

import io.focussync.clockify.reconcile.LedgerSlot;
import io.focussync.contracts.dayplans.v1.DayPlanned;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Durable user-day state, one document per user-day; each method is one single-document atomic
 * operation. The writes of an apply are conditional on the day's fencing token, so a replica that
 * lost the day changes nothing: they answer false then.
 */
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

  /**
   * Takes the day for this replica if nobody else holds it: raises the fencing token from the one
   * read (a compare-and-set), so every earlier holder's writes fail from now on.
   *
   * @return the day with the new token, or empty if another replica got it first
   */
  Optional<DayRecord> claim(DayRecord read, String owner, Instant until);

  /** Extends the hold; false if the token is no longer ours. */
  boolean renew(DayKey day, long fence, Instant until);

  /** Stores a scope's ledger of the day; false if the token is no longer ours. */
  boolean saveLedger(DayKey day, long fence, String scope, Collection<LedgerSlot> slots);

  /**
   * Settles an apply and lets the day go: the applied revision (never lowered), the status (only if
   * the revision is still the newest; else the day stays PENDING), failures, and the result to
   * publish, all in one write; false if the token is no longer ours.
   */
  boolean settle(DayKey day, long fence, Settlement settlement);

  /** Lets the day go without changing it (handed over, or nothing to do). */
  void release(DayKey day, long fence);

  /**
   * The result stored by the settlement under this token is published: it leaves the outbox (kept
   * if the day was claimed since: the new holder publishes it again, which consumers ignore).
   */
  void published(DayKey day, long fence);

  /** Days of these partitions with a plan not applied yet, or a result not yet published. */
  List<DayKey> unfinished(Set<Integer> partitions);

  /** One user's days with a plan not applied yet. */
  List<DayKey> pendingOf(String userId);

  /**
   * Days of these partitions whose plan waits, held by no replica and not written since {@code
   * untouchedSince}: pending, or waiting for a usable connection.
   */
  List<DayRecord> waiting(Set<Integer> partitions, Instant untouchedSince);

  /** How many days stand in each status, over all users (statuses without a day are left out). */
  Map<DayStatus, Long> countByStatus();

  /** One user's days from {@code from} to {@code to}, both included. */
  List<DayRecord> between(String userId, LocalDate from, LocalDate to);

  /**
   * Makes a day's applied plan pending again (to apply it in another scope), unless the day changed
   * since it was read; takes a new fencing token, so a holder of the day can no longer write it.
   */
  boolean reopen(DayRecord read);

  /**
   * How an apply ended.
   *
   * @param revision the plan revision the apply worked on
   * @param applied whether that revision is now applied (else: a failure or a wait)
   * @param status the day's status, kept only while the revision is still the day's newest
   * @param result the result to publish, null for none
   */
  record Settlement(
      long revision,
      boolean applied,
      DayStatus status,
      String error,
      int failures,
      long reportedFailureRevision,
      DayRecord.PendingResult result) {}
}
