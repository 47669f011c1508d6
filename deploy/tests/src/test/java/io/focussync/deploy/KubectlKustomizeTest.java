package io.focussync.deploy;

import static io.focussync.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where kubectl is installed (it needs no cluster for this), the real {@code kubectl kustomize}
 * renders each overlay: its output must follow the rules and equal what MiniKustomize renders, so
 * the other tests check what kustomize would really apply. Skipped where kubectl is missing.
 */
class KubectlKustomizeTest {

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void kubectlKustomizeRendersWhatMiniKustomizeRenders(String dir) throws Exception {
    String kubectl = kubectl();
    assumeTrue(kubectl != null, "kubectl is not installed");
    Process process =
        new ProcessBuilder(kubectl, "kustomize", RepoFiles.k8s().resolve(dir).toString())
            .redirectErrorStream(false)
            .start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(err).isZero();
    List<Map<String, Object>> real =
        Yamls.loadAll(new String(out, StandardCharsets.UTF_8), "kubectl kustomize " + dir);

    assertThat(ManifestChecks.all(real)).isEmpty();
    assertThat(byId(MiniKustomize.build(RepoFiles.k8s().resolve(dir)))).isEqualTo(byId(real));
  }

  private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> docs) {
    Map<String, Map<String, Object>> out = new TreeMap<>();
    for (Map<String, Object> doc : docs) {
      out.put(
          str(doc, "kind")
              + "/"
              + str(doc, "metadata", "namespace")
              + "/"
              + str(doc, "metadata", "name"),
          doc);
    }
    return out;
  }

  private static String kubectl() throws IOException {
    String path = System.getenv("PATH");
    if (path == null) {
      return null;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, "kubectl");
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return null;
  }
}
