package io.focussync.allocator.allocation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON merge patch (RFC 7396) over plain JSON values (maps with string keys, lists, strings,
 * numbers, booleans, null): an object patch merges member by member, a null member removes it,
 * anything else replaces the target whole. The target is not changed; the result is a new value.
 */
public final class MergePatch {

  private MergePatch() {}

  /** The target with the patch applied. */
  public static Object apply(Object target, Object patch) {
    if (!(patch instanceof Map<?, ?> members)) {
      return patch;
    }
    Map<String, Object> result = new LinkedHashMap<>();
    if (target instanceof Map<?, ?> held) {
      held.forEach((name, value) -> result.put(String.valueOf(name), value));
    }
    members.forEach(
        (name, value) -> {
          String key = String.valueOf(name);
          if (value == null) {
            result.remove(key);
          } else {
            result.put(key, apply(result.get(key), value));
          }
        });
    return result;
  }
}
