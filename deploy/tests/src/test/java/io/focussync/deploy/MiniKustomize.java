package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of {@code kustomize build} these manifests use (resources, patches: strategic-merge and
 * JSON 6902, replicas, images, labels, namespace), so the overlays can be rendered and checked
 * without the kustomize binary. Any other kustomization field fails loudly instead of being
 * ignored; where kubectl is installed, {@code KubectlKustomizeTest} compares this with the real
 * thing.
 */
final class MiniKustomize {

  static final Set<String> FILE_NAMES =
      Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  private static final Set<String> SUPPORTED =
      Set.of(
          "apiVersion",
          "kind",
          "resources",
          "namespace",
          "labels",
          "images",
          "replicas",
          "patches");

  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "ClusterRole",
          "ClusterRoleBinding",
          "CustomResourceDefinition",
          "PersistentVolume",
          "StorageClass",
          "PriorityClass",
          "IngressClass");

  private static final Set<String> SCALABLE =
      Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

  private MiniKustomize() {}

  /** The kustomization file of a directory, or null. */
  static Path kustomizationFile(Path dir) {
    for (String name : FILE_NAMES) {
      Path file = dir.resolve(name);
      if (Files.isRegularFile(file)) {
        return file;
      }
    }
    return null;
  }

  /**
   * Every file or directory a kustomization refers to that is missing (a directory must hold a
   * kustomization of its own), and every remote reference (not checkable here).
   */
  static List<String> missingReferences(Path kustomization) {
    Path dir = kustomization.getParent();
    Map<String, Object> k = Yamls.loadAll(kustomization).get(0);
    List<String> refs = new ArrayList<>();
    for (String field : List.of("resources", "components", "patchesStrategicMerge", "crds")) {
      list(k.get(field)).forEach(r -> refs.add(String.valueOf(r)));
    }
    for (String field : List.of("patches", "patchesJson6902")) {
      for (Map<String, Object> patch : maps(k.get(field))) {
        if (patch.get("path") != null) {
          refs.add(String.valueOf(patch.get("path")));
        }
      }
    }
    for (String field : List.of("configMapGenerator", "secretGenerator")) {
      for (Map<String, Object> gen : maps(k.get(field))) {
        for (Object file : list(gen.get("files"))) {
          String f = String.valueOf(file);
          refs.add(f.contains("=") ? f.substring(f.indexOf('=') + 1) : f);
        }
        list(gen.get("envs")).forEach(e -> refs.add(String.valueOf(e)));
      }
    }
    List<String> problems = new ArrayList<>();
    for (String ref : refs) {
      if (ref.contains("://") || ref.startsWith("github.com/")) {
        problems.add(kustomization + ": remote reference cannot be checked: " + ref);
        continue;
      }
      Path target = dir.resolve(ref).normalize();
      if (Files.isDirectory(target)) {
        if (kustomizationFile(target) == null) {
          problems.add(kustomization + ": directory without a kustomization: " + ref);
        }
      } else if (!Files.isRegularFile(target)) {
        problems.add(kustomization + ": missing: " + ref);
      }
    }
    return problems;
  }

  /** The resources a kustomization directory builds to. */
  static List<Map<String, Object>> build(Path dir) {
    Path file = kustomizationFile(dir);
    if (file == null) {
      throw new IllegalArgumentException("no kustomization in " + dir);
    }
    Map<String, Object> k = Yamls.loadAll(file).get(0);
    for (String key : k.keySet()) {
      if (!SUPPORTED.contains(key)) {
        throw new IllegalArgumentException(file + ": field not supported by MiniKustomize: " + key);
      }
    }
    List<Map<String, Object>> resources = new ArrayList<>();
    for (Object entry : list(k.get("resources"))) {
      Path path = dir.resolve(String.valueOf(entry)).normalize();
      if (Files.isDirectory(path)) {
        resources.addAll(build(path));
      } else {
        resources.addAll(Yamls.deepCopy(Yamls.loadAll(path)));
      }
    }
    for (Map<String, Object> patch : maps(k.get("patches"))) {
      applyPatch(dir, patch, resources);
    }
    for (Map<String, Object> replica : maps(k.get("replicas"))) {
      setReplicas(resources, str(replica, "name"), ((Number) replica.get("count")).intValue());
    }
    for (Map<String, Object> image : maps(k.get("images"))) {
      setImage(resources, image);
    }
    for (Map<String, Object> label : maps(k.get("labels"))) {
      if (Boolean.TRUE.equals(label.get("includeSelectors"))
          || Boolean.TRUE.equals(label.get("includeTemplates"))) {
        throw new IllegalArgumentException(file + ": labels into selectors/templates unsupported");
      }
      for (Map<String, Object> resource : resources) {
        metadataMap(resource, "labels").putAll(map(label.get("pairs")));
      }
    }
    if (k.get("namespace") != null) {
      for (Map<String, Object> resource : resources) {
        if (!CLUSTER_SCOPED.contains(str(resource, "kind"))) {
          map(resource.get("metadata")).put("namespace", k.get("namespace"));
        }
      }
    }
    return resources;
  }

  private static Map<String, Object> metadataMap(Map<String, Object> resource, String field) {
    Map<String, Object> metadata = map(resource.get("metadata"));
    Object existing = metadata.get(field);
    if (!(existing instanceof Map)) {
      metadata.put(field, new LinkedHashMap<String, Object>());
    }
    return map(metadata.get(field));
  }

  private static void applyPatch(
      Path dir, Map<String, Object> entry, List<Map<String, Object>> resources) {
    String text =
        entry.get("path") != null
            ? RepoFiles.read(dir.resolve(String.valueOf(entry.get("path"))))
            : String.valueOf(entry.get("patch"));
    Object patch = Yamls.loadOne(text);
    Map<String, Object> target = map(entry.get("target"));
    boolean json6902 = patch instanceof List;
    if (json6902 && target.isEmpty()) {
      throw new IllegalArgumentException("a JSON 6902 patch needs a target: " + entry);
    }
    int matched = 0;
    for (Map<String, Object> resource : resources) {
      boolean matches =
          target.isEmpty() ? samePatchId(resource, map(patch)) : matchesTarget(resource, target);
      if (!matches) {
        continue;
      }
      matched++;
      if (json6902) {
        for (Map<String, Object> op : maps(patch)) {
          JsonPatch.apply(resource, op);
        }
      } else {
        Map<String, Object> body = Yamls.deepCopy(map(patch));
        body.remove("apiVersion");
        body.remove("kind");
        Map<String, Object> metadata = map(body.get("metadata"));
        if (!metadata.isEmpty()) {
          metadata.remove("name");
          metadata.remove("namespace");
        }
        merge(resource, body, isBuiltIn(resource));
      }
    }
    if (matched == 0) {
      throw new IllegalArgumentException("patch matches no resource: " + entry);
    }
  }

  private static boolean samePatchId(Map<String, Object> resource, Map<String, Object> patch) {
    return str(resource, "kind").equals(str(patch, "kind"))
        && str(resource, "metadata", "name").equals(str(patch, "metadata", "name"));
  }

  private static boolean matchesTarget(Map<String, Object> resource, Map<String, Object> target) {
    if (target.get("kind") != null && !str(target, "kind").equals(str(resource, "kind"))) {
      return false;
    }
    if (target.get("name") != null
        && !Pattern.matches(str(target, "name"), str(resource, "metadata", "name"))) {
      return false;
    }
    for (String unsupported : List.of("labelSelector", "annotationSelector", "namespace")) {
      if (target.get(unsupported) != null) {
        throw new IllegalArgumentException("patch target field not supported: " + unsupported);
      }
    }
    String apiVersion = str(resource, "apiVersion");
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    String version = apiVersion.substring(apiVersion.indexOf('/') + 1);
    return (target.get("group") == null || str(target, "group").equals(group))
        && (target.get("version") == null || str(target, "version").equals(version));
  }

  /**
   * Kubernetes' own kinds merge named lists (containers, env, volumes); custom resources replace.
   */
  private static boolean isBuiltIn(Map<String, Object> resource) {
    String apiVersion = str(resource, "apiVersion");
    if (!apiVersion.contains("/")) {
      return true;
    }
    String group = apiVersion.substring(0, apiVersion.indexOf('/'));
    return !group.contains(".") || group.endsWith(".k8s.io");
  }

  /** Strategic-merge, as far as these manifests need it. */
  @SuppressWarnings("unchecked")
  static void merge(Map<String, Object> target, Map<String, Object> patch, boolean namedLists) {
    for (Map.Entry<String, Object> e : patch.entrySet()) {
      String key = e.getKey();
      Object value = e.getValue();
      if (key.startsWith("$")) {
        throw new IllegalArgumentException("patch directive not supported: " + key);
      }
      Object existing = target.get(key);
      if (value == null) {
        target.remove(key);
      } else if (existing instanceof Map && value instanceof Map) {
        merge((Map<String, Object>) existing, (Map<String, Object>) value, namedLists);
      } else if (namedLists
          && existing instanceof List
          && value instanceof List
          && allNamed((List<Object>) existing)
          && allNamed((List<Object>) value)) {
        mergeByName((List<Object>) existing, (List<Object>) value);
      } else {
        target.put(key, Yamls.deepCopy(value));
      }
    }
  }

  private static boolean allNamed(List<Object> items) {
    return !items.isEmpty()
        && items.stream().allMatch(i -> i instanceof Map && ((Map<?, ?>) i).get("name") != null);
  }

  private static void mergeByName(List<Object> target, List<Object> patch) {
    for (Object item : patch) {
      Map<String, Object> patchItem = map(item);
      Map<String, Object> match = null;
      for (Object existing : target) {
        if (patchItem.get("name").equals(map(existing).get("name"))) {
          match = map(existing);
        }
      }
      if (match == null) {
        target.add(Yamls.deepCopy(patchItem));
      } else {
        merge(match, patchItem, true);
      }
    }
  }

  private static void setReplicas(List<Map<String, Object>> resources, String name, int count) {
    boolean found = false;
    for (Map<String, Object> resource : resources) {
      if (SCALABLE.contains(str(resource, "kind"))
          && name.equals(str(resource, "metadata", "name"))) {
        map(resource.get("spec")).put("replicas", count);
        found = true;
      }
    }
    if (!found) {
      throw new IllegalArgumentException("replicas: no workload named " + name);
    }
  }

  private static void setImage(List<Map<String, Object>> resources, Map<String, Object> rule) {
    String name = str(rule, "name");
    for (Map<String, Object> resource : resources) {
      for (Map<String, Object> container : Workloads.containers(resource)) {
        String image = str(container, "image");
        if (image == null || !name.equals(ImageRef.repository(image))) {
          continue;
        }
        String repository = rule.get("newName") != null ? str(rule, "newName") : name;
        String result;
        if (rule.get("digest") != null) {
          result = repository + "@" + str(rule, "digest");
        } else if (rule.get("newTag") != null) {
          result = repository + ":" + str(rule, "newTag");
        } else {
          result = repository + image.substring(ImageRef.repository(image).length());
        }
        container.put("image", result);
      }
    }
  }

  /** The JSON 6902 operations these overlays use: add, replace, remove. */
  static final class JsonPatch {

    private JsonPatch() {}

    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> doc, Map<String, Object> op) {
      String kind = str(op, "op");
      List<String> path = new ArrayList<>();
      for (String token : str(op, "path").substring(1).split("/", -1)) {
        path.add(token.replace("~1", "/").replace("~0", "~"));
      }
      Object parent = doc;
      for (String token : path.subList(0, path.size() - 1)) {
        parent =
            parent instanceof List ? list(parent).get(Integer.parseInt(token)) : at(parent, token);
        if (parent == null) {
          throw new IllegalArgumentException("no such path: " + op);
        }
      }
      String last = path.get(path.size() - 1);
      Object value = Yamls.deepCopy(op.get("value"));
      if (parent instanceof Map) {
        Map<String, Object> m = (Map<String, Object>) parent;
        if (!kind.equals("add") && !m.containsKey(last)) {
          throw new IllegalArgumentException("no such path: " + op);
        }
        switch (kind) {
          case "add":
          case "replace":
            m.put(last, value);
            break;
          case "remove":
            m.remove(last);
            break;
          default:
            throw new IllegalArgumentException("op not supported: " + op);
        }
      } else {
        List<Object> l = list(parent);
        int index = last.equals("-") ? l.size() : Integer.parseInt(last);
        switch (kind) {
          case "add":
            l.add(index, value);
            break;
          case "replace":
            l.set(index, value);
            break;
          case "remove":
            l.remove(index);
            break;
          default:
            throw new IllegalArgumentException("op not supported: " + op);
        }
      }
    }
  }
}
