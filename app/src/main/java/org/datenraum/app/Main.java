package org.datenraum.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code datenraum} command. */
@Command(
    name = "datenraum",
    mixinStandardHelpOptions = true,
    version = "datenraum 0.1.0",
    description = "Federated research on routine hospital data.",
    subcommands = {CommandLine.HelpCommand.class})
public final class Main {

  public static void main(String[] args) {
    System.exit(commandLine(args.length > 0 ? args[0] : "").execute(args));
  }

  /** The command line with all subcommands registered. */
  public static CommandLine commandLine() {
    return commandLine("");
  }

  /**
   * The command line for arguments that start with {@code first}: only that subcommand when it is
   * one, otherwise all of them (for the help, the version, a misspelt name).
   */
  public static CommandLine commandLine(String first) {
    CommandLine cl = new CommandLine(new Main());
    Commands.register(cl, first);
    Converters.register(cl);
    CommandHelp.apply(cl);
    cl.setParameterExceptionHandler(new UsageErrors());
    cl.setExecutionExceptionHandler(new ErrorHandler());
    return cl;
  }
}
