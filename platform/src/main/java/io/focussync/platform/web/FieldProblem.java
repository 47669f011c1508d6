package io.focussync.platform.web;

/** One rejected field of a request: the {@code errors[]} item of a validation problem. */
public record FieldProblem(String field, String message) {}
