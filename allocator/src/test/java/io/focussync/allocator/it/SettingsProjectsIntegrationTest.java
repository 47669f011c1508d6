package io.focussync.allocator.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.focussync.platform.auth.InternalIdentity;
import io.focussync.testsupport.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code PATCH /api/v1/settings/allocation} (JSON merge patch) and the check of the settings'
 * project ids against the user's Clockify projects, which WireMock lists in the
 * clockify-connector's place.
 */
class SettingsProjectsIntegrationTest extends AllocatorIntegrationTest {

  static final String PATH = "/api/v1/settings/allocation";
  static final String MERGE_PATCH = "application/merge-patch+json";
  static final String PROJECTS =
      """
      {"projects": [
        {"id": "pA", "name": "Alpha", "clientName": "ACME", "color": "#f00", "archived": false},
        {"id": "pB", "name": "Beta", "clientName": null, "color": "#0f0", "archived": false},
        {"id": "pOther", "name": "Other", "clientName": null, "color": "#00f", "archived": false},
        {"id": "pOld", "name": "Old client", "clientName": "Gone", "color": "#999", "archived": true}
      ]}
      """;

  private TestHttp.Response patch(String body, String contentType) {
    return callAs(user, "PATCH", PATH, body, contentType);
  }

  private JsonNode ok(TestHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private List<String> problemFields(TestHttp.Response response) {
    assertThat(response.status()).as(response.body()).isEqualTo(400);
    assertThat(response.header("Content-Type")).contains("application/problem+json");
    return JSON.readTree(response.body()).get("errors").findValuesAsString("field");
  }

  @Test
  void aPatchOfWorkdayEndKeepsTheMapping() {
    stubProjects(200, PROJECTS);
    ok(
        call(
            "PUT",
            PATH,
            """
            {"projectMapping": {"A": "pA", "a.b": "pB"}, "otherProjectId": "pOther",
             "rules": [{"match": "PREFIX", "pattern": "web-", "projectId": "pB"}],
             "granularityMinutes": 15}
            """));

    JsonNode answer = ok(patch("{\"workdayEnd\": \"16:00\"}", MERGE_PATCH));

    assertThat(answer.get("workdayEnd").asString()).isEqualTo("16:00");
    assertThat(answer.get("projectCheck").get("checked").asBoolean()).isTrue();
    JsonNode settings = get(PATH);
    assertThat(settings.get("workdayEnd").asString()).isEqualTo("16:00");
    assertThat(settings.get("workdayStart").asString()).isEqualTo("09:00");
    assertThat(settings.get("granularityMinutes").asInt()).isEqualTo(15);
    assertThat(settings.get("projectMapping").get("A").asString()).isEqualTo("pA");
    assertThat(settings.get("projectMapping").get("a.b").asString()).isEqualTo("pB");
    assertThat(settings.get("otherProjectId").asString()).isEqualTo("pOther");
    assertThat(settings.get("rules").get(0).get("pattern").asString()).isEqualTo("web-");
  }

  @Test
  void aPatchMergesMembersAndNullRemovesThem() {
    stubProjects(200, PROJECTS);
    ok(call("PUT", PATH, "{\"projectMapping\": {\"A\": \"pA\"}, \"otherProjectId\": \"pOther\"}"));

    ok(patch("{\"projectMapping\": {\"B\": \"pB\"}}", "application/json"));
    ok(patch("{\"projectMapping\": {\"A\": null}, \"otherProjectId\": null}", MERGE_PATCH));

    JsonNode settings = get(PATH);
    assertThat(settings.get("projectMapping").properties())
        .extracting(e -> e.getKey() + "=" + e.getValue().asString())
        .containsExactly("B=pB");
    assertThat(settings.path("otherProjectId").isString()).isFalse();
  }

  @Test
  void aPatchIsValidatedLikeAPutAndABadOneChangesNothing() {
    assertThat(problemFields(patch("{\"granularityMinutes\": 7}", MERGE_PATCH)))
        .containsExactly("granularityMinutes");
    assertThat(problemFields(patch("{\"granularityMinutes\": \"x\"}", MERGE_PATCH)))
        .containsExactly("granularityMinutes");
    assertThat(problemFields(patch("[1]", MERGE_PATCH))).containsExactly("body");
    assertThat(problemFields(patch("{\"workdayEnd\": \"08:00\"}", MERGE_PATCH)))
        .containsExactly("workdayEnd");
    assertThat(patch("{\"workdayEnd\": \"16:00\"}", "text/plain").status()).isEqualTo(415);

    assertThat(get(PATH).get("workdayEnd").asString()).isEqualTo("17:00");
  }

  @Test
  void anUnknownOrArchivedProjectIdIsA400NamingIt() {
    stubProjects(200, PROJECTS);

    TestHttp.Response unknown =
        call("PUT", PATH, "{\"projectMapping\": {\"A\": \"pA\", \"B\": \"pNope\"}}");
    assertThat(problemFields(unknown)).containsExactly("projectMapping[\"B\"]");
    assertThat(unknown.body()).contains("pNope");
    TestHttp.Response archived =
        call(
            "PUT",
            PATH,
            "{\"rules\": [{\"match\": \"GLOB\", \"pattern\": \"old-*\", \"projectId\": \"pOld\"}]}");
    assertThat(problemFields(archived)).containsExactly("rules[0].projectId");
    assertThat(archived.body()).contains("pOld").contains("archived");
    TestHttp.Response patched = patch("{\"otherProjectId\": \"pMissing\"}", MERGE_PATCH);
    assertThat(problemFields(patched)).containsExactly("otherProjectId");
    assertThat(patched.body()).contains("pMissing");

    assertThat(get(PATH).get("projectMapping").isEmpty()).isTrue();
    LoggedRequest asked =
        CONNECTOR
            .findAll(
                getRequestedFor(urlPathEqualTo("/api/v1/clockify/projects"))
                    .withHeader(InternalIdentity.USER_HEADER, equalTo(user)))
            .get(0);
    assertThat(
            identity.verify(
                asked.getHeader(InternalIdentity.USER_HEADER),
                asked.getHeader(InternalIdentity.TIMESTAMP_HEADER),
                asked.getHeader(InternalIdentity.SIGNATURE_HEADER)))
        .contains(user);
  }

  @Test
  void whenTheConnectorCannotTellTheSettingsAreSavedUnchecked() {
    String mapping = "{\"projectMapping\": {\"A\": \"pWhatever\"}}";
    for (int status : new int[] {404, 409, 503}) {
      stubProjects(status, "{\"title\": \"no\", \"status\": " + status + "}");

      JsonNode answer = ok(call("PUT", PATH, mapping));

      assertThat(answer.get("projectCheck").get("checked").asBoolean()).as("" + status).isFalse();
      assertThat(answer.get("projectCheck").get("reason").asString()).isNotBlank();
      assertThat(answer.get("projectMapping").get("A").asString()).isEqualTo("pWhatever");
    }
    CONNECTOR.stubFor(
        WireMock.get(urlPathEqualTo("/api/v1/clockify/projects"))
            .withHeader(InternalIdentity.USER_HEADER, equalTo(user))
            .willReturn(WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    JsonNode unreachable = ok(patch("{\"projectMapping\": {\"B\": \"pToo\"}}", MERGE_PATCH));
    assertThat(unreachable.get("projectCheck").get("checked").asBoolean()).isFalse();
    assertThat(unreachable.get("projectCheck").get("reason").asString()).contains("reached");
    assertThat(get(PATH).get("projectMapping").get("B").asString()).isEqualTo("pToo");
  }

  @Test
  void settingsNamingNoProjectAreCheckedWithoutAskingAndTheAnswerCanBePutBack() {
    JsonNode answer = ok(call("PUT", PATH, "{\"workdayStart\": \"08:00\"}"));

    assertThat(answer.get("projectCheck").get("checked").asBoolean()).isTrue();
    assertThat(
            CONNECTOR.findAll(
                getRequestedFor(urlPathEqualTo("/api/v1/clockify/projects"))
                    .withHeader(InternalIdentity.USER_HEADER, equalTo(user))))
        .isEmpty();
    assertThat(ok(call("PUT", PATH, answer.toString())).get("workdayStart").asString())
        .isEqualTo("08:00");
  }
}
