package io.focussync.contracts;

/** The Kafka topic names of the platform; every message on them is keyed by userId. */
public final class Topics {

  public static final String SESSIONS = "focussync.sessions.v1";
  public static final String DAY_PLANS = "focussync.day-plans.v1";
  public static final String SYNC_RESULTS = "focussync.sync-results.v1";

  private Topics() {}
}
