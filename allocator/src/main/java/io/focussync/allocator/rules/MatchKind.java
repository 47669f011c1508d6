package io.focussync.allocator.rules;

/** How a mapping rule's pattern is compared with a project key. */
public enum MatchKind {
  /** The key starts with the pattern. */
  PREFIX,
  /** The whole key matches a glob: {@code *} any run of characters, {@code ?} one character. */
  GLOB,
  /** The pattern (Java regex syntax) is found somewhere in the key; anchor it to match all. */
  REGEX
}
