package io.focussync.deploy;

import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The environment a service gets from compose or Kubernetes, and Spring Boot's own view of it: its
 * Binder (relaxed binding of environment variables, as at run time) and the configuration metadata
 * of the Spring Boot modules on this module's test class path.
 */
final class SpringEnvironment {

  /** Environment variables that Spring Boot reads as properties (not the project's own). */
  static final List<String> SPRING_PREFIXES =
      List.of("SPRING_", "LOGGING_", "MANAGEMENT_", "SERVER_");

  private static Map<String, String> knownProperties;

  private SpringEnvironment() {}

  /**
   * The environment of a Deployment's first container as Kubernetes sets it: the ConfigMaps it
   * reads with envFrom, then its env entries (a secretKeyRef reads as "(secret)").
   */
  static Map<String, String> of(List<Map<String, Object>> docs, Map<String, Object> deployment) {
    Map<String, Map<String, Object>> configMaps = new HashMap<>();
    Workloads.ofKind(docs, "ConfigMap")
        .forEach(c -> configMaps.put(str(c, "metadata", "name"), map(c.get("data"))));
    Map<String, Object> container = maps(Workloads.podSpec(deployment).get("containers")).get(0);
    Map<String, String> env = new LinkedHashMap<>();
    for (Map<String, Object> from : maps(container.get("envFrom"))) {
      String name = str(from, "configMapRef", "name");
      if (name != null) {
        map(configMaps.get(name)).forEach((k, v) -> env.put(k, String.valueOf(v)));
      }
    }
    for (Map<String, Object> entry : maps(container.get("env"))) {
      env.put(str(entry, "name"), entry.get("value") != null ? str(entry, "value") : "(secret)");
    }
    return env;
  }

  /**
   * Spring Boot's Binder over these variables only, as if they were the process environment (the
   * source's name selects Spring Boot's mapping of environment variable names to properties).
   */
  static Binder binder(Map<String, String> env) {
    Map<String, Object> source = new LinkedHashMap<>(env);
    return new Binder(
        ConfigurationPropertySources.from(
            new SystemEnvironmentPropertySource(
                StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, source)));
  }

  static boolean isSpringVariable(String name) {
    return SPRING_PREFIXES.stream().anyMatch(name::startsWith);
  }

  /**
   * The Spring Boot property an environment variable sets, from the configuration metadata of the
   * Spring Boot modules on the class path (a map-valued property matches a variable that names one
   * of its keys), or null when no such property exists.
   */
  static String propertyOf(String variable) {
    String uniform = variable.toLowerCase(Locale.ROOT).replace('_', '.');
    for (Map.Entry<String, String> p : known().entrySet()) {
      String property = p.getKey().replace("-", "");
      if (property.equals(uniform)) {
        return p.getKey();
      }
      if (p.getValue() != null
          && p.getValue().startsWith("java.util.Map<")
          && uniform.startsWith(property + ".")) {
        return p.getKey() + "[" + uniform.substring(property.length() + 1) + "]";
      }
    }
    return null;
  }

  private static synchronized Map<String, String> known() {
    if (knownProperties == null) {
      Map<String, String> properties = new HashMap<>();
      ObjectMapper json = new ObjectMapper();
      for (String name :
          List.of(
              "META-INF/spring-configuration-metadata.json",
              "META-INF/additional-spring-configuration-metadata.json")) {
        try {
          Enumeration<URL> urls = SpringEnvironment.class.getClassLoader().getResources(name);
          while (urls.hasMoreElements()) {
            try (InputStream in = urls.nextElement().openStream()) {
              for (JsonNode p : json.readTree(in).path("properties")) {
                properties.put(p.path("name").asText(), p.path("type").asText(null));
              }
            }
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      knownProperties = properties;
    }
    return knownProperties;
  }
}
