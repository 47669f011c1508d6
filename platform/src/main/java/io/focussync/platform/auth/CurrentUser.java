package io.focussync.platform.auth;

/**
 * The user a request acts for, verified by {@link InternalAuthFilter}; a controller method takes it
 * as a parameter.
 */
public record CurrentUser(String id) {

  static final String ATTRIBUTE = CurrentUser.class.getName();
}
