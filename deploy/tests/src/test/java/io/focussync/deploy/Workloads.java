package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The pod specs and containers inside Kubernetes workload resources. */
final class Workloads {

  private static final Set<String> TEMPLATED =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  private Workloads() {}

  /** The pod spec of a workload (Pod, templated workloads, CronJob), or an empty map. */
  static Map<String, Object> podSpec(Map<String, Object> resource) {
    String kind = str(resource, "kind");
    if ("Pod".equals(kind)) {
      return map(resource.get("spec"));
    }
    if ("CronJob".equals(kind)) {
      return map(at(resource, "spec", "jobTemplate", "spec", "template", "spec"));
    }
    if (TEMPLATED.contains(kind)) {
      return map(at(resource, "spec", "template", "spec"));
    }
    return Map.of();
  }

  /** Containers and init containers of a workload. */
  static List<Map<String, Object>> containers(Map<String, Object> resource) {
    Map<String, Object> pod = podSpec(resource);
    List<Map<String, Object>> out = new ArrayList<>(maps(pod.get("initContainers")));
    out.addAll(maps(pod.get("containers")));
    return out;
  }

  static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> doc : docs) {
      if (kind.equals(str(doc, "kind"))) {
        out.add(doc);
      }
    }
    return out;
  }
}
