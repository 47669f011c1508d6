package io.focussync.cli.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code login --local}: the local stack's admin, its token read from the stack's data folder. */
class LoginLocalTest {

  @TempDir Path dir;
  private FakeGateway gateway;
  private CliRunner cli;
  private String localUrl;

  @BeforeEach
  void setUp() throws Exception {
    gateway = new FakeGateway();
    localUrl = "http://localhost:" + gateway.url().getPort();
    cli =
        new CliRunner(dir.resolve("config"))
            .home(dir.resolve("repo"))
            .env("FOCUSSYNC_GATEWAY_PORT", String.valueOf(gateway.url().getPort()));
  }

  @AfterEach
  void tearDown() {
    gateway.close();
  }

  @Test
  void readsTheAdminTokenTheStackKeepsInTheRepositorysDataFolder() throws Exception {
    Path secrets = keepSecrets(dir.resolve("repo").resolve(".focussync"), FakeGateway.ADMIN_TOKEN);

    CliRunner.Result result = cli.run("login", "--local");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("Local stack: admin token from " + secrets + ".")
        .contains("Logged in to " + localUrl + " with the admin token")
        .contains("Next: ./focussync users create NAME --login");
    assertThat(result.out() + result.err()).doesNotContain(FakeGateway.ADMIN_TOKEN);
    assertThat(Files.readString(cli.configFile()))
        .contains("\"" + localUrl + "\"")
        .contains(FakeGateway.ADMIN_TOKEN);
    assertThat(gateway.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/api/v1/users/me");
              assertThat(request.header("Authorization"))
                  .isEqualTo("Bearer " + FakeGateway.ADMIN_TOKEN);
            });
  }

  @Test
  void focussyncDataDirPointsAtAnotherDataFolder() throws Exception {
    keepSecrets(dir.resolve("elsewhere"), FakeGateway.ADMIN_TOKEN);

    CliRunner.Result result =
        new CliRunner(dir.resolve("config"))
            .env("FOCUSSYNC_DATA_DIR", dir.resolve("elsewhere").toString())
            .env("FOCUSSYNC_GATEWAY_PORT", String.valueOf(gateway.url().getPort()))
            .run("login", "--local");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("with the admin token");
  }

  @Test
  void theAdminTokenVariableWinsOverTheFileAsForTheStack() throws Exception {
    keepSecrets(dir.resolve("repo").resolve(".focussync"), "generated-before");

    CliRunner.Result result =
        cli.env("FOCUSSYNC_ADMIN_TOKEN", FakeGateway.ADMIN_TOKEN).run("login", "--local");

    assertThat(result.code()).as(result.err()).isZero();
    assertThat(result.out()).contains("admin token from $FOCUSSYNC_ADMIN_TOKEN.");
    assertThat(Files.readString(cli.configFile())).contains(FakeGateway.ADMIN_TOKEN);
  }

  @Test
  void noStackDataIsExit3AndSaysToStartTheStack() {
    Path data = dir.resolve("repo").resolve(".focussync");

    CliRunner.Result result = cli.run("login", "--local");

    assertThat(result.code()).isEqualTo(3);
    assertThat(result.err())
        .contains("no local stack data in " + data + "; run ./focussync start first");
    assertThat(cli.configFile()).doesNotExist();
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void aTokenTheStackNoLongerHasIsExit4AndNothingIsSaved() throws Exception {
    keepSecrets(dir.resolve("repo").resolve(".focussync"), "from-another-stack");

    CliRunner.Result result = cli.run("login", "--local");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err())
        .contains("The gateway refused this token: Unauthorized (401)")
        .contains("Is the stack at " + localUrl + " the one of ")
        .contains("Nothing was saved.")
        .doesNotContain("from-another-stack");
    assertThat(cli.configFile()).doesNotExist();
  }

  @Test
  void localExcludesUrlAndTokenAndOneOfThemIsNeeded() {
    CliRunner.Result both = cli.run("login", "--local", "--url", localUrl, "--token", "t");
    assertThat(both.code()).isEqualTo(2);
    assertThat(both.err())
        .startsWith("Error: --local and (--url=URL --token[=TOKEN]) are mutually exclusive")
        .contains("Try 'focussync login --help'.");

    assertThat(cli.run("login", "--local", "--token", "t").code()).isEqualTo(2);
    CliRunner.Result none = cli.run("login");
    assertThat(none.code()).isEqualTo(2);
    assertThat(none.err()).contains("Missing required argument").contains("--local");
    assertThat(cli.run("login", "--url", localUrl).code()).isEqualTo(2);
    assertThat(gateway.requests()).isEmpty();
  }

  @Test
  void aBadPortOrAnUnknownRepositoryIsAUsageError() {
    CliRunner.Result port = cli.env("FOCUSSYNC_GATEWAY_PORT", "eighty").run("login", "--local");
    assertThat(port.code()).isEqualTo(2);
    assertThat(port.err()).contains("FOCUSSYNC_GATEWAY_PORT must be a port number");

    CliRunner.Result noHome = new CliRunner(dir.resolve("config")).run("login", "--local");
    assertThat(noHome.code()).isEqualTo(2);
    assertThat(noHome.err()).contains("set FOCUSSYNC_DATA_DIR");
  }

  // As deploy/local's StackSecrets keeps them: a properties file, owner-only.
  private static Path keepSecrets(Path dataDir, String adminToken) throws Exception {
    Files.createDirectories(dataDir);
    Path file = dataDir.resolve("secrets.properties");
    Properties secrets = new Properties();
    secrets.setProperty("FOCUSSYNC_ADMIN_TOKEN", adminToken);
    secrets.setProperty("FOCUSSYNC_SECRET_KEY", "s3cr3t-key-material-0123456789");
    secrets.setProperty("FOCUSSYNC_INTERNAL_AUTH_KEY", "internal-0123456789");
    try (OutputStream out = Files.newOutputStream(file)) {
      secrets.store(out, "Focus Sync local stack secrets: keep private");
    }
    return file;
  }
}
