package io.focussync.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Image references: what makes one pinned, and compose's ${VAR:-default} interpolation. */
final class ImageRef {

  private static final Pattern VARIABLE =
      Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

  private ImageRef() {}

  /** The reference without tag or digest: "registry:5000/a/b:1.0" → "registry:5000/a/b". */
  static String repository(String image) {
    String ref = image.contains("@") ? image.substring(0, image.indexOf('@')) : image;
    int slash = ref.lastIndexOf('/');
    int colon = ref.lastIndexOf(':');
    return colon > slash ? ref.substring(0, colon) : ref;
  }

  /** Why an image reference is not pinned to a version, or empty if it is. */
  static Optional<String> problem(String image) {
    if (image == null || image.isBlank()) {
      return Optional.of("no image");
    }
    if (image.contains("@sha256:")) {
      return Optional.empty();
    }
    String ref = image;
    String repository = repository(ref);
    if (repository.length() == ref.length()) {
      return Optional.of("image without a tag: " + image);
    }
    String tag = ref.substring(repository.length() + 1);
    if (tag.isBlank()) {
      return Optional.of("image with an empty tag: " + image);
    }
    if (tag.equalsIgnoreCase("latest")) {
      return Optional.of("image tagged latest: " + image);
    }
    return Optional.empty();
  }

  /**
   * A compose value with every ${VAR:-default} replaced by its default, or empty when a variable
   * has no default (then the value depends on the environment alone).
   */
  static Optional<String> withDefaults(String value) {
    Matcher m = VARIABLE.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String operator = m.group(2);
      if (operator == null || operator.endsWith("?")) {
        return Optional.empty();
      }
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(3)));
    }
    m.appendTail(out);
    return Optional.of(out.toString());
  }

  /** The names of the variables a compose value interpolates. */
  static List<String> variables(String value) {
    List<String> names = new ArrayList<>();
    Matcher m = VARIABLE.matcher(value);
    while (m.find()) {
      names.add(m.group(1));
    }
    return names;
  }

  /** True when the whole value is one interpolation (so its content comes from the environment). */
  static boolean isSingleInterpolation(String value) {
    Matcher m = VARIABLE.matcher(value.trim());
    return m.matches();
  }
}
