package io.focussync.ingest.focus.core;

import io.focussync.ingest.session.SessionInput;
import io.focussync.ingest.session.Timestamps;
import io.focussync.ingest.session.Violation;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Turns focus-session bodies into session inputs: {@code duration} minutes become tracked seconds
 * (round(duration × 60), at least 1; 0 or absent: none), a PATCH is merged into the stored session,
 * and the session rules' field names are told in the focus shape's words.
 */
public final class FocusDraft {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);

  private FocusDraft() {}

  /** The input of a session, or the focus fields it broke; the id is left to the caller. */
  public record Result(SessionInput input, List<Violation> violations) {}

  /** A new session from a POST body; without a project key the user's default applies. */
  public static Result create(FocusChange change, Supplier<String> defaultProjectKey) {
    List<Violation> violations = new ArrayList<>();
    String start = change.sessionStart().value();
    String end = change.sessionEnd().value();
    String projectKey = change.projectKey().value();
    if (projectKey == null) {
      projectKey = defaultProjectKey.get();
    }
    String tracked = trackedSeconds(change.duration().value(), start, end, violations);
    return result(null, projectKey, start, end, tracked, change.title().value(), violations);
  }

  /** The stored session with a merge patch applied: absent unchanged, null removed. */
  public static Result patch(
      FocusSession current, FocusChange change, String sourceId, Supplier<String> defaultKey) {
    List<Violation> violations = new ArrayList<>();
    requireNotNull("sessionStart", change.sessionStart(), violations);
    requireNotNull("sessionEnd", change.sessionEnd(), violations);
    String start = change.sessionStart().or(current.start().toString());
    String end = change.sessionEnd().or(current.end().toString());
    String projectKey =
        change.projectKey().isNull()
            ? defaultKey.get()
            : change.projectKey().or(current.projectKey());
    String tracked;
    if (change.duration().present()) {
      tracked = trackedSeconds(change.duration().value(), start, end, violations);
    } else {
      tracked = current.trackedSeconds() == null ? null : current.trackedSeconds().toString();
    }
    String title = change.title().or(current.title());
    return result(sourceId, projectKey, start, end, tracked, title, violations);
  }

  /** The session rules' violations, named as the focus shape names the fields. */
  public static List<Violation> renamed(List<Violation> violations) {
    return violations.stream().map(FocusDraft::renamed).toList();
  }

  /** Minutes of tracked time, else of the span: an integer where whole. */
  public static Number minutes(Long trackedSeconds, Instant start, Instant end) {
    BigDecimal minutes =
        trackedSeconds != null
            ? BigDecimal.valueOf(trackedSeconds).divide(SIXTY, MathContext.DECIMAL64)
            : BigDecimal.valueOf(Duration.between(start, end).toMillis())
                .divide(BigDecimal.valueOf(60_000), MathContext.DECIMAL64);
    BigDecimal stripped = minutes.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      // Not a conditional expression: it would widen the long to a double.
      return stripped.longValueExact();
    }
    return minutes.doubleValue();
  }

  private static Violation renamed(Violation v) {
    String message = v.message().replace("after start", "after sessionStart");
    return switch (v.field()) {
      case "start" -> new Violation("sessionStart", message);
      case "end" -> new Violation("sessionEnd", message);
      case "trackedSeconds" -> new Violation("duration", message);
      default -> new Violation(v.field(), message);
    };
  }

  private static Result result(
      String id,
      String projectKey,
      String start,
      String end,
      String tracked,
      String title,
      List<Violation> violations) {
    SessionInput input = new SessionInput(id, projectKey, start, end, tracked, title, null, null);
    return new Result(input, violations);
  }

  private static void requireNotNull(String name, Field<?> field, List<Violation> violations) {
    if (field.isNull()) {
      violations.add(new Violation(name, "must not be null"));
    }
  }

  /**
   * The tracked seconds of {@code duration} minutes: null for none or 0, a violation when negative
   * or longer than the span.
   */
  private static String trackedSeconds(
      BigDecimal duration, String start, String end, List<Violation> violations) {
    if (duration == null || duration.signum() == 0) {
      return null;
    }
    if (duration.signum() < 0) {
      violations.add(new Violation("duration", "must be at least 0 minutes"));
      return null;
    }
    BigDecimal seconds = duration.multiply(SIXTY);
    Optional<Instant> from = Timestamps.parseWithOffset(start);
    Optional<Instant> to = Timestamps.parseWithOffset(end);
    if (from.isEmpty() || to.isEmpty() || !to.get().isAfter(from.get())) {
      // The interval itself is reported by the session rules.
      return null;
    }
    long spanSeconds = Duration.between(from.get(), to.get()).getSeconds();
    if (seconds.compareTo(BigDecimal.valueOf(spanSeconds)) > 0) {
      violations.add(
          new Violation(
              "duration",
              "must not be more than the session's "
                  + minutes(spanSeconds, from.get(), to.get())
                  + " minutes from sessionStart to sessionEnd"));
      return null;
    }
    return String.valueOf(Math.max(1, seconds.setScale(0, RoundingMode.HALF_UP).longValueExact()));
  }
}
