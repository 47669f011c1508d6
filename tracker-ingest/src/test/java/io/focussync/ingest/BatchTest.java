package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.contracts.sessions.v1.SessionRecorded;
import io.focussync.testsupport.TestHttp;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BatchTest {

  @LocalServerPort int port;
  IngestApi api;

  @BeforeEach
  void setUp() {
    api = new IngestApi(port);
  }

  @Test
  void eachItemIsAcceptedOrRejectedOnItsOwn() {
    String user = IngestApi.newUser();
    String batch =
        "{\"sessions\":["
            + IngestApi.session("good-1", "p")
            + ",{\"projectKey\":\"p\",\"start\":\"2026-01-10T10:00:00+01:00\",\"end\":\"2026-01-10T09:00:00+01:00\"}"
            + ",42"
            + ","
            + IngestApi.session(null, "q")
            + ",{\"projectKey\":7}"
            + "]}";

    TestHttp.Response response = api.post("/api/v1/sessions/batch", user, batch);

    assertThat(response.status()).isEqualTo(202);
    JsonNode results = JsonMapper.builder().build().readTree(response.body()).get("results");
    assertThat(results.size()).isEqualTo(5);
    assertThat(results.get(0).get("status").asString()).isEqualTo("accepted");
    assertThat(results.get(0).get("id").asString()).isEqualTo("rest:good-1");
    assertThat(results.get(1).get("status").asString()).isEqualTo("rejected");
    assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("end");
    assertThat(results.get(2).get("status").asString()).isEqualTo("rejected");
    assertThat(results.get(3).get("status").asString()).isEqualTo("accepted");
    assertThat(results.get(4).get("errors").toString()).contains("projectKey");
    assertThat(results.get(4).get("index").asInt()).isEqualTo(4);
    List<SessionRecorded> events = IngestApi.recorded(IngestApi.events(user));
    assertThat(events)
        .extracting(SessionRecorded::sessionId)
        .containsExactly("rest:good-1", results.get(3).get("id").asString());
  }

  @Test
  void aBatchOfOnlyRejectedItemsPublishesNothing() {
    String user = IngestApi.newUser();

    TestHttp.Response response =
        api.post("/api/v1/sessions/batch", user, "{\"sessions\":[{},{\"projectKey\":\"\"}]}");

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).contains("\"accepted\":0").contains("\"rejected\":2");
    assertThat(IngestApi.events(user)).isEmpty();
  }

  @Test
  void aFullBatchOf1000IsAccepted() {
    String user = IngestApi.newUser();
    StringBuilder batch = new StringBuilder("{\"sessions\":[");
    for (int i = 0; i < 1000; i++) {
      batch.append(i == 0 ? "" : ",").append(IngestApi.session("s" + i, "p" + (i % 7)));
    }
    batch.append("]}");

    TestHttp.Response response = api.post("/api/v1/sessions/batch", user, batch.toString());

    assertThat(response.status()).isEqualTo(202);
    assertThat(response.body()).contains("\"accepted\":1000");
    assertThat(IngestApi.events(user)).hasSize(1000);
  }
}
