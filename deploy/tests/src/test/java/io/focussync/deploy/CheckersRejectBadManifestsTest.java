package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The checkers find real violations: bad fixtures in src/test/resources/fixtures fail them. */
class CheckersRejectBadManifestsTest {

  private static Path fixture(String name) {
    try {
      return Path.of(CheckersRejectBadManifestsTest.class.getResource("/fixtures/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private final List<Map<String, Object>> bad = Yamls.loadAll(fixture("bad-manifests.yaml"));

  @Test
  void latestAndMissingTagsAreRejected() {
    assertThat(ManifestChecks.imageTags(bad))
        .containsExactlyInAnyOrder(
            "Deployment/careless: image tagged latest: example/careless:latest",
            "Deployment/careless: image without a tag: example/sidecar");
  }

  @Test
  void deploymentsWithoutProbesLimitsOrALockedDownContextAreRejected() {
    assertThat(ManifestChecks.deployments(bad))
        .contains(
            "Deployment/careless container app: no livenessProbe",
            "Deployment/careless container app: readinessProbe is not an HTTP GET of /actuator/health/readiness",
            "Deployment/careless container app: no requests.cpu",
            "Deployment/careless container app: no limits.memory",
            "Deployment/careless container app: runAsNonRoot is not true",
            "Deployment/careless container app: runs as user 0",
            "Deployment/careless container app: allowPrivilegeEscalation is not false",
            "Deployment/careless container app: readOnlyRootFilesystem is not true",
            "Deployment/careless container app: privileged",
            "Deployment/careless container app: capabilities.drop does not contain ALL")
        // the sidecar is compliant except for the pod's user 0
        .filteredOn(p -> p.contains("container sidecar"))
        .containsExactly("Deployment/careless container sidecar: runs as user 0");
  }

  @Test
  void secretsOutsideSecretKeyRefsAreRejected() {
    assertThat(ManifestChecks.secrets(bad))
        .containsExactlyInAnyOrder(
            "ConfigMap/leaky: secret-like key DB_PASSWORD in a ConfigMap",
            "Secret/committed: secret values committed in a manifest",
            "Deployment/careless container app: envFrom a whole Secret (use secretKeyRef per variable)",
            "Deployment/careless container app: FOCUSSYNC_SECRET_KEY does not come from a secretKeyRef",
            "Deployment/careless container app: FOCUSSYNC_MONGODB_URI does not come from a secretKeyRef",
            "Deployment/careless container app: FOCUSSYNC_MONGODB_URI has credentials in a literal URL");
  }

  @Test
  void autoscalersBeyondThePartitionsOfTheirTopicsAreRejected() {
    List<Map<String, Object>> docs = Yamls.loadAll(fixture("bad-autoscaling.yaml"));

    assertThat(ManifestChecks.autoscalersWithinPartitions(docs))
        .containsExactlyInAnyOrder(
            "HorizontalPodAutoscaler/consumer: maxReplicas 8 above the 4 partitions of narrow.v1",
            "HorizontalPodAutoscaler/consumer: consumed topic undeclared.v1 is not declared as a KafkaTopic",
            "HorizontalPodAutoscaler/anonymous: its Deployment names no consumed topics (focussync.io/consumes)");
    assertThat(ManifestChecks.replicasAtLeast(docs, 3))
        .contains(
            "Deployment/consumer: sets replicas although HorizontalPodAutoscaler/consumer owns the count",
            "Deployment/consumer: runs 1 replica(s), fewer than 3");
  }

  @Test
  void composeServicesWithoutHealthChecksOrWithLiteralSecretsAreRejected() {
    Map<String, Object> compose = Yamls.loadAll(fixture("bad-compose.yml")).get(0);

    assertThat(ComposeChecks.all(compose, Set.of("web")))
        .containsExactlyInAnyOrder(
            "service db: no healthcheck",
            "service app: healthcheck disabled",
            "service app: depends_on without condition: service_healthy",
            "service web: waits for app without service_healthy",
            "service db: no memory limit",
            "service app: no memory limit",
            "service db: publishes ports",
            "service db: image without a tag: mongo",
            "service app: image example/app:${APP_TAG} has a variable without default",
            "service web: image tagged latest: example/web:latest",
            "service app: FOCUSSYNC_ADMIN_TOKEN is not taken from the environment",
            "service app: FOCUSSYNC_MONGODB_URI has credentials in a URL");
  }

  @Test
  void kustomizationReferencesThatDoNotResolveAreRejected() {
    Path kustomization = fixture("bad-kustomize/kustomization.yaml");

    assertThat(MiniKustomize.missingReferences(kustomization))
        .containsExactlyInAnyOrder(
            kustomization + ": missing: missing.yaml",
            kustomization + ": directory without a kustomization: empty-dir",
            kustomization
                + ": remote reference cannot be checked: https://github.com/example/remote//base",
            kustomization + ": missing: missing-patch.yaml");
  }

  @Test
  void miniKustomizeRefusesWhatItDoesNotUnderstand() {
    assertThatThrownBy(
            () -> MiniKustomize.build(fixture("bad-kustomize/kustomization.yaml").getParent()))
        .isInstanceOf(RuntimeException.class);
  }

  @Test
  void imageReferencesAreParsedWithRegistryPortsAndDigests() {
    assertThat(ImageRef.problem("registry:5000/team/app")).isPresent();
    assertThat(ImageRef.problem("registry:5000/team/app:1.2.3")).isEmpty();
    assertThat(ImageRef.problem("team/app:LATEST")).isPresent();
    assertThat(ImageRef.problem("team/app@sha256:" + "a".repeat(64))).isEmpty();
    assertThat(ImageRef.repository("registry:5000/team/app:1.2.3"))
        .isEqualTo("registry:5000/team/app");
    assertThat(ImageRef.withDefaults("a/b:${TAG:-1.0}")).contains("a/b:1.0");
    assertThat(ImageRef.withDefaults("a/b:${TAG:?required}")).isEmpty();
    assertThat(
            DockerfileTest.baseImages("ARG X=eclipse-temurin:17-jre\nFROM ${X}\nFROM scratch AS s"))
        .containsExactly("eclipse-temurin:17-jre", "scratch");
  }
}
