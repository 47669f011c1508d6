package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.list;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.ssl.SslProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;

/**
 * The operational settings the services get from compose and Kubernetes, read the way Spring Boot
 * reads them at run time: structured logs, and in production TLS to Kafka and MongoDB.
 */
class OperationsSettingsTest {

  private static final String KAFKA_CA_SECRET = "focussync-cluster-ca-cert";

  @Test
  void everySpringSettingInComposeAndKubernetesIsAPropertySpringBootKnows() {
    Map<String, String> variables = new TreeMap<>();
    Map<String, Object> compose = Yamls.loadAll(RepoFiles.compose()).get(0);
    ComposeChecks.services(compose)
        .forEach((name, service) -> variables.putAll(ComposeChecks.environment(service)));
    for (String dir : List.of("base", "overlays/dev", "overlays/prod")) {
      List<Map<String, Object>> docs = KustomizeOverlaysTest.render(dir);
      for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
        variables.putAll(SpringEnvironment.of(docs, deployment));
      }
    }
    List<String> unknown = new ArrayList<>();
    List<String> spring = new ArrayList<>();
    for (String name : variables.keySet()) {
      if (SpringEnvironment.isSpringVariable(name)) {
        spring.add(name);
        if (SpringEnvironment.propertyOf(name) == null) {
          unknown.add(
              name + " (no Spring Boot property " + name.toLowerCase().replace('_', '.') + ")");
        }
      }
    }

