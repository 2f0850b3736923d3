package org.datenraum.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** A long-running {@code datenraum} command (broker, node) in a thread of this JVM, stopped by interruption. */
final class Background implements AutoCloseable {

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final Thread thread;
  private volatile Integer status;

  Background(String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    thread = new Thread(() -> status = cl.execute(args), "datenraum-" + args[0]);
    thread.start();
  }

  /** Waits until the output matches the pattern and returns the match's first group. */
  String await(String regex, Duration timeout) throws InterruptedException {
    Pattern p = Pattern.compile(regex);
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher m = p.matcher(out.toString());
      if (m.find()) {
        return m.groupCount() > 0 ? m.group(1) : m.group();
      }
      if (status != null) {
        break;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no `" + regex + "` in the output of the command (status " + status + "): " + out
        + " / " + err);
  }

  String err() {
    return err.toString();
  }

  /** Waits for the command to end by itself and returns its exit status. */
  int awaitExit(Duration timeout) throws InterruptedException {
    thread.join(timeout.toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the command did not end within " + timeout + ": " + out + " / " + err);
    }
    return status;
  }

  /** Stops the command as Ctrl-C would, and returns its exit status. */
  int stop() throws InterruptedException {
    thread.interrupt();
    thread.join(Duration.ofSeconds(20).toMillis());
    if (thread.isAlive()) {
      throw new AssertionError("the command did not stop within 20 s");
    }
    return status;
  }

  @Override
  public void close() throws InterruptedException {
    if (thread.isAlive()) {
      stop();
    }
  }
}
