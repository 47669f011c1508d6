package io.focussync.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.crdgenerator.annotations.PresentInVersions;
import io.strimzi.crdgenerator.annotations.RequiredInVersions;
import java.lang.reflect.AnnotatedElement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Reads Strimzi custom resources into the operator's own model classes (io.strimzi:api), strictly:
 * an unknown field anywhere fails (FAIL_ON_UNKNOWN_PROPERTIES, with the models' catch-all
 * "additionalProperties" setters switched off, since they would otherwise swallow any field), and
 * so does a field that the model marks as absent from the v1 API (the ZooKeeper-era and other
 * removed fields: {@code @PresentInVersions("v1beta2")}) or a field v1 requires that is missing.
 */
final class StrimziModel {

  static final String API_VERSION = "kafka.strimzi.io/v1";

  /** The Strimzi kinds these manifests use, and their model classes. */
  static final Map<String, Class<?>> KINDS =
      Map.of(
          "Kafka",
          Kafka.class,
          "KafkaNodePool",
          KafkaNodePool.class,
          "KafkaTopic",
          KafkaTopic.class);

  /** The API versions in their order, for the version ranges of the model's annotations. */
  private static final List<String> VERSIONS = List.of("v1alpha1", "v1beta1", "v1beta2", "v1");

  private static final ObjectMapper STRICT =
      new ObjectMapper()
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .setAnnotationIntrospector(
              new JacksonAnnotationIntrospector() {
                private static final long serialVersionUID = 1L;

                @Override
                public Boolean hasAnySetter(Annotated a) {
                  return Boolean.FALSE;
                }
              });

  private StrimziModel() {}

  static boolean isStrimzi(Map<String, Object> doc) {
    String apiVersion = Yamls.str(doc, "apiVersion");
    return apiVersion != null && apiVersion.startsWith("kafka.strimzi.io/");
  }

  /** Every problem of one Strimzi resource on the v1 API (empty: it is a valid v1 resource). */
  static List<String> problems(Map<String, Object> doc) {
    String id = Yamls.id(doc);
    List<String> problems = new ArrayList<>();
    if (!API_VERSION.equals(Yamls.str(doc, "apiVersion"))) {
      problems.add(id + ": apiVersion " + Yamls.str(doc, "apiVersion") + ", not " + API_VERSION);
    }
    Class<?> type = KINDS.get(Yamls.str(doc, "kind"));
    if (type == null) {
      problems.add(id + ": no model class for this kind in the check");
      return problems;
    }
    Object model;
    try {
      model = STRICT.convertValue(doc, type);
    } catch (IllegalArgumentException e) {
      problems.add(id + ": " + firstLine(e.getMessage()));
      return problems;
    }
    walk(model, id, problems);
    return problems;
  }

  private static void walk(Object value, String path, List<String> problems) {
    if (value == null) {
      return;
    }
    if (value instanceof Collection) {
      int i = 0;
      for (Object item : (Collection<?>) value) {
        walk(item, path + "[" + i++ + "]", problems);
      }
      return;
    }
    if (value instanceof Map) {
      ((Map<?, ?>) value).forEach((k, v) -> walk(v, path + "." + k, problems));
      return;
    }
    Class<?> type = value.getClass();
    if (!type.getName().startsWith("io.strimzi.") || type.isEnum()) {
      return;
    }
    PresentInVersions typeVersions = type.getAnnotation(PresentInVersions.class);
    if (typeVersions != null && !includesV1(typeVersions.value())) {
      problems.add(path + ": type " + type.getSimpleName() + " is not part of the v1 API");
    }
    JavaType javaType = STRICT.constructType(type);
    for (BeanPropertyDefinition property :
        STRICT.getSerializationConfig().introspect(javaType).findProperties()) {
      AnnotatedMember getter = property.getAccessor();
      if (getter == null) {
        continue;
      }
      Object child;
      try {
        child = getter.getValue(value);
      } catch (IllegalArgumentException e) {
        continue;
      }
      String childPath = path + "." + property.getName();
      AnnotatedElement element = (AnnotatedElement) getter.getMember();
      PresentInVersions present = element.getAnnotation(PresentInVersions.class);
      if (child != null && present != null && !includesV1(present.value())) {
        problems.add(childPath + ": not part of the v1 API (only " + present.value() + ")");
      }
      RequiredInVersions required = element.getAnnotation(RequiredInVersions.class);
      if (child == null
          && (property.isRequired() || (required != null && includesV1(required.value())))) {
        problems.add(childPath + ": required in the v1 API");
      }
      walk(child, childPath, problems);
    }
  }

  /** Whether a version range of the model ("v1beta2", "v1alpha1-v1beta2", "v1+") includes v1. */
  static boolean includesV1(String range) {
    int v1 = VERSIONS.indexOf("v1");
    for (String part : range.split(",")) {
      String p = part.trim();
      if (p.endsWith("+")) {
        if (index(p.substring(0, p.length() - 1)) <= v1) {
          return true;
        }
      } else if (p.contains("-")) {
        String[] ends = p.split("-");
        if (index(ends[0]) <= v1 && v1 <= index(ends[1])) {
          return true;
        }
      } else if (index(p) == v1) {
        return true;
      }
    }
    return false;
  }

  private static int index(String version) {
    int i = VERSIONS.indexOf(version);
    if (i < 0) {
      throw new IllegalArgumentException("unknown Strimzi API version in a range: " + version);
    }
    return i;
  }

  private static String firstLine(String message) {
    String first = message == null ? "" : message.split("\n")[0];
    // Jackson appends the reference chain after " (through reference chain: ...)": keep it short
    return first.replace("\"", "'");
  }
}
