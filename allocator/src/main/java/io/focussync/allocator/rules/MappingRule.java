package io.focussync.allocator.rules;

/** One ordered rule of a user's project mapping. */
public record MappingRule(MatchKind match, String pattern, String projectId) {}
