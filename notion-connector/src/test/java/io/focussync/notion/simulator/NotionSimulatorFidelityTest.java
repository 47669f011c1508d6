package io.focussync.notion.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.focussync.notion.client.NotionJson;
import io.focussync.notion.mapping.NotionPage;
import io.focussync.notion.mapping.PageReading;
import io.focussync.notion.mapping.PropertyMapping;
import io.focussync.notion.mapping.SessionMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The simulator answers in the shapes of the real recorded payloads (where those are present). */
class NotionSimulatorFidelityTest {

  static NotionSimulator notion;
  static final JsonMapper JSON = JsonMapper.builder().build();

  @BeforeAll
  static void start() {
    notion = NotionSimulator.start();
  }

  @AfterAll
  static void stop() {
    notion.close();
  }

  @Test
  void pagesDatabasesAndQueriesHaveTheRecordedFields() throws Exception {
    Optional<JsonNode> recorded =
        ReferencePayloads.read("recorded-2025-09-03-create-and-query-data-source.json");
    assumeTrue(recorded.isPresent(), "shared/reference not present");
    JsonNode interactions = recorded.get().path("interactions");
    String token = notion.newIntegration();
    NotionSimulator.Db db = notion.createDatabase(token, NotionSimulator.focusSessionsSchema());
    String pageId =
        notion.createPage(db.dataSourceId(), Map.of("Name", NotionSimulator.title("x")));

    JsonNode page = call(token, "GET", "/v1/pages/" + pageId, null);
    JsonNode database = call(token, "GET", "/v1/databases/" + db.databaseId(), null);
    JsonNode source = call(token, "GET", "/v1/data_sources/" + db.dataSourceId(), null);
    JsonNode query = call(token, "POST", "/v1/data_sources/" + db.dataSourceId() + "/query", "{}");

    assertThat(names(page)).containsAll(names(interactions.get(0).path("response").path("body")));
    assertThat(names(database))
        .containsAll(names(interactions.get(1).path("response").path("body")));
    Set<String> sourceFields = names(interactions.get(2).path("response").path("body"));
    sourceFields.removeAll(
        Set.of("icon", "cover", "created_by", "last_edited_by", "url", "public_url"));
    assertThat(names(source)).containsAll(sourceFields);
    assertThat(names(query)).containsAll(names(interactions.get(3).path("response").path("body")));
    assertThat(page.path("last_edited_time").asString()).endsWith(":00.000Z");
    JsonNode recordedTitle =
        interactions
            .get(0)
            .path("response")
            .path("body")
            .path("properties")
            .path("title")
            .path("title")
            .get(0);
    assertThat(names(page.path("properties").path("Name").path("title").get(0)))
        .containsAll(names(recordedTitle));
  }

  @Test
  void webhookEventsHaveTheSampleEnvelope() {
    Optional<JsonNode> sample =
        ReferencePayloads.read("webhook-page-properties-updated-example.json");
    assumeTrue(sample.isPresent(), "shared/reference not present");
    String token = notion.newIntegration();
    NotionSimulator.Db db = notion.createDatabase(token, NotionSimulator.focusSessionsSchema());
    String pageId = notion.createPage(db.dataSourceId(), Map.of());

    JsonNode event = JSON.readTree(notion.pageEvent("page.properties_updated", pageId, "p"));

    Set<String> expected = names(sample.get());
    expected.remove("accessible_by"); // public integrations only
    assertThat(names(event)).containsAll(expected);
    assertThat(names(event.path("data"))).containsAll(names(sample.get().path("data")));
  }

  @Test
  void theOfficialSamplePageIsReadAndItsAllDayDateIsNoSession() {
    Optional<JsonNode> sample =
        ReferencePayloads.read("page-retrieve-official-docs-example-2022-06-28.json");
    assumeTrue(sample.isPresent(), "shared/reference not present");
    Map<String, String> schema = new LinkedHashMap<>();
    sample
        .get()
        .path("properties")
        .properties()
        .forEach(p -> schema.put(p.getKey(), p.getValue().path("type").asString()));
    String token = notion.newIntegration();
    NotionSimulator.Db db = notion.createDatabase(token, schema);
    String pageId = notion.importPage(db.dataSourceId(), sample.get());

    NotionPage page = NotionJson.page(notion.pageJson(pageId));
    NotionPage original = NotionJson.page(sample.get());

    for (NotionPage read : List.of(page, original)) {
      assertThat(read.properties().get("Name").text()).isEqualTo("Tuscan kale");
      assertThat(read.properties().get("Description").text())
          .isEqualTo("A dark green leafy vegetable");
      assertThat(read.properties().get("Food group").text()).isEqualTo("🥬 Vegetable");
      assertThat(read.properties().get("Recipes").items()).hasSize(2);
      assertThat(read.properties().get("Price").number()).isEqualByComparingTo("2.5");
      assertThat(read.properties().get("In stock").checked()).isTrue();
      assertThat(read.properties().get("Number of meals").number()).isEqualByComparingTo("2");
      PageReading reading =
          SessionMapper.read(
              read,
              new PropertyMapping(
                  "Name",
                  "Last ordered",
                  "Food group",
                  "Price",
                  List.of("In stock"),
                  null,
                  null,
                  null));
      assertThat(reading.notASessionBecause()).isEqualTo("all-day date");
    }
  }

  private static JsonNode call(String token, String method, String path, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(notion.baseUrl() + path))
            .header("Authorization", "Bearer " + token)
            .header("Notion-Version", NotionSimulator.VERSION)
            .header("Content-Type", "application/json")
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Set<String> names(JsonNode node) {
    return new HashSet<>(node.propertyNames());
  }
}
