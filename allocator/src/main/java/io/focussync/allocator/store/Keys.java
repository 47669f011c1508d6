package io.focussync.allocator.store;

/** Document ids that cannot collide whatever characters a user id holds. */
final class Keys {

  private Keys() {}

  static String of(String userId, String rest) {
    return userId.length() + ":" + userId + "|" + rest;
  }
}
