package io.focussync.cli.commands;

import io.focussync.cli.CliContext;
import io.focussync.cli.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code focussync}: the command tree. */
@Command(
    name = "focussync",
    mixinStandardHelpOptions = true,
    version = "focussync 0.1.0",
    description = {
      "Focus Sync's command line: run the local stack, log in, create users, import and watch"
          + " session files, and look at sessions, days and sync history through the gateway.",
      "",
      "First steps:",
      "  ./focussync start",
      "  ./focussync login --local",
      "  ./focussync users create ada --login",
      "  ./focussync connect clockify --workspace <workspace id>",
      "  ./focussync import ~/.claude-tracker/sessions.db",
      "",
      "The local stack's data, for a real MongoDB or a fresh stack:",
      "  ./focussync export DIR",
      "  ./focussync import-data DIR [--uri mongodb://HOST/]",
      ""
    })
public final class RootCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  private RootCommand() {}

  /** The whole tree, every command bound to the context. */
  public static CommandLine commandLine(CliContext context) {
    CommandLine users =
        new CommandLine(new UsersCommand())
            .addSubcommand(new CommandLine(new UsersCreateCommand(context)));
    CommandLine connect =
        new CommandLine(new ConnectCommand())
            .addSubcommand(new CommandLine(new ConnectClockifyCommand(context)));
    return new CommandLine(new RootCommand())
        .addSubcommand(new StackCommand.Start(context))
        .addSubcommand(new StackCommand.Stop(context))
        .addSubcommand(new StackCommand.Build(context))
        .addSubcommand(new LoginCommand(context))
        .addSubcommand(users)
        .addSubcommand(connect)
        .addSubcommand(new ImportCommand(context))
        .addSubcommand(new WatchCommand(context))
        .addSubcommand(new SessionsCommand(context))
        .addSubcommand(new StatusCommand(context))
        .addSubcommand(new HistoryCommand(context))
        .addSubcommand(new GoLiveCommand(context))
        .addSubcommand(new ExportCommand(context))
        .addSubcommand(new ImportDataCommand(context));
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCodes.USAGE;
  }
}
