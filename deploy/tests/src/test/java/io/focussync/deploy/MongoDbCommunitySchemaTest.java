package io.focussync.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The MongoDBCommunity resources against the operator's CRD schema (the operator has no Java model:
 * see src/test/resources/schemas/README.md for where the schema comes from).
 */
class MongoDbCommunitySchemaTest {

  static final Map<String, Object> SCHEMA = schema("/schemas/mongodbcommunity-v1.schema.json");

  @ParameterizedTest
  @ValueSource(strings = {"base", "overlays/dev", "overlays/prod"})
  void everyRenderedMongoDbCommunityFollowsTheOperatorsSchema(String dir) {
    List<Map<String, Object>> resources =
        Workloads.ofKind(KustomizeOverlaysTest.render(dir), "MongoDBCommunity");
    List<String> problems = new ArrayList<>();
    resources.forEach(r -> problems.addAll(StructuralSchema.validate(r, SCHEMA, Yamls.id(r))));

    assertThat(resources).hasSize(1);
    assertThat(problems).isEmpty();
  }

  @Test
  void theSchemaRefusesWrongTypesValuesAndUnknownOrMissingFields() {
    Map<String, Object> bad =
        Yamls.loadAll(StrimziResourcesTest.fixture("bad-mongodbcommunity.yaml")).get(0);

    assertThat(StructuralSchema.validate(bad, SCHEMA, "careless"))
        .containsExactlyInAnyOrder(
            "careless.spec.members: not integer: 3",
            "careless.spec.type: ShardedCluster is not one of [ReplicaSet]",
            "careless.spec.replicas: unknown field",
            "careless.spec.security.authentication.modes[1]: PLAIN is not one of"
                + " [SCRAM, SCRAM-SHA-256, SCRAM-SHA-1, X509]",
            "careless.spec.security.tls: missing enabled",
            "careless.spec.security.tls.enable: unknown field",
            "careless.spec.users[0]: missing roles",
            "careless.spec.users[0].scramCredentialsSecretName: App_Scram does not match"
                + " ^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");
  }

  private static Map<String, Object> schema(String resource) {
    try (InputStream in = MongoDbCommunitySchemaTest.class.getResourceAsStream(resource)) {
      return new ObjectMapper().readValue(in, new TypeReference<Map<String, Object>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
