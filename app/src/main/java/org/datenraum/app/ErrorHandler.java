package org.datenraum.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception escaping a command into one line on stderr (the command's full name, e.g.
 * {@code datenraum report emergency}, and the reason in words, no Java class names) and exit
 * status 2.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    boolean io = ex instanceof IOException || ex instanceof UncheckedIOException;
    cl.getErr().println(cl.getCommandSpec().qualifiedName() + ": " + (io ? "I/O error: " : "")
        + IoErrors.describe(ex));
    if (System.getenv("DATENRAUM_DEBUG") != null) {
      ex.printStackTrace(cl.getErr());
    }
    return 2;
  }
}
