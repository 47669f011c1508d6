package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.id;
import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules every Kubernetes manifest here must follow. Each check returns its violations as
 * readable lines (empty: all good), so a test can assert on them and show them all at once.
 */
final class ManifestChecks {

  /** Variables that carry secrets by their name. */
  static final Pattern SECRET_VARIABLE =
      Pattern.compile("(?i).*(SECRET|PASSWORD|PASSWD|TOKEN|CREDENTIAL).*|.*KEY");

  /**
   * Environment variables that carry secrets on Kubernetes: the MongoDB URI too, since the
   * operator's connection string holds the service's password.
   */
  static final Pattern SECRET_NAME =
      Pattern.compile(SECRET_VARIABLE.pattern() + "|FOCUSSYNC_MONGODB_URI");

  /** A URL with credentials in it (user:password@host). */
  static final Pattern CREDENTIAL_URL = Pattern.compile("[a-z+]+://[^/@\\s:]+:[^/@\\s]+@");

  static final String CONSUMES_ANNOTATION = "focussync.io/consumes";

  private ManifestChecks() {}

  /** Every image anywhere (workload containers, any "image" field, kustomize images) is pinned. */
  static List<String> imageTags(List<Map<String, Object>> docs) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      for (Map<String, Object> container : Workloads.containers(doc)) {
        if (container.get("image") == null) {
          problems.add(id(doc) + " container " + str(container, "name") + ": no image");
        }
      }
      walkImages(doc, id(doc), problems);
      if ("Kustomization".equals(str(doc, "kind"))) {
        for (Map<String, Object> image : maps(doc.get("images"))) {
          String tag = str(image, "newTag");
          if (image.get("digest") == null && (tag == null || tag.equalsIgnoreCase("latest"))) {
            problems.add("kustomization image " + str(image, "name") + ": newTag " + tag);
          }
        }
      }
    }
    return problems;
  }

  private static void walkImages(Object node, String where, List<String> problems) {
    if (node instanceof Map) {
      for (Map.Entry<String, Object> e : map(node).entrySet()) {
        if (e.getKey().equals("image") && !(e.getValue() instanceof Map)) {
          String image = e.getValue() == null ? null : String.valueOf(e.getValue());
          ImageRef.problem(image).ifPresent(p -> problems.add(where + ": " + p));
        } else {
          walkImages(e.getValue(), where, problems);
        }
      }
    } else if (node instanceof List) {
      list(node).forEach(item -> walkImages(item, where, problems));
    }
  }

  /**
   * Every Deployment: liveness and readiness probes on the actuator groups, requests and limits for
   * CPU and memory, and a locked-down security context (non-root, read-only root file system, no
   * privilege escalation, all capabilities dropped).
   */
  static List<String> deployments(List<Map<String, Object>> docs) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
      Map<String, Object> pod = Workloads.podSpec(deployment);
      if (Workloads.containers(deployment).isEmpty()) {
        problems.add(id(deployment) + ": no containers");
      }
      for (Map<String, Object> container : maps(pod.get("containers"))) {
        String where = id(deployment) + " container " + str(container, "name");
        probe(container, "livenessProbe", "/actuator/health/liveness", where, problems);
        probe(container, "readinessProbe", "/actuator/health/readiness", where, problems);
        resources(container, where, problems);
        security(pod, container, where, problems);
      }
      for (Map<String, Object> init : maps(pod.get("initContainers"))) {
        String where = id(deployment) + " init container " + str(init, "name");
        resources(init, where, problems);
        security(pod, init, where, problems);
      }
    }
    return problems;
  }

  private static void probe(
      Map<String, Object> container,
      String probe,
      String path,
      String where,
      List<String> problems) {
    Object value = container.get(probe);
    if (value == null) {
      problems.add(where + ": no " + probe);
    } else if (!path.equals(str(value, "httpGet", "path"))) {
      problems.add(where + ": " + probe + " is not an HTTP GET of " + path);
    }
  }

  private static void resources(
      Map<String, Object> container, String where, List<String> problems) {
    for (String kind : List.of("requests", "limits")) {
      for (String resource : List.of("cpu", "memory")) {
        if (at(container, "resources", kind, resource) == null) {
          problems.add(where + ": no " + kind + "." + resource);
        }
      }
    }
  }

  private static void security(
      Map<String, Object> pod, Map<String, Object> container, String where, List<String> problems) {
    Map<String, Object> podContext = map(pod.get("securityContext"));
    Map<String, Object> context = map(container.get("securityContext"));
    Object nonRoot =
        context.containsKey("runAsNonRoot")
            ? context.get("runAsNonRoot")
            : podContext.get("runAsNonRoot");
    if (!Boolean.TRUE.equals(nonRoot)) {
      problems.add(where + ": runAsNonRoot is not true");
    }
    Object user =
        context.containsKey("runAsUser") ? context.get("runAsUser") : podContext.get("runAsUser");
    if (user != null && ((Number) user).longValue() == 0) {
      problems.add(where + ": runs as user 0");
    }
    if (!Boolean.FALSE.equals(context.get("allowPrivilegeEscalation"))) {
      problems.add(where + ": allowPrivilegeEscalation is not false");
    }
    if (!Boolean.TRUE.equals(context.get("readOnlyRootFilesystem"))) {
      problems.add(where + ": readOnlyRootFilesystem is not true");
    }
    if (Boolean.TRUE.equals(context.get("privileged"))) {
      problems.add(where + ": privileged");
    }
    List<Object> drop = list(at(context, "capabilities", "drop"));
    if (!drop.contains("ALL")) {
      problems.add(where + ": capabilities.drop does not contain ALL");
    }
    if (!list(at(context, "capabilities", "add")).isEmpty()) {
      problems.add(where + ": adds capabilities " + at(context, "capabilities", "add"));
    }
  }

  /**
   * Secrets reach containers only one by one through secretKeyRef: never as a literal value, never
   * through envFrom of a whole Secret, never in a ConfigMap, never committed as a Secret resource.
   */
  static List<String> secrets(List<Map<String, Object>> docs) {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      String kind = str(doc, "kind");
      if ("Secret".equals(kind) && (doc.get("data") != null || doc.get("stringData") != null)) {
        problems.add(id(doc) + ": secret values committed in a manifest");
      }
      if ("ConfigMap".equals(kind)) {
        map(doc.get("data"))
            .forEach(
                (key, value) -> {
                  if (SECRET_NAME.matcher(key).matches()) {
                    problems.add(id(doc) + ": secret-like key " + key + " in a ConfigMap");
                  }
                  if (value != null && CREDENTIAL_URL.matcher(String.valueOf(value)).find()) {
                    problems.add(id(doc) + ": credentials in a URL under " + key);
                  }
                });
      }
      for (Map<String, Object> container : Workloads.containers(doc)) {
        String where = id(doc) + " container " + str(container, "name");
        for (Map<String, Object> from : maps(container.get("envFrom"))) {
          if (from.get("secretRef") != null) {
            problems.add(where + ": envFrom a whole Secret (use secretKeyRef per variable)");
          }
        }
        for (Map<String, Object> env : maps(container.get("env"))) {
          String name = str(env, "name");
          boolean fromSecret = at(env, "valueFrom", "secretKeyRef") != null;
          if (SECRET_NAME.matcher(name).matches() && !fromSecret) {
            problems.add(where + ": " + name + " does not come from a secretKeyRef");
          }
          Object value = env.get("value");
          if (value != null && CREDENTIAL_URL.matcher(String.valueOf(value)).find()) {
            problems.add(where + ": " + name + " has credentials in a literal URL");
          }
        }
      }
    }
    return problems;
  }

  /**
   * Every HorizontalPodAutoscaler scales a Deployment that names the topics it consumes (annotation
   * focussync.io/consumes), each declared as a KafkaTopic, and never beyond their partitions.
   */
  static List<String> autoscalersWithinPartitions(List<Map<String, Object>> docs) {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> partitions = new HashMap<>();
    for (Map<String, Object> topic : Workloads.ofKind(docs, "KafkaTopic")) {
      String name =
          topic.get("spec") != null && at(topic, "spec", "topicName") != null
              ? str(topic, "spec", "topicName")
              : str(topic, "metadata", "name");
      Object count = at(topic, "spec", "partitions");
      partitions.put(name, count == null ? null : ((Number) count).intValue());
    }
    Map<String, Map<String, Object>> deployments = new HashMap<>();
    Workloads.ofKind(docs, "Deployment")
        .forEach(d -> deployments.put(str(d, "metadata", "name"), d));
    for (Map<String, Object> hpa : Workloads.ofKind(docs, "HorizontalPodAutoscaler")) {
      String where = id(hpa);
      Object max = at(hpa, "spec", "maxReplicas");
      Object min = at(hpa, "spec", "minReplicas");
      if (max == null) {
        problems.add(where + ": no maxReplicas");
        continue;
      }
      int maxReplicas = ((Number) max).intValue();
      if (min != null && ((Number) min).intValue() > maxReplicas) {
        problems.add(where + ": minReplicas above maxReplicas");
      }
      String targetKind = str(hpa, "spec", "scaleTargetRef", "kind");
      Map<String, Object> target = deployments.get(str(hpa, "spec", "scaleTargetRef", "name"));
      if (!"Deployment".equals(targetKind) || target == null) {
        problems.add(where + ": scales no Deployment of these manifests");
        continue;
      }
      List<String> topics = consumedTopics(target);
      if (topics.isEmpty()) {
        problems.add(
            where + ": its Deployment names no consumed topics (" + CONSUMES_ANNOTATION + ")");
      }
      for (String topic : topics) {
        Integer count = partitions.get(topic);
        if (count == null) {
          problems.add(where + ": consumed topic " + topic + " is not declared as a KafkaTopic");
        } else if (maxReplicas > count) {
          problems.add(
              where
                  + ": maxReplicas "
                  + maxReplicas
                  + " above the "
                  + count
                  + " partitions of "
                  + topic);
        }
      }
    }
    return problems;
  }

  static List<String> consumedTopics(Map<String, Object> deployment) {
    String value = str(deployment, "metadata", "annotations", CONSUMES_ANNOTATION);
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(","))
        .map(String::trim)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toList());
  }

  /**
   * At least {@code minimum} pods of every Deployment: its replicas, or the minReplicas of the HPA
   * that owns it (which must then leave spec.replicas unset, or every apply resets the scale).
   */
  static List<String> replicasAtLeast(List<Map<String, Object>> docs, int minimum) {
    List<String> problems = new ArrayList<>();
    Map<String, Map<String, Object>> autoscalers = new HashMap<>();
    for (Map<String, Object> hpa : Workloads.ofKind(docs, "HorizontalPodAutoscaler")) {
      autoscalers.put(str(hpa, "spec", "scaleTargetRef", "name"), hpa);
    }
    for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
      String name = str(deployment, "metadata", "name");
      Map<String, Object> hpa = autoscalers.get(name);
      Object replicas = at(deployment, "spec", "replicas");
      int effective;
      if (hpa != null) {
        if (replicas != null) {
          problems.add(id(deployment) + ": sets replicas although " + id(hpa) + " owns the count");
        }
        Object min = at(hpa, "spec", "minReplicas");
        effective = min == null ? 1 : ((Number) min).intValue();
      } else {
        effective = replicas == null ? 1 : ((Number) replicas).intValue();
      }
      if (effective < minimum) {
        problems.add(id(deployment) + ": runs " + effective + " replica(s), fewer than " + minimum);
      }
    }
    return problems;
  }

  /** Every rule above, for one set of documents. */
  static List<String> all(List<Map<String, Object>> docs) {
    List<String> problems = new ArrayList<>();
    problems.addAll(imageTags(docs));
    problems.addAll(deployments(docs));
    problems.addAll(secrets(docs));
    problems.addAll(autoscalersWithinPartitions(docs));
    return problems;
  }
}
