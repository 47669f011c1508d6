package io.focussync.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.testsupport.TestHttp;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON log lines of compose and Kubernetes ({@code LOGGING_STRUCTURED_FORMAT_CONSOLE=ecs}),
 * written by a running service: one object per line, and a line written while a request is handled
 * carries the trace id of the client's {@code traceparent}.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "logging.structured.format.console=ecs",
      "logging.config=classpath:ecs-console-logback.xml"
    })
class StructuredLogsTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @LocalServerPort int port;

  @Test
  void aLineWrittenForARequestIsEcsJsonWithTheClientsTraceId(CapturedOutput output) {
    String user = IngestApi.newUser();
    String traceId = UUID.randomUUID().toString().replace("-", "");
    String traceparent = "00-" + traceId + "-" + traceId.substring(0, 16) + "-01";

    TestHttp.Response response =
        new IngestApi(port)
            .send(
                "POST",
                "/api/v1/sessions",
                user,
                IngestApi.session("traced", "acme/web"),
                Map.of("traceparent", traceparent));

    assertThat(response.status()).isEqualTo(202);
    List<JsonNode> lines =
        output.getOut().lines().filter(line -> line.contains(user)).map(JSON::readTree).toList();
    assertThat(lines).as("the service's JSON lines about the user").isNotEmpty();
    assertThat(lines)
        .allSatisfy(
            line -> {
              assertThat(line.path("ecs").path("version").asString()).isNotEmpty();
              assertThat(line.path("traceId").asString()).isEqualTo(traceId);
              assertThat(line.path("spanId").asString()).hasSize(16);
            });
  }
}
