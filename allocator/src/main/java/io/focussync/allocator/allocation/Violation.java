package io.focussync.allocator.allocation;

/** One rejected field of the settings and why. */
public record Violation(String field, String message) {}
