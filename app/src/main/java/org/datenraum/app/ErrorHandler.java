package org.datenraum.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/** Turns an exception escaping a command into one line on stderr and exit status 2. */
final class ErrorHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
    Throwable shown = ex instanceof UncheckedIOException u ? u.getCause() : ex;
    String kind = shown instanceof IOException ? "I/O error" : "error";
    cl.getErr().println("datenraum: " + kind + ": " + shown.getMessage());
    if (System.getenv("DATENRAUM_DEBUG") != null) {
      shown.printStackTrace(cl.getErr());
    }
    return 2;
  }
}
