package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import io.focussync.cli.ExitCodes;
import io.focussync.cli.claudetracker.SyncStateStore;
import io.focussync.cli.claudetracker.TrackerSync;
import io.focussync.cli.claudetracker.TrackerWatcher;
import io.focussync.cli.config.Login;
import io.focussync.cli.http.ApiException;
import io.focussync.cli.http.GatewayClient;
import io.focussync.cli.imports.ImportFormat;
import io.focussync.cli.output.ProgressLine;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code watch FILE}: follows a claude-tracker database while the tracker writes it. */
@Command(
    name = "watch",
    mixinStandardHelpOptions = true,
    description = {
      "Follows a claude-tracker database while the tracker writes it: new and grown sessions"
          + " are sent within seconds (same id), deleted rows are deleted. Resumes after a"
          + " restart without sending again what the server already has. A missing or locked"
          + " file, or an unreachable gateway, is waited out. Ctrl-C stops."
    })
final class WatchCommand extends GatewayCommand {

  private static final long STOP_WAIT_SECONDS = 15;

  @Parameters(paramLabel = "FILE", description = "the tracker's SQLite database")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "claude-tracker",
      converter = ImportCommand.FormatConverter.class,
      description = "claude-tracker (the only format watched so far)")
  ImportFormat format;

  @Option(
      names = "--interval",
      paramLabel = "INTERVAL",
      defaultValue = "2s",
      converter = Intervals.class,
      description = "how often the file is read, e.g. 2s, 500ms (default: ${DEFAULT-VALUE})")
  Duration interval;

  WatchCommand(CliContext context) {
    super(context);
  }

  @Override
  public Integer call() throws IOException {
    if (format != ImportFormat.CLAUDE_TRACKER) {
      throw CliException.usage("watch follows claude-tracker databases only");
    }
    Login login = login();
    GatewayClient client = new GatewayClient(login);
    checkToken(client);
    CountDownLatch finished = new CountDownLatch(1);
    try (SyncStateStore store =
        SyncStateStore.open(
            config().stateDir(), file, SyncStateStore.target(login), context.err())) {
      TrackerSync sync =
          new TrackerSync(client, store, ProgressLine.on(context.err(), context.errIsTerminal()));
      TrackerWatcher watcher =
          new TrackerWatcher(file, interval, sync, context.out(), context.err(), context.clock());
      context
          .stop()
          .onStop(
              () -> {
                watcher.stop();
                awaitQuietly(finished);
              });
      context.out().println("Watching " + file + " (every " + seconds() + "); Ctrl-C stops.");
      context.out().flush();
      watcher.run();
      context.out().println("Stopped watching " + file + ".");
    } finally {
      context.out().flush();
      context.err().flush();
      finished.countDown();
    }
    return ExitCodes.OK;
  }

  // A wrong token would otherwise only show once the file has something to send.
  private static void checkToken(GatewayClient client) {
    try {
      client.get("/api/v1/users/me", Map.of());
    } catch (ApiException e) {
      if (e.status() == 403) {
        throw new CliException(
            ExitCodes.AUTH_REFUSED,
            "This is the admin token, which has no sessions: log in with a user's token.");
      }
      throw e;
    }
  }

  private String seconds() {
    return interval.toMillis() % 1000 == 0
        ? interval.toSeconds() + " s"
        : interval.toMillis() + " ms";
  }

  private static void awaitQuietly(CountDownLatch finished) {
    try {
      finished.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
