package io.focussync.cli;

import io.focussync.cli.commands.RootCommand;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import picocli.CommandLine;

/** The {@code focussync} command line: parses the arguments, runs a command, maps exit codes. */
public final class FocusSyncCli {

  private FocusSyncCli() {}

  public static void main(String[] args) {
    Charset charset = Charset.defaultCharset();
    PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, charset), true);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, charset), true);
    boolean errTerminal =
        Boolean.parseBoolean(
            System.getProperty("focussync.stderr.tty", String.valueOf(System.console() != null)));
    CliContext context =
        new CliContext(
            System.getenv(),
            out,
            err,
            StopSignal.shutdownHooks(),
            Clock.systemDefaultZone(),
            home(),
            errTerminal,
            SecretPrompt.console());
    int code = execute(context, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs one command line and returns its exit code; never exits the JVM. */
  public static int execute(CliContext context, String... args) {
    CommandLine cli = RootCommand.commandLine(context);
    cli.setOut(context.out());
    cli.setErr(context.err());
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExecutionExceptionHandler(
        (exception, commandLine, parseResult) -> {
          PrintWriter err = commandLine.getErr();
          if (exception instanceof CliException failure) {
            err.println("Error: " + failure.getMessage());
            err.flush();
            return failure.exitCode();
          }
          err.println("Error: " + exception);
          err.flush();
          return ExitCodes.FAILED;
        });
    cli.setParameterExceptionHandler(
        (exception, arguments) -> {
          CommandLine commandLine = exception.getCommandLine();
          PrintWriter err = commandLine.getErr();
          // picocli's argument group messages carry their own "Error: "
          err.println(
              "Error: " + String.valueOf(exception.getMessage()).replaceFirst("^Error: ", ""));
          CommandLine.UnmatchedArgumentException.printSuggestions(exception, err);
          err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help'.");
          err.flush();
          return ExitCodes.USAGE;
        });
    describeExitCodes(cli);
    int code = cli.execute(args);
    context.out().flush();
    context.err().flush();
    return code;
  }

  private static void describeExitCodes(CommandLine cli) {
    cli.getCommandSpec()
        .usageMessage()
        .exitCodeListHeading("%nExit codes:%n")
        .exitCodeList(ExitCodes.described());
    cli.getSubcommands().values().forEach(FocusSyncCli::describeExitCodes);
  }

  // The repository root: given by ./focussync, else two levels above cli/target/focussync-cli.jar.
  private static Optional<Path> home() {
    String given = System.getProperty("focussync.home");
    if (given != null && !given.isBlank()) {
      return Optional.of(Path.of(given));
    }
    try {
      Path jar =
          Path.of(FocusSyncCli.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path root = jar.getParent().getParent().getParent();
      return Files.isRegularFile(root.resolve("deploy/local/focussync"))
          ? Optional.of(root)
          : Optional.empty();
    } catch (URISyntaxException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
