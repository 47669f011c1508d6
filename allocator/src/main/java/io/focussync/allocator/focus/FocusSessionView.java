package io.focussync.allocator.focus;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.focussync.allocator.session.StoredSession;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * One session in the focus-session shape (the Meelio API): instants in UTC, {@code duration} in
 * minutes of tracked time (the span where the source gave none), whole minutes as integers; {@code
 * trackedSeconds} too where the source gave it (what a PATCH at tracker-ingest keeps).
 */
public record FocusSessionView(
    String id,
    String userId,
    String sessionStart,
    String sessionEnd,
    Number duration,
    String projectKey,
    @JsonInclude(JsonInclude.Include.NON_NULL) String title,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long trackedSeconds,
    String createdAt,
    String updatedAt) {

  private static final BigDecimal SIXTY = BigDecimal.valueOf(60);
  private static final BigDecimal SIXTY_THOUSAND = BigDecimal.valueOf(60_000);

  /** The view of a live stored session. */
  public static FocusSessionView of(StoredSession s) {
    // Sessions stored before createdAt existed show their last change as both.
    Instant updated = s.updatedAt();
    Instant created = s.createdAt() == null ? updated : s.createdAt();
    return new FocusSessionView(
        s.sessionId(),
        s.userId(),
        s.start().toString(),
        s.end().toString(),
        minutes(s.trackedSeconds(), Duration.between(s.start(), s.end())),
        s.projectKey(),
        s.title(),
        s.trackedSeconds(),
        created == null ? null : created.toString(),
        updated == null ? null : updated.toString());
  }

  /** Tracked seconds in minutes, else the span in minutes; an integer where it is whole. */
  static Number minutes(Long trackedSeconds, Duration span) {
    BigDecimal minutes =
        trackedSeconds != null
            ? BigDecimal.valueOf(trackedSeconds).divide(SIXTY, java.math.MathContext.DECIMAL64)
            : BigDecimal.valueOf(span.toMillis())
                .divide(SIXTY_THOUSAND, java.math.MathContext.DECIMAL64);
    BigDecimal whole = minutes.stripTrailingZeros();
    if (whole.scale() <= 0) {
      return whole.longValueExact();
    }
    return minutes.doubleValue();
  }
}
