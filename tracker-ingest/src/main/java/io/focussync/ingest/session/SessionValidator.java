package io.focussync.ingest.session;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Checks a session input against the rules; every broken rule is reported, not just the first. */
public final class SessionValidator {

  private static final Set<String> ZONES = ZoneId.getAvailableZoneIds();
  private static final String TRACKED_SECONDS = "trackedSeconds";

  private final SessionRules rules;

  public SessionValidator(SessionRules rules) {
    this.rules = rules;
  }

  /** The valid session, or every violation, judged at {@code now}. */
  public SessionValidation validate(SessionInput input, Instant now) {
    List<Violation> violations = new ArrayList<>();
    if (input.id() != null && !SessionIdentity.isValidClientId(input.id())) {
      violations.add(
          new Violation(
              "id",
              "must be 1 to "
                  + SessionRules.MAX_ID_LENGTH
                  + " characters of A-Z a-z 0-9 . _ ~ @ + = -"));
    }
    checkProjectKey(input.projectKey(), violations);
    Optional<Instant> start = timestamp("start", input.start(), violations);
    Optional<Instant> end = timestamp("end", input.end(), violations);
    if (start.isPresent() && end.isPresent()) {
      checkInterval(start.get(), end.get(), now, violations);
    }
    Long trackedSeconds = trackedSeconds(input.trackedSeconds(), start, end, violations);
    if (input.title() != null && input.title().length() > SessionRules.MAX_TITLE_LENGTH) {
      violations.add(
          new Violation(
              "title", "must have at most " + SessionRules.MAX_TITLE_LENGTH + " characters"));
    } else if (input.title() != null && !isWellFormed(input.title())) {
      violations.add(new Violation("title", "must be well-formed Unicode"));
    }
    checkTags(input.tags(), violations);
    if (input.timeZone() != null && !ZONES.contains(input.timeZone())) {
      violations.add(new Violation("timeZone", "is not a known IANA time zone"));
    }
    if (!violations.isEmpty()) {
      return SessionValidation.invalid(violations);
    }
    return SessionValidation.valid(
        new ValidSession(
            input.id(),
            input.projectKey(),
            start.get(),
            end.get(),
            trackedSeconds,
            input.title(),
            input.tags(),
            input.timeZone()));
  }

  private static void checkProjectKey(String projectKey, List<Violation> violations) {
    if (projectKey == null) {
      violations.add(new Violation("projectKey", "is required"));
    } else if (projectKey.isBlank()) {
      violations.add(new Violation("projectKey", "must not be blank"));
    } else if (projectKey.codePointCount(0, projectKey.length())
        > SessionRules.MAX_PROJECT_KEY_LENGTH) {
      violations.add(
          new Violation(
              "projectKey",
              "must have at most " + SessionRules.MAX_PROJECT_KEY_LENGTH + " characters"));
    } else if (hasControlCharacter(projectKey)) {
      violations.add(
          new Violation("projectKey", "must not contain control characters or broken Unicode"));
    }
  }

  private static Optional<Instant> timestamp(
      String field, String text, List<Violation> violations) {
    if (text == null) {
      violations.add(new Violation(field, "is required"));
      return Optional.empty();
    }
    Optional<Instant> instant = Timestamps.parseWithOffset(text);
    if (instant.isEmpty()) {
      violations.add(
          new Violation(
              field,
              "must be an RFC 3339 timestamp with an offset, e.g. 2026-11-20T09:15:00+01:00"));
    } else if (instant.get().isBefore(Timestamps.EARLIEST)) {
      violations.add(new Violation(field, "must not be before 1970"));
      return Optional.empty();
    }
    return instant;
  }

  private void checkInterval(Instant start, Instant end, Instant now, List<Violation> violations) {
    if (!end.isAfter(start)) {
      violations.add(new Violation("end", "must be after start"));
    } else if (Duration.between(start, end).compareTo(rules.maxDuration()) > 0) {
      violations.add(
          new Violation("end", "the session must not be longer than " + rules.maxDuration()));
    }
    if (start.isAfter(now.plus(rules.maxFutureStart()))) {
      violations.add(
          new Violation(
              "start", "must not be more than " + rules.maxFutureStart() + " in the future"));
    }
  }

  /**
   * The tracked seconds: at least 1 and, when end is after start, at most the span in whole
   * seconds.
   */
  private static Long trackedSeconds(
      String text, Optional<Instant> start, Optional<Instant> end, List<Violation> violations) {
    if (text == null) {
      return null;
    }
    long seconds;
    try {
      seconds = Long.parseLong(text);
    } catch (NumberFormatException e) {
      violations.add(new Violation(TRACKED_SECONDS, "must be a whole number of seconds"));
      return null;
    }
    if (seconds < 1) {
      violations.add(new Violation(TRACKED_SECONDS, "must be at least 1"));
      return null;
    }
    if (start.isPresent() && end.isPresent() && end.get().isAfter(start.get())) {
      long spanSeconds = Duration.between(start.get(), end.get()).getSeconds();
      if (seconds > spanSeconds) {
        violations.add(
            new Violation(
                TRACKED_SECONDS,
                "must not be more than the session's "
                    + spanSeconds
                    + " seconds from start to end"));
        return null;
      }
    }
    return seconds;
  }

  private static void checkTags(List<String> tags, List<Violation> violations) {
    if (tags == null) {
      return;
    }
    if (tags.size() > SessionRules.MAX_TAGS) {
      violations.add(new Violation("tags", "must have at most " + SessionRules.MAX_TAGS + " tags"));
      return;
    }
    for (int i = 0; i < tags.size(); i++) {
      String tag = tags.get(i);
      if (tag == null || tag.isBlank()) {
        violations.add(new Violation("tags[" + i + "]", "must not be blank"));
      } else if (tag.length() > SessionRules.MAX_TAG_LENGTH || hasControlCharacter(tag)) {
        violations.add(
            new Violation(
                "tags[" + i + "]",
                "must have at most "
                    + SessionRules.MAX_TAG_LENGTH
                    + " characters and no control characters"));
      }
    }
  }

  private static boolean hasControlCharacter(String text) {
    return text.chars().anyMatch(Character::isISOControl) || !isWellFormed(text);
  }

  /** False for text with an unpaired surrogate (possible through JSON escapes). */
  static boolean isWellFormed(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
