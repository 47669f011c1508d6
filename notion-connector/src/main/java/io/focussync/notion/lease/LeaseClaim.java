package io.focussync.notion.lease;

/**
 * A decision about a lease and the lease to write if it is not {@link LeaseDecision#LEAVE}.
 *
 * @param next the lease after the claim; the current one when leaving
 */
public record LeaseClaim(LeaseDecision decision, Lease next) {}
