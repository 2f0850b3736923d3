package org.datenraum.app;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.file.FileSystemException;
import java.util.Locale;
import org.datenraum.core.IoReason;

/** Exceptions put in words a user can act on: the reason, never a Java class name. */
public final class IoErrors {

  /** The parser's note on where a construct began, which repeats the location in its own words. */
  private static final java.util.regex.Pattern SOURCE =
      java.util.regex.Pattern.compile("\\s*\\(start marker at \\[Source.*?\\]\\)|\\s*at \\[Source.*$");

  private IoErrors() {}

  /** The reason of an I/O failure, e.g. "no such file or directory" or "is a directory". */
  public static String reason(IOException e) {
    if (e instanceof JsonProcessingException j) {
      return json(j);
    } else if (e instanceof UnknownHostException) {
      return "unknown host `" + e.getMessage() + "`";
    } else if (e instanceof ConnectException) {
      return "connection refused: is the server running at that address?";
    }
    return IoReason.of(e);
  }

  private static String json(JsonProcessingException j) {
    String what = j.getOriginalMessage() == null ? "not valid JSON"
        : SOURCE.matcher(firstLine(j.getOriginalMessage())).replaceAll("");
    JsonLocation at = j.getLocation();
    return at == null || at.getLineNr() < 0 ? "not valid JSON: " + what
        : "not valid JSON at line " + at.getLineNr() + ", column " + at.getColumnNr() + ": " + what;
  }

  /**
   * One sentence for an exception escaping a command: the file and the reason for I/O, the message
   * otherwise (messages of our own are sentences already).
   */
  public static String describe(Throwable t) {
    String listen = listenFailure(t);
    if (listen != null) {
      return listen;
    }
    if (t instanceof UncheckedIOException u) {
      String own = u.getMessage();
      return own == null || own.equals(String.valueOf(u.getCause())) ? describe(u.getCause())
          : own + ": " + reason(u.getCause()) + ".";
    }
    if (t instanceof FileSystemException f && f.getFile() != null) {
      return "`" + f.getFile() + "`" + (f.getOtherFile() == null ? "" : " → `" + f.getOtherFile() + "`") + ": "
          + reason(f) + ".";
    }
    if (t instanceof IOException io) {
      return reason(io) + ".";
    }
    String message = t.getMessage();
    return message == null ? "an internal error occurred; run again with DATENRAUM_DEBUG=1 for details." : message;
  }

  /**
   * Why a server could not listen, from the cause chain (a web server's own text may blame the
   * port), or null when the failure is of another kind.
   */
  public static String listenFailure(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof UnresolvedAddressException) {
        return "the address to listen on cannot be resolved: give --host an address of this machine, e.g."
            + " 127.0.0.1.";
      }
      if (c instanceof BindException b) {
        String m = String.valueOf(b.getMessage()).toLowerCase(Locale.ROOT);
        return m.contains("in use") ? "the port is in use by another program: give another --port, or 0 for a free one."
            : m.contains("assign") ? "the address to listen on is not one of this machine's: give --host 127.0.0.1,"
                + " 0.0.0.0 or an address of this machine."
            : "cannot listen there (" + lower(String.valueOf(b.getMessage())) + ").";
      }
    }
    return null;
  }

  private static String firstLine(String s) {
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String lower(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toLowerCase(Locale.ROOT) + s.substring(1);
  }
}
