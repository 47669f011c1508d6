package io.focussync.gateway.user.core;

import java.util.Optional;

/** The rule for a user's name: 1 to 100 characters, not only blanks, no control characters. */
public final class UserNames {

  public static final int MAX_LENGTH = 100;

  private UserNames() {}

  /** Why a name is not acceptable, or empty if it is. */
  public static Optional<String> problemWith(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("must not be blank");
    }
    if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
      return Optional.of("must have at most " + MAX_LENGTH + " characters");
    }
    if (name.codePoints().anyMatch(Character::isISOControl)) {
      return Optional.of("must not contain control characters");
    }
    return Optional.empty();
  }
}
