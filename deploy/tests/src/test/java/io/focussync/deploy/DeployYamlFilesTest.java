package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every YAML file under deploy/ and docker-compose.yml, one by one, as written. */
class DeployYamlFilesTest {

  @Test
  void everyYamlFileParses() {
    List<Path> files = new ArrayList<>(RepoFiles.deployYamlFiles());
    files.add(RepoFiles.compose());

    for (Path file : files) {
      assertThat(Yamls.loadAll(file)).as(file.toString()).isNotEmpty();
    }
    assertThat(files)
        .contains(
            RepoFiles.k8s().resolve("base/kustomization.yaml"),
            RepoFiles.k8s().resolve("overlays/dev/kustomization.yaml"),
            RepoFiles.k8s().resolve("overlays/prod/kustomization.yaml"));
  }

  @Test
  void everyManifestPinsItsImagesLocksDownItsDeploymentsAndTakesSecretsFromSecretKeyRefs() {
    List<String> problems = new ArrayList<>();
    int deployments = 0;
    for (Path file : RepoFiles.deployYamlFiles()) {
      List<Map<String, Object>> docs = Yamls.loadAll(file);
      deployments += Workloads.ofKind(docs, "Deployment").size();
      for (String problem : ManifestChecks.imageTags(docs)) {
        problems.add(file + ": " + problem);
      }
      for (String problem : ManifestChecks.deployments(docs)) {
        problems.add(file + ": " + problem);
      }
      for (String problem : ManifestChecks.secrets(docs)) {
        problems.add(file + ": " + problem);
      }
    }

    assertThat(problems).isEmpty();
    assertThat(deployments).as("Deployments checked").isGreaterThanOrEqualTo(5);
  }

  @Test
  void everyResourceAndPatchListedInAKustomizationExists() {
    List<Path> kustomizations = RepoFiles.kustomizations();
    List<String> problems = new ArrayList<>();
    kustomizations.forEach(k -> problems.addAll(MiniKustomize.missingReferences(k)));

    assertThat(kustomizations).hasSizeGreaterThanOrEqualTo(3);
    assertThat(problems).isEmpty();
  }
}