    assertThat(unknown).isEmpty();
    assertThat(spring)
        .contains("LOGGING_STRUCTURED_FORMAT_CONSOLE", "SPRING_KAFKA_SECURITY_PROTOCOL");
    // the check itself: a misspelt variable (dashes of a property name written as underscores)
    assertThat(SpringEnvironment.propertyOf("SPRING_KAFKA_SSL_TRUST_STORE_LOCATION")).isNull();
    assertThat(SpringEnvironment.propertyOf("SPRING_KAFKA_SSL_TRUSTSTORELOCATION"))
        .isEqualTo("spring.kafka.ssl.trust-store-location");
  }

  @Test
  void composeServicesLogOneEcsJsonObjectPerLine() {
    Map<String, Object> compose = Yamls.loadAll(RepoFiles.compose()).get(0);
    for (String service : KustomizeOverlaysTest.SERVICES) {
      Map<String, String> env =
          ComposeChecks.environment(ComposeChecks.services(compose).get(service));
      assertThat(
              SpringEnvironment.binder(env)
                  .bind("logging.structured.format.console", String.class)
                  .get())
          .as(service)
          .isEqualTo("ecs");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void kubernetesServicesLogOneEcsJsonObjectPerLine(String dir) {
    List<Map<String, Object>> docs = KustomizeOverlaysTest.render(dir);
    for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
      Map<String, String> env = SpringEnvironment.of(docs, deployment);
      assertThat(
              SpringEnvironment.binder(env)
                  .bind("logging.structured.format.console", String.class)
                  .get())
          .as(Yamls.id(deployment))
          .isEqualTo("ecs");
    }
  }

  @Test
  void theLocalStackAndTheServicesOwnSettingsKeepReadableLogLines() throws IOException {
    List<Path> files = new ArrayList<>();
    Path local = RepoFiles.deploy().resolve("local");
    try (Stream<Path> walk = Files.walk(local)) {
      walk.filter(Files::isRegularFile)
          .filter(p -> !local.relativize(p).toString().startsWith("target"))
          .forEach(files::add);
    }
    for (String service : KustomizeOverlaysTest.SERVICES) {
      files.add(RepoFiles.root().resolve(service).resolve("src/main/resources/application.yml"));
    }
    files.add(RepoFiles.root().resolve("platform/src/main/resources/focussync-platform.yml"));

    List<String> structured =
        files.stream()
            .filter(f -> read(f).toLowerCase().replace('_', '.').contains("logging.structured"))
            .map(Path::toString)
            .collect(Collectors.toList());
    assertThat(files).hasSizeGreaterThan(7);
    assertThat(structured).isEmpty();
  }

  @Test
  void productionTalksToKafkaOnlyOverTlsTrustingStrimzisClusterCa() {
    List<Map<String, Object>> prod = KustomizeOverlaysTest.render("overlays/prod");
    Map<String, Object> kafka = Workloads.ofKind(prod, "Kafka").get(0);
    List<Map<String, Object>> listeners = maps(at(kafka, "spec", "kafka", "listeners"));
    assertThat(listeners).isNotEmpty().allSatisfy(l -> assertThat(l.get("tls")).isEqualTo(true));
    Object port = listeners.get(0).get("port");
    String clusterCaSecret = str(kafka, "metadata", "name") + "-cluster-ca-cert";
    assertThat(clusterCaSecret).isEqualTo(KAFKA_CA_SECRET);

    for (Map<String, Object> deployment : Workloads.ofKind(prod, "Deployment")) {
      String id = Yamls.id(deployment);
      Map<String, String> env = SpringEnvironment.of(prod, deployment);
      assertThat(env.get("FOCUSSYNC_KAFKA_BOOTSTRAP"))
          .as(id)
          .isEqualTo(str(kafka, "metadata", "name") + "-kafka-bootstrap:" + port);
      KafkaProperties properties =
          SpringEnvironment.binder(env).bind("spring.kafka", KafkaProperties.class).get();
      for (Map<String, Object> client :
          List.of(
              properties.buildConsumerProperties(),
              properties.buildProducerProperties(),
              properties.buildAdminProperties())) {
        assertThat(client)
            .as(id)
            .containsEntry("security.protocol", "SSL")
            .containsEntry("ssl.truststore.type", "PEM")
            .doesNotContainKey("ssl.truststore.password");
        String truststore = String.valueOf(client.get("ssl.truststore.location"));
        assertThat(mountedSecretKey(deployment, truststore))
            .as(id)
            .isEqualTo(clusterCaSecret + "/ca.crt");
      }
    }
    Map<String, Object> egress =
        Workloads.ofKind(prod, "NetworkPolicy").stream()
            .filter(p -> "services-egress-kafka-mongodb".equals(str(p, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    assertThat(maps(maps(at(egress, "spec", "egress")).get(0).get("ports")).get(0))
        .containsEntry("port", port);
  }

  @Test
  void productionTalksToMongoDbOnlyOverTlsTrustingTheCaThatSignedItsCertificate() {
    List<Map<String, Object>> prod = KustomizeOverlaysTest.render("overlays/prod");
    Map<String, Object> mongo = Workloads.ofKind(prod, "MongoDBCommunity").get(0);
    Map<String, Object> tls = map(at(mongo, "spec", "security", "tls"));
    assertThat(tls).containsEntry("enabled", true).containsEntry("optional", false);
    String serverSecret = str(tls, "certificateKeySecretRef", "name");
    assertThat(str(tls, "caCertificateSecretRef", "name")).isEqualTo(serverSecret);

    // cert-manager issues that Secret from a CA issuer, for every member's host name
    Map<String, Object> certificate =
        Workloads.ofKind(prod, "Certificate").stream()
            .filter(c -> serverSecret.equals(str(c, "spec", "secretName")))
            .findFirst()
            .orElseThrow();
    String issuer = str(certificate, "spec", "issuerRef", "name");
    Map<String, Object> caIssuer =
        Workloads.ofKind(prod, "Issuer").stream()
            .filter(i -> issuer.equals(str(i, "metadata", "name")))
            .findFirst()
            .orElseThrow();
    assertThat(str(caIssuer, "spec", "ca", "secretName")).isNotBlank();
    String name = str(mongo, "metadata", "name");
    String namespace = str(mongo, "metadata", "namespace");
    List<Object> dnsNames = list(at(certificate, "spec", "dnsNames"));
    for (int member = 0; member < ((Number) at(mongo, "spec", "members")).intValue(); member++) {
      String host = name + "-" + member + "." + name + "-svc." + namespace + ".svc.cluster.local";
      assertThat(dnsNames.stream().anyMatch(d -> covers(String.valueOf(d), host)))
          .as(host)
          .isTrue();
    }

    for (Map<String, Object> deployment : Workloads.ofKind(prod, "Deployment")) {
      String id = Yamls.id(deployment);
      Map<String, String> env = SpringEnvironment.of(prod, deployment);
      var binder = SpringEnvironment.binder(env);
      String bundle =
          binder.bind("spring.mongodb", MongoProperties.class).get().getSsl().getBundle();
      assertThat(bundle).as(id).isEqualTo("mongodb");
      SslProperties ssl = binder.bind("spring.ssl", SslProperties.class).get();
      String certificateLocation =
          ssl.getBundle().getPem().get(bundle).getTruststore().getCertificate();
      assertThat(certificateLocation).as(id).startsWith("file:");
      assertThat(mountedSecretKey(deployment, certificateLocation.substring("file:".length())))
          .as(id)
          .isEqualTo(serverSecret + "/ca.crt");
    }
    // the operator writes each user's connection string with ssl=%t of spec.security.tls.enabled;
    // ssl=true is the driver's alias of tls=true
    ConnectionString operatorUri =
        new ConnectionString(
            "mongodb://allocator:pw@"
                + name
                + "-0."
                + name
                + "-svc."
                + namespace
                + ".svc.cluster.local:27017/admin?replicaSet="
                + name
                + "&ssl=true");
    assertThat(operatorUri.getSslEnabled()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev"})
  void baseAndDevKeepThePlainListenerAndNoClientTls(String dir) {
    List<Map<String, Object>> docs = KustomizeOverlaysTest.render(dir);
    Map<String, Object> kafka = Workloads.ofKind(docs, "Kafka").get(0);
    assertThat(maps(at(kafka, "spec", "kafka", "listeners")))
        .extracting(l -> l.get("port"), l -> l.get("tls"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple(9092, false));
    for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
      Map<String, String> env = SpringEnvironment.of(docs, deployment);
      assertThat(env)
          .doesNotContainKeys("SPRING_KAFKA_SECURITY_PROTOCOL", "SPRING_MONGODB_SSL_BUNDLE");
      assertThat(env.get("FOCUSSYNC_KAFKA_BOOTSTRAP")).endsWith(":9092");
    }
    assertThat(at(Workloads.ofKind(docs, "MongoDBCommunity").get(0), "spec", "security", "tls"))
        .isNull();
  }

  /**
   * The "secret/key" a file path of the Deployment's first container comes from: a volume mount of
   * a Secret that projects only that key; null when the file comes from nowhere else.
   */
  private static String mountedSecretKey(Map<String, Object> deployment, String file) {
    Map<String, Object> pod = Workloads.podSpec(deployment);
    Map<String, Object> container = maps(pod.get("containers")).get(0);
    for (Map<String, Object> mount : maps(container.get("volumeMounts"))) {
      String dir = str(mount, "mountPath");
      if (!file.startsWith(dir + "/") || !Boolean.TRUE.equals(mount.get("readOnly"))) {
        continue;
      }
      for (Map<String, Object> volume : maps(pod.get("volumes"))) {
        if (!str(mount, "name").equals(str(volume, "name")) || volume.get("secret") == null) {
          continue;
        }
        List<Map<String, Object>> items = maps(at(volume, "secret", "items"));
        if (items.size() == 1 && file.equals(dir + "/" + str(items.get(0), "path"))) {
          return str(volume, "secret", "secretName") + "/" + str(items.get(0), "key");
        }
      }
    }
    return null;
  }

  private static boolean covers(String dnsName, String host) {
    if (dnsName.startsWith("*.")) {
      String suffix = dnsName.substring(1);
      return host.endsWith(suffix)
          && !host.substring(0, host.length() - suffix.length()).contains(".");
    }
    return dnsName.equals(host);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
