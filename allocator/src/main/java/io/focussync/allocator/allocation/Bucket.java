package io.focussync.allocator.allocation;

import java.util.List;

/**
 * One bucket of a day: a mapped Clockify project or Other, with the time tracked into it.
 *
 * @param slot {@code project:<id>} or {@code other}
 * @param projectId the Clockify project, for Other the configured other project (may be null)
 * @param trackedMillis the sessions' time inside the local day: their tracked time where the source
 *     gave one (in proportion to the part of the session inside the day), else their span
 * @param share trackedMillis over the day's total
 * @param keys the project keys that went into the bucket and why
 * @param sessionIds the contributing sessions, sorted
 */
public record Bucket(
    String slot,
    String projectId,
    long trackedMillis,
    double share,
    List<KeyShare> keys,
    List<String> sessionIds) {

  /** One project key within a bucket. */
  public record KeyShare(String projectKey, long trackedMillis, String rule) {}
}
