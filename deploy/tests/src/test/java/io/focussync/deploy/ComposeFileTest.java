package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** docker-compose.yml at the repository root, and the .env.example next to it. */
class ComposeFileTest {

  private final Map<String, Object> compose = Yamls.loadAll(RepoFiles.compose()).get(0);

  @Test
  void everyServiceIsHealthCheckedWaitedForLimitedAndPinned() {
    assertThat(ComposeChecks.all(compose, Set.of("api-gateway"))).isEmpty();
    assertThat(ComposeChecks.services(compose).keySet())
        .containsExactlyInAnyOrderElementsOf(
            union(KustomizeOverlaysTest.SERVICES, Set.of("kafka", "mongodb")));
  }

  @Test
  void theFiveServicesAreBuiltFromTheOneDockerfileAndWaitForKafkaAndMongoDb() {
    for (String service : KustomizeOverlaysTest.SERVICES) {
      Object definition = ComposeChecks.services(compose).get(service);
      assertThat(str(definition, "build", "dockerfile")).isEqualTo("deploy/docker/Dockerfile");
      assertThat(str(definition, "build", "context")).isEqualTo(".");
      assertThat(str(definition, "build", "args", "SERVICE")).isEqualTo(service);
      assertThat(map(at(definition, "depends_on")).keySet()).contains("kafka", "mongodb");
      assertThat(at(definition, "read_only")).isEqualTo(true);
      assertThat(list(at(definition, "cap_drop"))).containsExactly("ALL");
      Map<String, String> env = ComposeChecks.environment(definition);
      assertThat(env)
          .containsEntry("FOCUSSYNC_KAFKA_BOOTSTRAP", "kafka:9092")
          .containsKey("FOCUSSYNC_INTERNAL_AUTH_KEY");
      assertThat(env.get("FOCUSSYNC_MONGODB_URI")).contains("replicaSet=rs0");
    }
  }

  @Test
  void kafkaIsOneKraftNodeAndMongoDbEightAOneNodeReplicaSet() {
    Object kafka = ComposeChecks.services(compose).get("kafka");
    assertThat(str(kafka, "image")).startsWith("apache/kafka:4.");
    assertThat(ComposeChecks.environment(kafka))
        .containsEntry("KAFKA_PROCESS_ROLES", "broker,controller")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR", "1")
        .containsEntry("KAFKA_TRANSACTION_STATE_LOG_MIN_ISR", "1");
    Object mongodb = ComposeChecks.services(compose).get("mongodb");
    assertThat(str(mongodb, "image")).startsWith("mongo:8.");
    assertThat(list(at(mongodb, "command"))).contains("--replSet", "rs0");
    assertThat(String.valueOf(at(mongodb, "healthcheck", "test"))).contains("rs.initiate");
  }

  @Test
  void envExampleListsExactlyTheVariablesComposeReads() {
    Set<String> used = ComposeChecks.variables(RepoFiles.read(RepoFiles.compose()));
    Set<String> listed = new TreeSet<>();
    for (String line : RepoFiles.read(RepoFiles.root().resolve(".env.example")).split("\n")) {
      String trimmed = line.trim();
      if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
        listed.add(trimmed.substring(0, trimmed.indexOf('=')));
      }
    }

    assertThat(listed).isEqualTo(used);
    assertThat(used)
        .contains("FOCUSSYNC_ADMIN_TOKEN", "FOCUSSYNC_SECRET_KEY", "FOCUSSYNC_INTERNAL_AUTH_KEY");
  }

  @Test
  void requiredSecretsStopComposeWhenMissing() {
    String text = RepoFiles.read(RepoFiles.compose());
    for (String secret :
        Set.of("FOCUSSYNC_ADMIN_TOKEN", "FOCUSSYNC_SECRET_KEY", "FOCUSSYNC_INTERNAL_AUTH_KEY")) {
      assertThat(text).contains("${" + secret + ":?");
      assertThat(text).doesNotContain("${" + secret + ":-").doesNotContain("${" + secret + "}");
    }
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    Set<String> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }
}
