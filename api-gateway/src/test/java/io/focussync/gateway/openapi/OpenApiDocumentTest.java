package io.focussync.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.gateway.support.GatewayTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** {@code /v3/api-docs} lists every route of API.md, and the Swagger UI is served. */
class OpenApiDocumentTest extends GatewayTestBase {

  /** The routes of ../shared/API.md, kept here so that the check runs without it too. */
  static final List<String> API_ROUTES =
      List.of(
          "POST /api/v1/admin/users",
          "POST /api/v1/admin/users/{id}/tokens",
          "DELETE /api/v1/tokens/current",
          "POST /api/v1/sessions",
          "PUT /api/v1/sessions/{sessionId}",
          "DELETE /api/v1/sessions/{sessionId}",
          "POST /api/v1/sessions/batch",
          "POST /api/v1/imports",
          "GET /api/v1/sessions",
          "GET /api/v1/focus-sessions",
          "POST /api/v1/focus-sessions",
          "GET /api/v1/focus-sessions/{id}",
          "PATCH /api/v1/focus-sessions/{id}",
          "DELETE /api/v1/focus-sessions/{id}",
          "GET /api/v1/days/{date}",
          "GET /api/v1/days",
          "POST /api/v1/days/{date}/approve",
          "POST /api/v1/days/{date}/resync",
          "POST /api/v1/days/replan",
          "GET /api/v1/settings/allocation",
          "PUT /api/v1/settings/allocation",
          "PATCH /api/v1/settings/allocation",
          "PUT /api/v1/connections/clockify",
          "GET /api/v1/connections/clockify",
          "DELETE /api/v1/connections/clockify",
          "POST /api/v1/connections/clockify/go-live",
          "GET /api/v1/clockify/projects",
          "GET /api/v1/clockify/workspaces",
          "PUT /api/v1/connections/notion",
          "POST /api/v1/webhooks/notion",
          "POST /api/v1/webhooks/notion/{webhookToken}",
          "GET /api/v1/sync/history");

  private static final Pattern ROUTE =
      Pattern.compile(
          "`((?:GET|POST|PUT|DELETE|PATCH)(?:\\|(?:GET|POST|PUT|DELETE|PATCH))*) (/api/v1/[^`\\s?]*)");

  @Test
  void documentListsEveryRouteKeptInTheRepository() {
    assertDocumented(API_ROUTES);
  }

  @Test
  void documentListsEveryRouteOfTheSharedApiContract() throws IOException {
    Path apiMd = Path.of("..", "shared", "API.md");
    if (!Files.exists(apiMd)) {
      apiMd = Path.of("..", "..", "shared", "API.md");
    }
    Assumptions.assumeTrue(Files.exists(apiMd), "../shared/API.md is not present");
    Set<String> routes = new LinkedHashSet<>();
    Matcher matcher = ROUTE.matcher(Files.readString(apiMd));
    while (matcher.find()) {
      for (String method : matcher.group(1).split("\\|")) {
        routes.add(method + " " + matcher.group(2));
      }
    }

    assertThat(routes).hasSizeGreaterThanOrEqualTo(15);
    assertThat(API_ROUTES).containsAll(routes);
    assertDocumented(routes);
  }

  @Test
  void documentDescribesBearerAuthAndProblems() {
    JsonNode doc = apiDocs();

    assertThat(doc.at("/components/securitySchemes/bearerAuth/scheme").asString())
        .isEqualTo("bearer");
    assertThat(doc.at("/components/schemas/Problem").isMissingNode()).isFalse();
    assertThat(doc.at("/paths").toString()).doesNotContain("/**");
  }

  @Test
  void documentDescribesTheDayAroundManualEntriesTheReplanPreviewAndTheSettingsPatch() {
    JsonNode doc = apiDocs();

    JsonNode day = doc.at("/components/schemas/Day/properties");
    assertThat(day.has("manualEntries")).isTrue();
    assertThat(day.has("conflicts")).isTrue();
    assertThat(day.has("reason")).isTrue();
    assertThat(day.has("outdated")).isTrue();
    JsonNode replan = doc.at("/paths/~1api~1v1~1days~1replan/post");
    assertThat(replan.at("/requestBody/content/application~1json/schema/properties").has("preview"))
        .isTrue();
    assertThat(replan.at("/responses").has("200")).isTrue();
    assertThat(replan.at("/responses").has("202")).isTrue();
    JsonNode patch = doc.at("/paths/~1api~1v1~1settings~1allocation/patch/requestBody/content");
    assertThat(patch.has("application/merge-patch+json")).isTrue();
    assertThat(patch.has("application/json")).isTrue();
    assertThat(doc.at("/components/schemas/ProjectCheck/properties").has("reason")).isTrue();
  }

  @Test
  void documentIsWrittenForReview() throws IOException {
    Path out = Path.of("target", "openapi.json");
    Files.createDirectories(out.getParent());
    Files.writeString(out, apiDocs().toPrettyString());

    assertThat(Files.size(out)).isPositive();
  }

  @Test
  void swaggerUiIsServed() {
    Response ui = call("GET", "/swagger-ui/index.html", null, null);

    assertThat(ui.status()).isEqualTo(200);
    assertThat(ui.body()).contains("swagger");
  }

  private void assertDocumented(Iterable<String> routes) {
    JsonNode paths = apiDocs().get("paths");
    Set<String> documented = new LinkedHashSet<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            documented.add(
                                operation.getKey().toUpperCase(Locale.ROOT)
                                    + " "
                                    + normalise(path.getKey()))));
    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      assertThat(documented).as(route).contains(parts[0] + " " + normalise(parts[1]));
    }
  }

  private JsonNode apiDocs() {
    Response docs = call("GET", "/v3/api-docs", null, null);
    assertThat(docs.status()).as(docs.body()).isEqualTo(200);
    return docs.json();
  }

  private static String normalise(String path) {
    return path.replaceAll("\\{[^}]*}", "{}");
  }
}
