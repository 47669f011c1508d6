package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.str;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The rules the docker-compose file must follow; each check returns its violations. */
final class ComposeChecks {

  private ComposeChecks() {}

  static Map<String, Object> services(Map<String, Object> compose) {
    return map(compose.get("services"));
  }

  /** Every service has a health check that is not disabled. */
  static List<String> healthchecks(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              Object healthcheck = map(service).get("healthcheck");
              List<Object> test = list(at(healthcheck, "test"));
              if (healthcheck == null) {
                problems.add("service " + name + ": no healthcheck");
              } else if (Boolean.TRUE.equals(at(healthcheck, "disable"))
                  || (!test.isEmpty() && "NONE".equals(test.get(0)))) {
                problems.add("service " + name + ": healthcheck disabled");
              } else if (at(healthcheck, "test") == null) {
                problems.add("service " + name + ": healthcheck without a test");
              }
            });
    return problems;
  }

  /** Every dependency waits for the other service to be healthy. */
  static List<String> dependenciesWaitForHealth(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              Object dependsOn = map(service).get("depends_on");
              if (dependsOn instanceof List) {
                problems.add("service " + name + ": depends_on without condition: service_healthy");
              }
              map(dependsOn)
                  .forEach(
                      (dependency, spec) -> {
                        if (!"service_healthy".equals(str(spec, "condition"))) {
                          problems.add(
                              "service "
                                  + name
                                  + ": waits for "
                                  + dependency
                                  + " without service_healthy");
                        }
                      });
            });
    return problems;
  }

  /** Every service has a memory limit. */
  static List<String> memoryLimits(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              if (at(service, "deploy", "resources", "limits", "memory") == null
                  && map(service).get("mem_limit") == null) {
                problems.add("service " + name + ": no memory limit");
              }
            });
    return problems;
  }

  /** Only the named services publish ports on the host. */
  static List<String> publishedPortsOnlyOn(Map<String, Object> compose, Set<String> allowed) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              if (map(service).get("ports") != null && !allowed.contains(name)) {
                problems.add("service " + name + ": publishes ports");
              }
            });
    return problems;
  }

  /** Every image pinned (with compose defaults filled in); services that only build need none. */
  static List<String> imageTags(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) -> {
              String image = str(service, "image");
              if (image == null) {
                if (map(service).get("build") == null) {
                  problems.add("service " + name + ": no image");
                }
                return;
              }
              var resolved = ImageRef.withDefaults(image);
              if (resolved.isEmpty()) {
                problems.add(
                    "service " + name + ": image " + image + " has a variable without default");
              } else {
                ImageRef.problem(resolved.get())
                    .ifPresent(p -> problems.add("service " + name + ": " + p));
              }
            });
    return problems;
  }

  /**
   * Secret variables are interpolated from the environment (.env), never written in the file; no
   * URL carries credentials (compose's MongoDB is reachable only inside the compose network).
   */
  static List<String> secrets(Map<String, Object> compose) {
    List<String> problems = new ArrayList<>();
    services(compose)
        .forEach(
            (name, service) ->
                environment(service)
                    .forEach(
                        (key, value) -> {
                          if (ManifestChecks.SECRET_VARIABLE.matcher(key).matches()
                              && (value == null || !ImageRef.isSingleInterpolation(value))) {
                            problems.add(
                                "service "
                                    + name
                                    + ": "
                                    + key
                                    + " is not taken from the environment");
                          }
                          if (value != null
                              && ManifestChecks.CREDENTIAL_URL.matcher(value).find()) {
                            problems.add(
                                "service " + name + ": " + key + " has credentials in a URL");
                          }
                        }));
    return problems;
  }

  /** A service's environment in either compose form (map, or list of KEY=VALUE). */
  static Map<String, String> environment(Object service) {
    Map<String, String> env = new LinkedHashMap<>();
    Object raw = map(service).get("environment");
    if (raw instanceof List) {
      for (Object item : list(raw)) {
        String entry = String.valueOf(item);
        int eq = entry.indexOf('=');
        env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
      }
    } else {
      map(raw).forEach((k, v) -> env.put(k, v == null ? null : String.valueOf(v)));
    }
    return env;
  }

  /** Every variable the compose file interpolates, sorted. */
  static Set<String> variables(String composeText) {
    Set<String> names = new TreeSet<>();
    for (String line : composeText.split("\n")) {
      if (!line.trim().startsWith("#")) {
        names.addAll(ImageRef.variables(line));
      }
    }
    return names;
  }

  /** Every rule above. */
  static List<String> all(Map<String, Object> compose, Set<String> publishing) {
    List<String> problems = new ArrayList<>();
    problems.addAll(healthchecks(compose));
    problems.addAll(dependenciesWaitForHealth(compose));
    problems.addAll(memoryLimits(compose));
    problems.addAll(publishedPortsOnlyOn(compose, publishing));
    problems.addAll(imageTags(compose));
    problems.addAll(secrets(compose));
    return problems;
  }
}
