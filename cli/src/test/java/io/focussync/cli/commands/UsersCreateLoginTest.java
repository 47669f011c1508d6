package io.focussync.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import io.focussync.cli.support.FakeGateway.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/** {@code users create NAME --login}: the new user's token becomes the stored login. */
class UsersCreateLoginTest {

  @TempDir Path dir;
  private FakeGateway gateway;
  private CliRunner cli;

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    cli = new CliRunner(dir.resolve("home"));
    cli.run("login", "--url", gateway.url().toString(), "--token", FakeGateway.ADMIN_TOKEN);
    gateway.clear();
  }

  @AfterEach
  void tearDown() {
    gateway.close();
  }

  @Test
  void theNextCommandsActAsTheNewUser() throws Exception {
    CliRunner.Result result = cli.run("users", "create", "ada", "--login");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Created user ada (id u-new).")
        .contains("Signed in as ada: the next commands act as ada (saved in " + cli.configFile())
        .doesNotContain("./focussync login --url");
    assertThat(result.out().split("fresh-token-42", -1)).hasSize(2); // printed once
    String config = Files.readString(cli.configFile());
    assertThat(config)
        .contains("\"" + gateway.url() + "\"")
        .contains("fresh-token-42")
        .doesNotContain(FakeGateway.ADMIN_TOKEN);

    gateway.clear();
    gateway.on("GET", "/api/v1/sessions", request -> Response.json(200, "{\"sessions\":[]}"));
    CliRunner.Result next = cli.run("sessions", "--from", "2026-03-02");
    assertThat(next.code()).as(next.err()).isZero();
    assertThat(gateway.requests().get(0).header("Authorization"))
        .isEqualTo("Bearer fresh-token-42");
  }

  @Test
  void withoutLoginTheStoredLoginStaysTheAdmins() throws Exception {
    CliRunner.Result result = cli.run("users", "create", "grace");

    assertThat(result.code()).isZero();
    assertThat(result.out()).doesNotContain("Signed in");
    assertThat(Files.readString(cli.configFile())).contains(FakeGateway.ADMIN_TOKEN);
  }

  @Test
  void withJsonStdoutIsTheAnswerAloneAndTheSignInIsOnStderr() throws Exception {
    CliRunner.Result result = cli.run("users", "create", "ada", "--login", "--json");

    assertThat(result.code()).isZero();
    assertThat(JsonMapper.builder().build().readTree(result.out()).path("token").asString())
        .isEqualTo("fresh-token-42");
    assertThat(result.err()).contains("Signed in as ada");
    assertThat(Files.readString(cli.configFile())).contains("fresh-token-42");
  }

  @Test
  void aTokenInTheEnvironmentIsSaidToWinOverTheStoredLogin() {
    CliRunner.Result result =
        cli.env("FOCUSSYNC_TOKEN", FakeGateway.ADMIN_TOKEN)
            .run("users", "create", "ada", "--login");

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("$FOCUSSYNC_TOKEN is set and wins over the stored login");
  }

  @Test
  void aRefusedCreationChangesNoLogin() throws Exception {
    cli.loggedIn(gateway);

    CliRunner.Result result = cli.run("users", "create", "grace", "--login");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.out()).doesNotContain("Signed in");
    assertThat(Files.readString(cli.configFile())).contains(FakeGateway.USER_TOKEN);
  }
}
