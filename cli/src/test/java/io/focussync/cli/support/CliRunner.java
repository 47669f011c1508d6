package io.focussync.cli.support;

import io.focussync.cli.CliContext;
import io.focussync.cli.FocusSyncCli;
import io.focussync.cli.SecretPrompt;
import io.focussync.cli.StopSignal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the command line in this JVM with its own config directory, capturing its output. */
public final class CliRunner {

  private final Path configDir;
  private final Map<String, String> env = new HashMap<>();
  private Clock clock = Clock.systemDefaultZone();
  private Optional<Path> home = Optional.empty();
  private SecretPrompt prompt = SecretPrompt.none();

  public CliRunner(Path configDir) {
    this.configDir = configDir;
    env.put("FOCUSSYNC_CONFIG", configFile().toString());
  }

  public Path configFile() {
    return configDir.resolve("focussync").resolve("config.json");
  }

  public Path stateDir() {
    return configFile().getParent().resolve("state");
  }

  public CliRunner env(String name, String value) {
    if (value == null) {
      env.remove(name);
    } else {
      env.put(name, value);
    }
    return this;
  }

  public CliRunner clock(Clock clock) {
    this.clock = clock;
    return this;
  }

  /** The repository root the command line was started from (none by default). */
  public CliRunner home(Path home) {
    this.home = Optional.of(home);
    return this;
  }

  /** How secrets are asked for (by default there is no terminal: nothing is asked). */
  public CliRunner prompt(SecretPrompt prompt) {
    this.prompt = prompt;
    return this;
  }

  /** What a finished run gave. */
  public record Result(int code, String out, String err) {}

  /** Runs to the end. */
  public Result run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = FocusSyncCli.execute(context(out, err, StopSignal.manual()), args);
    return new Result(code, out.toString(), err.toString());
  }

  /** Logs in as the fake gateway's user. */
  public CliRunner loggedIn(FakeGateway gateway) {
    Result login =
        run("login", "--url", gateway.url().toString(), "--token", FakeGateway.USER_TOKEN);
    if (login.code() != 0) {
      throw new IllegalStateException("login failed: " + login);
    }
    gateway.clear();
    return this;
  }

  /** A command running in the background (watch), stopped as Ctrl-C would. */
  public final class Running {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final StopSignal stop = StopSignal.manual();
    private final CompletableFuture<Integer> code;

    private Running(String... args) {
      CliContext context = context(out, err, stop);
      code = CompletableFuture.supplyAsync(() -> FocusSyncCli.execute(context, args));
    }

    public String out() {
      return out.toString();
    }

    public String err() {
      return err.toString();
    }

    public boolean isDone() {
      return code.isDone();
    }

    /** Ctrl-C: returns the exit code. */
    public int stop() throws Exception {
      CompletableFuture.runAsync(stop::trigger);
      return code.get(20, TimeUnit.SECONDS);
    }

    /** The exit code of a command that ended on its own. */
    public int awaitExit() throws Exception {
      return code.get(20, TimeUnit.SECONDS);
    }
  }

  public Running start(String... args) {
    return new Running(args);
  }

  private CliContext context(StringWriter out, StringWriter err, StopSignal stop) {
    return new CliContext(
        env,
        new PrintWriter(out, true),
        new PrintWriter(err, true),
        stop,
        clock,
        home,
        true,
        prompt);
  }
}
