package io.focussync.cli.claudetracker;

import io.focussync.cli.http.Json;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;

/**
 * Turns a tracker row into the sessions sent for it: id from the transcript path, projectKey = the
 * full project path, title = the transcript's file name, trackedSeconds = duration_seconds clamped
 * to [1, span]. A session longer than the server's 24 h limit is clipped into pieces at UTC
 * midnights, with ids {@code <id>.<yyyy-mm-dd>} and the tracked time split in proportion.
 */
public final class SessionPlanner {

  /** The server's longest session ({@code focussync.ingest.max-session-duration}). */
  public static final long MAX_SESSION_SECONDS = Duration.ofHours(24).toSeconds();

  private static final int MAX_TITLE = 2000;
  private static final int MAX_PIECES = 400;

  private SessionPlanner() {}

  /** The row's sessions; none for a row whose end is not after its start (nothing to track). */
  public static RowPlan plan(TrackerRow row) throws InvalidRowException {
    if (row.sourcePath() == null || row.sourcePath().isEmpty()) {
      throw new InvalidRowException("source_path is empty");
    }
    if (row.project() == null || row.project().isBlank()) {
      throw new InvalidRowException("project is empty");
    }
    Instant start = instant("start_time", row.startTime());
    Instant end = instant("end_time", row.endTime());
    long span = Duration.between(start, end).toSeconds();
    List<OutgoingSession> sessions = new ArrayList<>();
    if (span > 0) {
      String id = SessionIds.of(row.sourcePath());
      String title = title(row.sourcePath());
      long tracked = Math.max(1, Math.min(span, row.durationSeconds()));
      if (span <= MAX_SESSION_SECONDS) {
        sessions.add(new OutgoingSession(id, row.project(), start, end, title, tracked));
      } else {
        sessions.addAll(clip(id, row.project(), start, end, title, tracked, span));
      }
    }
    List<byte[]> bodies = new ArrayList<>();
    ArrayNode all = Json.MAPPER.createArrayNode();
    for (OutgoingSession session : sessions) {
      bodies.add(Json.MAPPER.writeValueAsBytes(session.toJson()));
      all.add(session.toJson());
    }
    String hash =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(SessionIds.sha256(Json.MAPPER.writeValueAsBytes(all)));
    return new RowPlan(row.sourcePath(), List.copyOf(sessions), List.copyOf(bodies), hash);
  }

  private static List<OutgoingSession> clip(
      String id, String project, Instant start, Instant end, String title, long tracked, long span)
      throws InvalidRowException {
    List<Instant> bounds = new ArrayList<>();
    bounds.add(start);
    Instant cut = start.truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
    while (cut.isBefore(end)) {
      bounds.add(cut);
      cut = cut.plus(1, ChronoUnit.DAYS);
      if (bounds.size() > MAX_PIECES) {
        throw new InvalidRowException("longer than " + MAX_PIECES + " days");
      }
    }
    bounds.add(end);
    int pieces = bounds.size() - 1;
    long[] spans = new long[pieces];
    for (int i = 0; i < pieces; i++) {
      spans[i] = Duration.between(bounds.get(i), bounds.get(i + 1)).toSeconds();
    }
    long[] shares = proportional(tracked, spans, span);
    List<OutgoingSession> sessions = new ArrayList<>(pieces);
    for (int i = 0; i < pieces; i++) {
      Instant from = bounds.get(i);
      LocalDate day = LocalDate.ofInstant(from, ZoneOffset.UTC);
      long share = Math.max(1, Math.min(spans[i], shares[i]));
      sessions.add(
          new OutgoingSession(id + "." + day, project, from, bounds.get(i + 1), title, share));
    }
    return sessions;
  }

  // Largest remainder: the shares add up to the total exactly.
  static long[] proportional(long total, long[] spans, long span) {
    long[] shares = new long[spans.length];
    long[] remainders = new long[spans.length];
    long given = 0;
    for (int i = 0; i < spans.length; i++) {
      shares[i] = Math.multiplyExact(total, spans[i]) / span;
      remainders[i] = Math.multiplyExact(total, spans[i]) % span;
      given += shares[i];
    }
    for (long left = total - given; left > 0; left--) {
      int best = 0;
      for (int i = 1; i < spans.length; i++) {
        if (remainders[i] > remainders[best]) {
          best = i;
        }
      }
      shares[best]++;
      remainders[best] = -1;
    }
    return shares;
  }

  private static Instant instant(String column, String text) throws InvalidRowException {
    if (text == null || text.isBlank()) {
      throw new InvalidRowException(column + " is empty");
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text.strip()).toInstant();
      } catch (DateTimeParseException again) {
        throw new InvalidRowException(
            column + " '" + text + "' is not a UTC time like 2026-11-20T09:15:00Z");
      }
    }
  }

  private static String title(String sourcePath) {
    int slash = Math.max(sourcePath.lastIndexOf('/'), sourcePath.lastIndexOf('\\'));
    String name = sourcePath.substring(slash + 1);
    if (name.isBlank()) {
      return null;
    }
    if (name.length() > MAX_TITLE) {
      int cut = Character.isHighSurrogate(name.charAt(MAX_TITLE - 1)) ? MAX_TITLE - 1 : MAX_TITLE;
      name = name.substring(0, cut);
    }
    return name;
  }
}
