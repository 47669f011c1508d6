package io.focussync.cli.claudetracker;

/**
 * One row of claude-tracker's {@code sessions} table, as far as Focus Sync uses it.
 *
 * @param sourcePath the transcript file: the session's stable identity
 * @param project the project's full path
 * @param startTime UTC, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param endTime UTC, {@code YYYY-MM-DDTHH:MM:SSZ}
 * @param durationSeconds the tracked (active) time, at most the span
 */
public record TrackerRow(
    String sourcePath, String project, String startTime, String endTime, long durationSeconds) {}
