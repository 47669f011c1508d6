package io.focussync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Where the manifests live, found from this module's directory (deploy/tests). */
final class RepoFiles {

  private RepoFiles() {}

  /** The repository root: two levels above the module (surefire runs in the module directory). */
  static Path root() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
    Path root = module.toAbsolutePath().normalize().getParent().getParent();
    if (!Files.isRegularFile(root.resolve("docker-compose.yml"))
        || !Files.isDirectory(root.resolve("deploy"))) {
      throw new IllegalStateException("not the repository root: " + root);
    }
    return root;
  }

  static Path deploy() {
    return root().resolve("deploy");
  }

  static Path compose() {
    return root().resolve("docker-compose.yml");
  }

  static Path k8s() {
    return deploy().resolve("k8s");
  }

  /**
   * Every YAML file under deploy/, except build output and this module's own test fixtures (which
   * are bad on purpose).
   */
  static List<Path> deployYamlFiles() {
    Path deploy = deploy();
    Path ownModule = deploy.resolve("tests");
    try (Stream<Path> files = Files.walk(deploy)) {
      return files
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !p.startsWith(ownModule))
          .filter(p -> !deploy.relativize(p).toString().contains("target/"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every kustomization file under deploy/k8s. */
  static List<Path> kustomizations() {
    return deployYamlFiles().stream()
        .filter(p -> p.startsWith(k8s()))
        .filter(p -> MiniKustomize.FILE_NAMES.contains(p.getFileName().toString()))
        .collect(Collectors.toList());
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
