package org.datenraum.app;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Prints a command line that cannot be used: unknown options first (a misspelt option often
 * causes the missing one), then the problem, then where help is; exit status 2.
 */
final class UsageErrors implements IParameterExceptionHandler {

  @Override
  public int handleParseException(ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    PrintWriter err = cl.getErr();
    String name = cl.getCommandSpec().qualifiedName();
    List<String> unknown = cl.getUnmatchedArguments();
    if (ex instanceof MissingParameterException && !unknown.isEmpty()) {
      err.println(name + ": unknown " + (unknown.size() == 1 ? "argument " : "arguments ") + quoted(unknown) + ".");
    }
    err.println(name + ": " + ex.getMessage());
    UnmatchedArgumentException.printSuggestions(ex, err);
    err.println("See `" + name + " --help` for the options and an example.");
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static String quoted(List<String> values) {
    StringBuilder b = new StringBuilder();
    for (String v : values) {
      b.append(b.length() == 0 ? "" : ", ").append('`').append(v).append('`');
    }
    return b.toString();
  }
}
