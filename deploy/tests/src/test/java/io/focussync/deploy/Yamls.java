package io.focussync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Reads YAML documents (strictly: duplicate keys fail) and walks the untyped trees they make. */
final class Yamls {

  private Yamls() {}

  /** Every non-empty document of a file; a document that is not a mapping fails. */
  static List<Map<String, Object>> loadAll(Path file) {
    try {
      return loadAll(Files.readString(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every non-empty document of a text. */
  static List<Map<String, Object>> loadAll(String text, String origin) {
    List<Map<String, Object>> docs = new ArrayList<>();
    for (Object doc : yaml().loadAll(text)) {
      if (doc == null) {
        continue;
      }
      if (!(doc instanceof Map)) {
        throw new IllegalArgumentException(origin + ": a document is not a mapping: " + doc);
      }
      docs.add(map(doc));
    }
    return docs;
  }

  /** One value (any shape): used for inline patches. */
  static Object loadOne(String text) {
    return yaml().load(text);
  }

  private static Yaml yaml() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    return new Yaml(new SafeConstructor(options));
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> map(Object value) {
    return value instanceof Map ? (Map<String, Object>) value : Map.of();
  }

  @SuppressWarnings("unchecked")
  static List<Object> list(Object value) {
    return value instanceof List ? (List<Object>) value : List.of();
  }

  /** The value at a path of map keys, or null. */
  static Object at(Object root, String... path) {
    Object current = root;
    for (String key : path) {
      if (!(current instanceof Map)) {
        return null;
      }
      current = ((Map<?, ?>) current).get(key);
    }
    return current;
  }

  static String str(Object root, String... path) {
    Object value = at(root, path);
    return value == null ? null : String.valueOf(value);
  }

  static List<Map<String, Object>> maps(Object value) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Object item : list(value)) {
      if (item instanceof Map) {
        out.add(map(item));
      }
    }
    return out;
  }

  /** A mutable deep copy of a tree of maps, lists and scalars. */
  @SuppressWarnings("unchecked")
  static <T> T deepCopy(T value) {
    if (value instanceof Map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      ((Map<String, Object>) value).forEach((k, v) -> copy.put(k, deepCopy(v)));
      return (T) copy;
    }
    if (value instanceof List) {
      List<Object> copy = new ArrayList<>();
      for (Object item : (List<Object>) value) {
        copy.add(deepCopy(item));
      }
      return (T) copy;
    }
    return value;
  }

  /** "Kind/name" of a Kubernetes resource, for messages. */
  static String id(Map<String, Object> doc) {
    return str(doc, "kind") + "/" + str(doc, "metadata", "name");
  }
}
