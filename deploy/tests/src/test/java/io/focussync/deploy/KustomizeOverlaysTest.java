package io.focussync.deploy;

import static io.focussync.deploy.Yamls.at;
import static io.focussync.deploy.Yamls.map;
import static io.focussync.deploy.Yamls.maps;
import static io.focussync.deploy.Yamls.str;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The base and the overlays as they would be applied (rendered by MiniKustomize). */
class KustomizeOverlaysTest {

  static final Set<String> SERVICES =
      Set.of(
          "tracker-ingest", "allocator", "clockify-connector", "notion-connector", "api-gateway");

  /** Who consumes what (the platform's design): the HPA ceilings follow from it. */
  static final Map<String, List<String>> CONSUMES =
      Map.of(
          "allocator", List.of("focussync.sessions.v1", "focussync.sync-results.v1"),
          "clockify-connector", List.of("focussync.day-plans.v1"),
          "notion-connector", List.of("focussync.sync-results.v1"));

  static List<Map<String, Object>> render(String dir) {
    return MiniKustomize.build(RepoFiles.k8s().resolve(dir));
  }

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyRenderedResourceFollowsTheRules(String dir) {
    List<Map<String, Object>> docs = render(dir);

    assertThat(ManifestChecks.all(docs)).isEmpty();
    assertThat(names(docs, "Deployment")).isEqualTo(SERVICES);
    assertThat(names(docs, "Service")).isEqualTo(SERVICES);
    assertThat(names(docs, "PodDisruptionBudget")).isEqualTo(SERVICES);
    assertThat(names(docs, "HorizontalPodAutoscaler")).isEqualTo(CONSUMES.keySet());
  }

  @Test
  void productionRunsThreeReplicasOfEveryStatelessService() {
    List<Map<String, Object>> prod = render("overlays/prod");

    assertThat(ManifestChecks.replicasAtLeast(prod, 3)).isEmpty();
    for (Map<String, Object> hpa : Workloads.ofKind(prod, "HorizontalPodAutoscaler")) {
      assertThat(at(hpa, "spec", "maxReplicas")).as(Yamls.id(hpa)).isEqualTo(12);
    }
    assertThat(ManifestChecks.replicasAtLeast(render("overlays/dev"), 1)).isEmpty();
  }

  @Test
  void productionKafkaKeepsThreeReplicasAndAcknowledgesWritesOnTwo() {
    List<Map<String, Object>> prod = render("overlays/prod");

    Map<String, Object> pool = Workloads.ofKind(prod, "KafkaNodePool").get(0);
    assertThat(at(pool, "spec", "replicas")).isEqualTo(3);
    assertThat(Yamls.list(at(pool, "spec", "roles")))
        .containsExactlyInAnyOrder("controller", "broker");
    Map<String, Object> config =
        map(at(Workloads.ofKind(prod, "Kafka").get(0), "spec", "kafka", "config"));
    assertThat(config)
        .containsEntry("default.replication.factor", 3)
        .containsEntry("min.insync.replicas", 2)
        .containsEntry("offsets.topic.replication.factor", 3)
        .containsEntry("transaction.state.log.replication.factor", 3)
        .containsEntry("transaction.state.log.min.isr", 2);
    List<Map<String, Object>> topics = Workloads.ofKind(prod, "KafkaTopic");
    assertThat(topics).hasSize(7);
    for (Map<String, Object> topic : topics) {
      assertThat(at(topic, "spec", "replicas")).as(Yamls.id(topic)).isEqualTo(3);
      assertThat(at(topic, "spec", "config", "min.insync.replicas"))
          .as(Yamls.id(topic))
          .isEqualTo(2);
      assertThat(at(topic, "spec", "partitions")).as(Yamls.id(topic)).isEqualTo(12);
    }
    Map<String, Object> configMap = Workloads.ofKind(prod, "ConfigMap").get(0);
    assertThat(at(configMap, "data", "FOCUSSYNC_KAFKA_REPLICATION_FACTOR")).isEqualTo("3");
  }

  @Test
  void mongoDbIsAThreeMemberReplicaSetWithOneUserPerServiceDatabase() {
    for (String dir : List.of("base", "overlays/prod")) {
      Map<String, Object> mongo = Workloads.ofKind(render(dir), "MongoDBCommunity").get(0);
      assertThat(at(mongo, "spec", "members")).as(dir).isEqualTo(3);
      assertThat(at(mongo, "spec", "type")).isEqualTo("ReplicaSet");
      assertThat(str(mongo, "spec", "version")).startsWith("8.");
    }
    Map<String, Object> mongo = Workloads.ofKind(render("base"), "MongoDBCommunity").get(0);
    Map<String, String> connectionSecretByUser = new HashMap<>();
    for (Map<String, Object> user : maps(at(mongo, "spec", "users"))) {
      String name = str(user, "name");
      assertThat(maps(user.get("roles")))
          .as(name)
          .containsExactly(Map.of("name", "readWrite", "db", "focussync-" + name));
      connectionSecretByUser.put(name, str(user, "connectionStringSecretName"));
    }
    assertThat(connectionSecretByUser.keySet()).isEqualTo(SERVICES);
    for (Map<String, Object> deployment : Workloads.ofKind(render("base"), "Deployment")) {
      String service = str(deployment, "metadata", "name");
      Map<String, Object> uri = env(deployment, "FOCUSSYNC_MONGODB_URI");
      assertThat(str(uri, "valueFrom", "secretKeyRef", "name"))
          .isEqualTo(connectionSecretByUser.get(service));
      assertThat(str(uri, "valueFrom", "secretKeyRef", "key"))
          .isEqualTo("connectionString.standard");
    }
  }

