package io.focussync.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.focussync.cli.support.CliRunner;
import io.focussync.cli.support.FakeGateway;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {

  @TempDir Path dir;
  private FakeGateway gateway;

  @BeforeEach
  void start() throws Exception {
    gateway = new FakeGateway();
  }

  @AfterEach
  void stop() {
    gateway.close();
  }

  @Test
  void loginStoresUrlAndTokenOwnerOnlyAndNeverPrintsTheToken() throws Exception {
    CliRunner cli = new CliRunner(dir);

    CliRunner.Result result =
        cli.run("login", "--url", gateway.url() + "/", "--token", FakeGateway.USER_TOKEN);

    assertThat(result.code()).isZero();
    assertThat(result.out()).contains("as ada (user u-ada)").contains(cli.configFile().toString());
    assertThat(result.out() + result.err()).doesNotContain(FakeGateway.USER_TOKEN);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())))
        .isEqualTo("rw-------");
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(cli.configFile().getParent())))
        .isEqualTo("rwx------");
    assertThat(Files.readString(cli.configFile()))
        .contains("\"" + gateway.url() + "\"")
        .contains(FakeGateway.USER_TOKEN);
    assertThat(gateway.requests())
        .singleElement()
        .satisfies(
            request -> {
              assertThat(request.path()).isEqualTo("/api/v1/users/me");
              assertThat(request.header("Authorization"))
                  .isEqualTo("Bearer " + FakeGateway.USER_TOKEN);
            });
  }

  @Test
  void aSecondLoginReplacesTheFileAndKeepsItOwnerOnly() throws Exception {
    CliRunner cli = new CliRunner(dir);
    cli.run("login", "--url", gateway.url().toString(), "--token", FakeGateway.USER_TOKEN);
    Files.setPosixFilePermissions(cli.configFile(), PosixFilePermissions.fromString("rw-r--r--"));

    CliRunner.Result admin =
        cli.run("login", "--url", gateway.url().toString(), "--token", FakeGateway.ADMIN_TOKEN);

    assertThat(admin.code()).isZero();
    assertThat(admin.out()).contains("with the admin token").contains("users create");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(cli.configFile())))
        .isEqualTo("rw-------");
    assertThat(Files.readString(cli.configFile())).contains(FakeGateway.ADMIN_TOKEN);
    try (var files = Files.list(cli.configFile().getParent())) {
      assertThat(files.map(path -> path.getFileName().toString())).containsExactly("config.json");
    }
  }

  @Test
  void aRefusedTokenIsExit4AndNothingIsSaved() {
    CliRunner cli = new CliRunner(dir);

    CliRunner.Result result =
        cli.run("login", "--url", gateway.url().toString(), "--token", "wrong-token");

    assertThat(result.code()).isEqualTo(4);
    assertThat(result.err()).contains("refused").contains("Unauthorized (401)");
    assertThat(cli.configFile()).doesNotExist();
  }

  @Test
  void theFileIsFoundThroughFocussyncConfigThenXdgThenHome() {
    assertThat(ConfigStore.locate(Map.of("FOCUSSYNC_CONFIG", "/a/b.json", "HOME", "/h")).file())
        .isEqualTo(Path.of("/a/b.json"));
    assertThat(ConfigStore.locate(Map.of("XDG_CONFIG_HOME", "/x", "HOME", "/h")).file())
        .isEqualTo(Path.of("/x/focussync/config.json"));
    assertThat(ConfigStore.locate(Map.of("HOME", "/h")).file())
        .isEqualTo(Path.of("/h/.config/focussync/config.json"));
    assertThat(ConfigStore.locate(Map.of("HOME", "/h")).stateDir())
        .isEqualTo(Path.of("/h/.config/focussync/state"));
  }

  @Test
  void environmentOverridesTheStoredLoginAndNoLoginIsExit3() throws Exception {
    Path file = dir.resolve("config.json");
    ConfigStore store = ConfigStore.locate(Map.of("FOCUSSYNC_CONFIG", file.toString()));
    store.write(new Login(URI.create("http://stored:8080"), "stored-token"));

    Login overridden =
        ConfigStore.locate(
                Map.of(
                    "FOCUSSYNC_CONFIG", file.toString(),
                    "FOCUSSYNC_URL", "http://other:9090/",
                    "FOCUSSYNC_TOKEN", "env-token"))
            .require();

    assertThat(overridden.url()).isEqualTo(URI.create("http://other:9090"));
    assertThat(overridden.token()).isEqualTo("env-token");
    assertThat(overridden.toString()).doesNotContain("env-token");
    CliRunner.Result notLoggedIn = new CliRunner(dir.resolve("empty")).run("sessions");
    assertThat(notLoggedIn.code()).isEqualTo(3);
    assertThat(notLoggedIn.err()).contains("Not logged in").contains("focussync login");
  }
}
