package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** deploy/docker/Dockerfile, read as text (no Docker engine here to build it). */
class DockerfileTest {

  private static final Pattern ARG = Pattern.compile("(?m)^ARG\\s+(\\w+)(?:=(\\S+))?");
  private static final Pattern FROM = Pattern.compile("(?m)^FROM\\s+(\\S+)(?:\\s+AS\\s+(\\S+))?");

  private final Path dockerfile = RepoFiles.deploy().resolve("docker/Dockerfile");
  private final String text = RepoFiles.read(dockerfile);

  /** The base images, with ARG defaults filled in. */
  static List<String> baseImages(String dockerfile) {
    Map<String, String> args = new HashMap<>();
    Matcher arg = ARG.matcher(dockerfile);
    while (arg.find()) {
      if (arg.group(2) != null) {
        args.putIfAbsent(arg.group(1), arg.group(2));
      }
    }
    List<String> images = new ArrayList<>();
    Matcher from = FROM.matcher(dockerfile);
    while (from.find()) {
      String image = from.group(1);
      for (Map.Entry<String, String> e : args.entrySet()) {
        image = image.replace("${" + e.getKey() + "}", e.getValue());
      }
      images.add(image);
    }
    return images;
  }

  @Test
  void buildsWithMavenOnTemurinAndRunsOnAPinnedTemurinJre() {
    List<String> images = baseImages(text);

    assertThat(images).hasSize(2);
    for (String image : images) {
      assertThat(ImageRef.problem(image)).as(image).isEmpty();
      assertThat(image).startsWith("eclipse-temurin:17");
    }
    assertThat(images.get(0)).contains("-jdk");
    assertThat(images.get(1)).contains("-jre");
    assertThat(text).contains("./mvnw").contains("-pl \"${SERVICE}\" -am package");
  }

  @Test
  void runsTheLayeredJarAsANonRootUserWithAHealthCheckAndContainerAwareMemory() {
    assertThat(text)
        .contains("-Djarmode=tools")
        .contains("extract --layers --launcher")
        .contains("COPY --from=build /layers/dependencies/")
        .contains("COPY --from=build /layers/application/")
        .contains("org.springframework.boot.loader.launch.JarLauncher")
        .contains("-XX:MaxRAMPercentage=")
        .contains("-XX:+ExitOnOutOfMemoryError")
        .containsPattern("(?m)^HEALTHCHECK .*focussync-healthcheck");
    Matcher user = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(text);
    String last = null;
    while (user.find()) {
      last = user.group(1);
    }
    assertThat(last).isNotNull().doesNotStartWith("0").doesNotStartWith("root");
    // dependencies change less often than the application: their layer is copied first
    assertThat(text.indexOf("/layers/dependencies/"))
        .isLessThan(text.indexOf("/layers/application/"));
  }

  @Test
  void theHealthCheckFollowsEachServicesPortVariable() {
    Path script = RepoFiles.deploy().resolve("docker/healthcheck.sh");
    String body = RepoFiles.read(script);

    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(body).contains("/actuator/health/readiness");
    for (String variable :
        List.of(
            "FOCUSSYNC_GATEWAY_PORT",
            "FOCUSSYNC_TRACKER_INGEST_PORT",
            "FOCUSSYNC_ALLOCATOR_PORT",
            "FOCUSSYNC_CLOCKIFY_CONNECTOR_PORT",
            "FOCUSSYNC_NOTION_CONNECTOR_PORT")) {
      assertThat(body).contains(variable);
    }
  }

  @Test
  void theBuildContextLeavesOutBuildOutputAndLocalSecrets() {
    String ignore = RepoFiles.read(RepoFiles.root().resolve(".dockerignore"));

    assertThat(ignore)
        .contains("**/target/")
        .contains(".git")
        .contains(".env")
        .contains(".focussync/");
  }
}
