package io.focussync.clockify.projects;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.clockify.IntegrationTestBase;
import io.focussync.clockify.simulator.SimFault;
import io.focussync.clockify.simulator.SimProject;
import io.focussync.testsupport.TestHttp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code GET /api/v1/clockify/projects|workspaces}: the user's Clockify, read through the
 * connection.
 */
class ClockifyCatalogApiTest extends IntegrationTestBase {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static long reads(String path) {
    return CLOCKIFY.requests(r -> r.method().equals("GET") && r.path().equals(path)).size();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(TestHttp.Response response, String field) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return (List<Map<String, Object>>) JSON.readValue(response.body(), Map.class).get(field);
  }

  @Test
  void projectsArchivedOnesAndClientsIncludedAreReadOnceAndAgainOnRefresh() {
    String user = unique("projects");
    String workspace = connect(user);
    SimProject website = CLOCKIFY.addProject(workspace, "Website", "Acme", "#03A9F4", false);
    SimProject old = CLOCKIFY.addProject(workspace, "Old site", "Acme", "#000000", true);
    SimProject internal = CLOCKIFY.addProject(workspace, "Internal", null, "#FF5722", false);
    String projects = "/v1/workspaces/" + workspace + "/projects";

    List<Map<String, Object>> first =
        list(call("GET", "/api/v1/clockify/projects", null, user), "projects");

    assertThat(first)
        .containsExactlyInAnyOrder(
            project(website.id(), "Website", "Acme", "#03A9F4", false),
            project(old.id(), "Old site", "Acme", "#000000", true),
            project(internal.id(), "Internal", null, "#FF5722", false));
    assertThat(list(call("GET", "/api/v1/clockify/projects", null, user), "projects"))
        .isEqualTo(first);
    assertThat(reads(projects)).isEqualTo(1);

    SimProject added = CLOCKIFY.addProject(workspace, "New", null, "#FFFFFF", false);
    assertThat(list(call("GET", "/api/v1/clockify/projects?refresh=true", null, user), "projects"))
        .hasSize(4)
        .contains(project(added.id(), "New", null, "#FFFFFF", false));
    assertThat(reads(projects)).isEqualTo(2);
  }

  @Test
  void workspacesOfTheKeyAreListedAndKept() {
    String user = unique("workspaces");
    String workspace = connect(user);
    CLOCKIFY.nameWorkspace(workspace, "Acme Inc.");
    long before = reads("/v1/workspaces");

    List<Map<String, Object>> workspaces =
        list(call("GET", "/api/v1/clockify/workspaces", null, user), "workspaces");
    list(call("GET", "/api/v1/clockify/workspaces", null, user), "workspaces");

    assertThat(workspaces).containsExactly(Map.of("id", workspace, "name", "Acme Inc."));
    assertThat(reads("/v1/workspaces") - before).isEqualTo(1);
  }

  @Test
  void withoutAConnectionOrAKeyTheAnswerIsAProblem() {
    TestHttp.Response none = call("GET", "/api/v1/clockify/projects", null, unique("nobody"));
    assertThat(none.status()).isEqualTo(404);
    assertThat(none.header("Content-Type")).contains("application/problem+json");

    String user = unique("dry-no-key");
    TestHttp.Response put =
        call(
            "PUT",
            "/api/v1/connections/clockify",
            """
            {"workspaceId": "%s", "baseUrl": "%s", "dryRun": true}
            """
                .formatted(unique("ws"), CLOCKIFY.baseUrl()),
            user);
    assertThat(put.status()).as(put.body()).isEqualTo(200);
    for (String path : new String[] {"/api/v1/clockify/projects", "/api/v1/clockify/workspaces"}) {
      TestHttp.Response dry = call("GET", path, null, user);
      assertThat(dry.status()).as(path).isEqualTo(409);
      assertThat(dry.header("Content-Type")).contains("application/problem+json");
      assertThat(dry.body()).contains("needs an API key");
    }
  }

  @Test
  void aRefusedKeyMarksTheConnectionAndIsAConflict() {
    String user = unique("projects-revoked");
    connect(user);
    CLOCKIFY.revokeKey("key-" + user);

    TestHttp.Response refused = call("GET", "/api/v1/clockify/projects", null, user);

    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.header("Content-Type")).contains("application/problem+json");
    assertThat(refused.body()).contains("refused the API key");
    assertThat(call("GET", "/api/v1/connections/clockify", null, user).body())
        .contains("\"status\":\"NEEDS_ATTENTION\"");
    assertThat(call("GET", "/api/v1/clockify/workspaces", null, user).status()).isEqualTo(409);
  }

  @Test
  void anUnreachableClockifyIsUnavailableWithRetryAfter() {
    String user = unique("projects-down");
    String workspace = connect(user);
    CLOCKIFY.failAlways(
        "GET", "^/v1/workspaces/" + workspace + "/projects$", SimFault.connectionReset());
    TestHttp.Response down;
    try {
      down = call("GET", "/api/v1/clockify/projects", null, user);
    } finally {
      CLOCKIFY.clearFaults();
    }

    assertThat(down.status()).isEqualTo(503);
    assertThat(down.header("Retry-After")).isNotBlank();
    assertThat(down.header("Content-Type")).contains("application/problem+json");
    assertThat(down.body()).contains("Clockify could not be reached");
  }

  private static Map<String, Object> project(
      String id, String name, String clientName, String color, boolean archived) {
    Map<String, Object> project = new java.util.HashMap<>();
    project.put("id", id);
    project.put("name", name);
    project.put("clientName", clientName);
    project.put("color", color);
    project.put("archived", archived);
    return project;
  }
}