  @Test
  void everyConsumerNamesItsTopicsAndEveryTopicHasItsDeadLetterTopic() {
    List<Map<String, Object>> docs = render("base");
    Map<String, Integer> partitions = new HashMap<>();
    for (Map<String, Object> topic : Workloads.ofKind(docs, "KafkaTopic")) {
      partitions.put(str(topic, "spec", "topicName"), (Integer) at(topic, "spec", "partitions"));
    }

    for (Map<String, Object> deployment : Workloads.ofKind(docs, "Deployment")) {
      String service = str(deployment, "metadata", "name");
      List<String> consumed = ManifestChecks.consumedTopics(deployment);
      assertThat(consumed).as(service).isEqualTo(CONSUMES.getOrDefault(service, List.of()));
      for (String topic : consumed) {
        String dlq = topic + "." + service + ".dlq";
        assertThat(partitions).as(dlq).containsKey(dlq);
        // the binder writes a dead letter to the original record's partition number
        assertThat(partitions.get(dlq)).as(dlq).isEqualTo(partitions.get(topic));
      }
    }
  }

  @Test
  void onlyTheGatewayIsExposedAndEveryServiceIsScraped() {
    List<Map<String, Object>> docs = render("overlays/prod");

    Map<String, Object> ingress = Workloads.ofKind(docs, "Ingress").get(0);
    for (Map<String, Object> rule : maps(at(ingress, "spec", "rules"))) {
      for (Map<String, Object> path : maps(at(rule, "http", "paths"))) {
        assertThat(str(path, "backend", "service", "name")).isEqualTo("api-gateway");
        assertThat(str(path, "path")).doesNotStartWith("/actuator");
      }
    }
    assertThat(maps(at(ingress, "spec", "tls"))).isNotEmpty();
    Map<String, Object> monitor = Workloads.ofKind(docs, "ServiceMonitor").get(0);
    Map<String, Object> endpoint = maps(at(monitor, "spec", "endpoints")).get(0);
    assertThat(endpoint)
        .containsEntry("port", "http")
        .containsEntry("path", "/actuator/prometheus");
    for (Map<String, Object> service : Workloads.ofKind(docs, "Service")) {
      assertThat(maps(at(service, "spec", "ports")))
          .extracting(p -> p.get("name"))
          .as(Yamls.id(service))
          .containsExactly("http");
    }
  }

  @Test
  void networkPoliciesLetConnectorsAloneOutOnPort443() {
    List<Map<String, Object>> docs = render("overlays/prod");
    Map<String, Map<String, Object>> policies =
        Workloads.ofKind(docs, "NetworkPolicy").stream()
            .collect(Collectors.toMap(p -> str(p, "metadata", "name"), p -> p));

    Map<String, Object> internet = policies.get("connectors-egress-internet");
    assertThat(maps(at(internet, "spec", "podSelector", "matchExpressions")).get(0).get("values"))
        .isEqualTo(List.of("clockify-connector", "notion-connector"));
    assertThat(maps(maps(at(internet, "spec", "egress")).get(0).get("ports")))
        .containsExactly(Map.of("port", 443, "protocol", "TCP"));
    Map<String, Object> gatewayIngress = policies.get("api-gateway-ingress");
    assertThat(str(gatewayIngress, "spec", "podSelector", "matchLabels", "app.kubernetes.io/name"))
        .isEqualTo("api-gateway");
    assertThat(policies)
        .containsKeys(
            "internal-services-ingress",
            "services-egress-kafka-mongodb",
            "api-gateway-egress-services");
  }

  @Test
  void overlaysPutEverythingInTheirNamespace() {
    for (Map.Entry<String, String> e :
        Map.of("overlays/dev", "focussync-dev", "overlays/prod", "focussync").entrySet()) {
      for (Map<String, Object> doc : render(e.getKey())) {
        if (!"Namespace".equals(str(doc, "kind"))) {
          assertThat(str(doc, "metadata", "namespace")).as(Yamls.id(doc)).isEqualTo(e.getValue());
        }
      }
    }
  }

  private static Set<String> names(List<Map<String, Object>> docs, String kind) {
    return Workloads.ofKind(docs, kind).stream()
        .map(d -> str(d, "metadata", "name"))
        .collect(Collectors.toSet());
  }

  private static Map<String, Object> env(Map<String, Object> deployment, String name) {
    for (Map<String, Object> container : Workloads.containers(deployment)) {
      for (Map<String, Object> env : maps(container.get("env"))) {
        if (name.equals(env.get("name"))) {
          return env;
        }
      }
    }
    throw new AssertionError(Yamls.id(deployment) + " has no " + name);
  }
}
