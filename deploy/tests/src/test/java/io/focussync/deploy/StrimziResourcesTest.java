package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every Strimzi resource is on the v1 API (kafka.strimzi.io/v1, the only one Strimzi 1.0 serves)
 * and reads into the operator's own model classes with nothing unknown, nothing v1 removed and
 * nothing v1 requires missing (see {@link StrimziModel}).
 */
class StrimziResourcesTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyRenderedStrimziResourceIsAValidV1Resource(String dir) {
    List<Map<String, Object>> docs = KustomizeOverlaysTest.render(dir);
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Map<String, Object> doc : docs) {
      if (StrimziModel.isStrimzi(doc)) {
        problems.addAll(StrimziModel.problems(doc));
        checked++;
      }
    }

    assertThat(problems).isEmpty();
    // one Kafka, one KafkaNodePool, seven KafkaTopics
    assertThat(checked).isEqualTo(9);
  }

  @Test
  void everyStrimziDocumentInTheFilesAndPatchesNamesTheV1Api() {
    List<String> problems = new ArrayList<>();
    for (Path file : RepoFiles.deployYamlFiles()) {
      if (!file.startsWith(RepoFiles.k8s())) {
        continue;
      }
      for (Map<String, Object> doc : Yamls.loadAll(file)) {
        String apiVersion = Yamls.str(doc, "apiVersion");
        if (apiVersion != null
            && apiVersion.contains("strimzi.io")
            && !StrimziModel.API_VERSION.equals(apiVersion)) {
          problems.add(file + ": " + Yamls.id(doc) + " on " + apiVersion);
        }
      }
    }

    assertThat(problems).isEmpty();
  }

  @Test
  void theCheckRefusesOldApisZooKeeperEraFieldsUnknownFieldsAndMissingSpecs() {
    List<String> problems = new ArrayList<>();
    for (Map<String, Object> doc : Yamls.loadAll(fixture("bad-strimzi.yaml"))) {
      problems.addAll(StrimziModel.problems(doc));
    }

    assertThat(problems)
        .contains(
            "KafkaTopic/old-api: apiVersion kafka.strimzi.io/v1beta2, not kafka.strimzi.io/v1",
            "Kafka/zookeeper-era.spec.zookeeper: not part of the v1 API (only v1beta2)",
            "Kafka/zookeeper-era.spec.kafka.replicas: not part of the v1 API (only v1beta2)",
            "Kafka/zookeeper-era.spec.kafka.storage: not part of the v1 API (only v1beta2)",
            "Kafka/zookeeper-era.spec.kafka.resources: not part of the v1 API (only v1beta2)",
            "KafkaTopic/no-spec.spec: required in the v1 API");
    assertThat(problems)
        .anySatisfy(p -> assertThat(p).startsWith("Kafka/misspelt: ").contains("'tsl'"))
        .anySatisfy(
            p -> assertThat(p).startsWith("KafkaNodePool/unknown-field: ").contains("'replica'"));
  }

  @Test
  void versionRangesOfTheModelAreReadAsStrimziWritesThem() {
    assertThat(StrimziModel.includesV1("v1beta2")).isFalse();
    assertThat(StrimziModel.includesV1("v1alpha1-v1beta2")).isFalse();
    assertThat(StrimziModel.includesV1("v1+")).isTrue();
    assertThat(StrimziModel.includesV1("v1beta2+")).isTrue();
    assertThat(StrimziModel.includesV1("v1")).isTrue();
  }

  static Path fixture(String name) {
    try {
      return Path.of(StrimziResourcesTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
