package io.focussync.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.FakeGateway.Response;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@code connect clockify}: the PUT sent, the key's sources, the output, the exit codes. */
class ConnectClockifyTest {

  private static final String PATH = "/api/v1/connections/clockify";
  private static final String KEY = "secret-key-9876";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path dir;
  private FakeGateway gateway;
  private CliRunner cli;
  private final AtomicReference<String> stored = new AtomicReference<>();

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    gateway.on("PUT", PATH, this::put);
    gateway.on(
        "GET",
        PATH,
        request ->
            stored.get() == null
                ? Response.problem(404, "Not Found", "No Clockify connection.")
                : Response.json(200, stored.get()));
    cli = new CliRunner(dir.resolve("home")).loggedIn(gateway);
  }

  @AfterEach
  void tearDown() {
    gateway.close();
  }

  @Test
  void theKeyComesFromTheEnvironmentAndIsNeverPrinted() {
    CliRunner.Result result =
        cli.env("CLOCKIFY_API_KEY", KEY).run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).as(result.err()).isZero();
    FakeGateway.Request put = gateway.requests().get(0);
    assertThat(put.method()).isEqualTo("PUT");
    assertThat(put.header("Authorization")).isEqualTo("Bearer " + FakeGateway.USER_TOKEN);
    assertThat(put.header("Content-Type")).isEqualTo("application/json");
    assertThat(put.json().properties().stream().map(Map.Entry::getKey))
        .containsExactlyInAnyOrder("workspaceId", "apiKey", "dryRun");
    assertThat(put.json().path("apiKey").asString()).isEqualTo(KEY);
    assertThat(put.json().path("dryRun").asBoolean(true)).isFalse();
    assertThat(result.out())
        .contains("Clockify connected: workspace ws-1, live (your planned days are written")
        .contains("  API key        …9876\n")
        .contains("  Base URL       https://api.clockify.me/api\n")
        .contains("  Clockify user  cu-1\n")
        .contains("  Status         ACTIVE\n");
    assertThat(result.out() + result.err()).doesNotContain(KEY);
  }

  @Test
  void withoutTheVariableTheKeyIsAskedForWithoutEcho() {
    List<String> asked = new ArrayList<>();
    cli.prompt(
        prompt -> {
          asked.add(prompt);
          return Optional.of("typed-key-1234\n");
        });

    CliRunner.Result result = cli.run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(asked).singleElement().asString().startsWith("Clockify API key");
    assertThat(gateway.requests().get(0).json().path("apiKey").asString())
        .isEqualTo("typed-key-1234");
    assertThat(result.out()).contains("API key        …1234").doesNotContain("typed-key");
  }

  @Test
  void withoutTheVariableOrATerminalItIsAUsageErrorAndNothingIsSent() {
    CliRunner.Result result = cli.run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).isEqualTo(2);
    assertThat(result.err()).contains("no Clockify API key: set CLOCKIFY_API_KEY");
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void aDryRunNeedsNoKeyAndSendsNone() {
    cli.prompt(
        prompt -> {
          throw new AssertionError("a dry run asks for no key");
        });

    CliRunner.Result result = cli.run("connect", "clockify", "--workspace", "ws-1", "--dry-run");

    assertThat(result.code()).as(result.err()).isZero();
    JsonNode body = gateway.requests().get(0).json();
    assertThat(body.has("apiKey")).isFalse();
    assertThat(body.path("dryRun").asBoolean(false)).isTrue();
    assertThat(result.out())
        .contains("Clockify connected: workspace ws-1, dry run (the Clockify calls are planned")
        .contains("  API key        none (dry run)\n")
        .contains("  Clockify user  – (dry run)\n");
  }

  @Test
  void theBaseUrlIsTheOptionElseTheVariableElseLeftToTheServer() {
    cli.env("CLOCKIFY_API_KEY", KEY).env("CLOCKIFY_BASE_URL", "https://euc1.clockify.me/api");

    assertThat(cli.run("connect", "clockify", "--workspace", "ws-1").code()).isZero();
    assertThat(
            cli.run(
                    "connect",
                    "clockify",
                    "--workspace",
                    "ws-1",
                    "--base-url",
                    "https://api.clockify.me/api")
                .code())
        .isZero();

    assertThat(gateway.requests())
        .extracting(request -> request.json().path("baseUrl").asString())
        .containsExactly("https://euc1.clockify.me/api", "https://api.clockify.me/api");
  }

  @Test
  void aKeyClockifyRefusesIsExit1WithTheFieldError() {
    CliRunner.Result result =
        cli.env("CLOCKIFY_API_KEY", "wrong-key-0000")
            .run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("The Clockify connection was not saved: Invalid request (422)")
        .contains("apiKey: Clockify rejected the API key (401)")
        .doesNotContain("wrong-key-0000");
    assertThat(stored.get()).isNull();
  }

  @Test
  void fieldsTheServerRefusesAreExit1WithEachFieldError() {
    CliRunner.Result result =
        cli.env("CLOCKIFY_API_KEY", KEY)
            .run(
                "connect",
                "clockify",
                "--workspace",
                "ws/1",
                "--base-url",
                "https://evil.example/api");

    assertThat(result.code()).isEqualTo(1);
    assertThat(result.err())
        .contains("Invalid request (400)")
        .contains("\n  workspaceId: is required: letters, digits, '-' or '_' only")
        .contains("\n  baseUrl: is not on the allowed list of Clockify base URLs");
  }

  @Test
  void notLoggedInIsExit3BeforeTheKeyIsAskedFor() {
    CliRunner fresh =
        new CliRunner(dir.resolve("nobody"))
            .prompt(
                prompt -> {
                  throw new AssertionError("asked for a key while not logged in");
                });

    CliRunner.Result result = fresh.run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).contains("Not logged in");
  }

  @Test
  void anUnreachableGatewayIsExit3() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }

    CliRunner.Result result =
        cli.env("FOCUSSYNC_URL", "http://127.0.0.1:" + closedPort)
            .env("CLOCKIFY_API_KEY", KEY)
            .run("connect", "clockify", "--workspace", "ws-1");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err()).contains("Cannot reach the gateway");
  }

  @Test
  void aRefusedTokenIsExit4() {
    cli.env("CLOCKIFY_API_KEY", KEY);
    gateway.refuseUserToken();

    CliRunner.Result revoked = cli.run("connect", "clockify", "--workspace", "ws-1");
    assertThat(revoked.code()).isEqualTo(4);
    assertThat(revoked.err()).contains("Unauthorized (401)");

    CliRunner.Result admin =
        cli.env("FOCUSSYNC_TOKEN", FakeGateway.ADMIN_TOKEN)
            .run("connect", "clockify", "--workspace", "ws-1");
    assertThat(admin.code()).isEqualTo(4);
    assertThat(admin.err()).contains("Forbidden (403)");
  }

  @Test
  void showPrintsTheCurrentConnection() {
    CliRunner.Result none = cli.run("connect", "clockify", "--show");
    assertThat(none.code()).isEqualTo(1);
    assertThat(none.err()).contains("No Clockify connection yet");

    cli.env("CLOCKIFY_API_KEY", KEY).run("connect", "clockify", "--workspace", "ws-1");
    CliRunner.Result shown = cli.run("connect", "clockify", "--show");
    assertThat(shown.code()).isZero();
    assertThat(shown.out())
        .contains("Clockify connection: workspace ws-1, live")
        .contains("API key        …9876");
    assertThat(gateway.requests().get(gateway.requests().size() - 1).method()).isEqualTo("GET");

    CliRunner.Result json = cli.run("connect", "clockify", "--show", "--json");
    assertThat(JSON.readTree(json.out()).path("workspaceId").asString()).isEqualTo("ws-1");
  }

  @Test
  void usageErrorsAreExit2() {
    CliRunner.Result noWorkspace = cli.env("CLOCKIFY_API_KEY", KEY).run("connect", "clockify");
    assertThat(noWorkspace.code()).isEqualTo(2);
    assertThat(noWorkspace.err())
        .contains("Missing required option: '--workspace=ID'")
        .contains("focussync connect clockify --help");
    assertThat(cli.run("connect", "clockify", "--show", "--workspace", "ws-1").code()).isEqualTo(2);
    assertThat(cli.run("connect").code()).isEqualTo(2);
    assertThat(cli.run("connect", "toggl").code()).isEqualTo(2);
    assertThat(gateway.requests()).isEmpty();
  }

  // Answers as the clockify-connector's ConnectionService does.
  private Response put(FakeGateway.Request request) {
    JsonNode body = request.json();
    boolean dryRun = body.path("dryRun").asBoolean(false);
    String apiKey = body.path("apiKey").asString("");
    String workspace = body.path("workspaceId").asString("");
    String baseUrl = body.path("baseUrl").asString("https://api.clockify.me/api");
    List<String> errors = new ArrayList<>();
    if (!dryRun && apiKey.isBlank()) {
      errors.add("apiKey|is required");
    }
    if (!workspace.matches("[A-Za-z0-9_-]{1,64}")) {
      errors.add("workspaceId|is required: letters, digits, '-' or '_' only");
    }
    if (!baseUrl.matches("https://(api|euc1)\\.clockify\\.me/api")) {
      errors.add("baseUrl|is not on the allowed list of Clockify base URLs");
    }
    if (!errors.isEmpty()) {
      return invalid(400, errors);
    }
    if (!dryRun && apiKey.startsWith("wrong")) {
      return invalid(
          422,
          List.of(
              "apiKey|Clockify rejected the API key (401): check the key and the base URL,"
                  + " they go in pairs"));
    }
    ObjectNode view = JSON.createObjectNode();
    view.put("workspaceId", workspace);
    view.put("userId", dryRun ? null : "cu-1");
    view.put("baseUrl", baseUrl);
    view.put("dryRun", dryRun);
    view.put("apiKey", apiKey.length() <= 4 ? "…" : "…" + apiKey.substring(apiKey.length() - 4));
    view.put("status", "ACTIVE");
    view.putNull("attention");
    stored.set(view.toString());
    return Response.json(200, view.toString());
  }

  private static Response invalid(int status, List<String> errors) {
    ObjectNode problem = JSON.createObjectNode();
    problem.put("type", "https://focussync.io/problems/bad-request");
    problem.put("title", "Invalid request");
    problem.put("status", status);
    problem.put("detail", String.join("; ", errors).replace("|", ": "));
    ArrayNode fields = problem.putArray("errors");
    for (String error : errors) {
      String[] parts = error.split("\\|", 2);
      fields.addObject().put("field", parts[0]).put("message", parts[1]);
    }
    return new Response(status, "application/problem+json", problem.toString(), Map.of());
  }
}
