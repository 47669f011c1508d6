package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;

/**
 * {@code start}, {@code stop}, {@code build}: run {@code deploy/local/focussync} of the repository
 * the command line was started from, with the terminal handed over.
 */
abstract class StackCommand implements Callable<Integer> {

  private final CliContext context;

  StackCommand(CliContext context) {
    this.context = context;
  }

  abstract String action();

  @Override
  public Integer call() throws IOException, InterruptedException {
    Path home =
        context
            .home()
            .orElseThrow(
                () ->
                    CliException.usage(
                        "the repository is unknown: run ./focussync from the repository root"));
    Path script = home.resolve("deploy").resolve("local").resolve("focussync");
    if (!Files.isRegularFile(script)) {
      throw CliException.usage("no local stack script at " + script);
    }
    Process process = new ProcessBuilder("bash", script.toString(), action()).inheritIO().start();
    // Ctrl-C reaches the stack's process too: wait while it stops its services
    context
        .stop()
        .onStop(
            () -> {
              try {
                process.waitFor(60, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });
    return process.waitFor();
  }

  /** {@code start}. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = {
        "Starts the local stack (no Docker): builds what is missing, starts Kafka, MongoDB and"
            + " the five services, and prints the dashboard URL, the admin token and the next"
            + " steps. Ctrl-C stops everything.",
        "Same as deploy/local/focussync start."
      })
  static final class Start extends StackCommand {
    Start(CliContext context) {
      super(context);
    }

    @Override
    String action() {
      return "start";
    }
  }

  /** {@code stop}. */
  @Command(
      name = "stop",
      mixinStandardHelpOptions = true,
      description = {
        "Stops a local stack started in another terminal.",
        "Same as deploy/local/focussync stop."
      })
  static final class Stop extends StackCommand {
    Stop(CliContext context) {
      super(context);
    }

    @Override
    String action() {
      return "stop";
    }
  }

  /** {@code build}. */
  @Command(
      name = "build",
      mixinStandardHelpOptions = true,
      description = {
        "Rebuilds the services of the local stack.",
        "Same as deploy/local/focussync build."
      })
  static final class Build extends StackCommand {
    Build(CliContext context) {
      super(context);
    }

    @Override
    String action() {
      return "build";
    }
  }
}
