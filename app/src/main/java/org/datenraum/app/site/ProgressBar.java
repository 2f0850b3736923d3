package org.datenraum.app.site;

import java.io.PrintStream;
import java.util.function.LongSupplier;

/**
 * Progress of a long task: share done, count so far and rate. On a terminal a one-line bar
 * redrawn in place; into a file or pipe a line every {@link #LINE_INTERVAL_NANOS} (a log must not
 * fill with carriage returns, yet show that the task advances); nothing when quiet. Not
 * thread-safe.
 */
public final class ProgressBar {

  /** How progress is shown. */
  public enum Mode { BAR, LINES, OFF }

  static final long BAR_INTERVAL_NANOS = 200_000_000L;
  static final long LINE_INTERVAL_NANOS = 10_000_000_000L;
  private static final int WIDTH = 30;

  private final PrintStream out;
  private final Mode mode;
  private final String unit;
  private final LongSupplier nanos;
  private final long started;
  private long lastDraw;

  public ProgressBar(PrintStream out, Mode mode, String unit, LongSupplier nanos) {
    this.out = out;
    this.mode = mode;
    this.unit = unit;
    this.nanos = nanos;
    this.started = nanos.getAsLong();
    this.lastDraw = started;
  }

  /** Progress on stderr: a bar when a console is attached, else periodic lines; none if quiet. */
  public static ProgressBar onStderr(String unit, boolean quiet) {
    Mode mode = quiet ? Mode.OFF : System.console() != null ? Mode.BAR : Mode.LINES;
    return new ProgressBar(System.err, mode, unit, System::nanoTime);
  }

  public void update(long done, long total, long count) {
    long now = nanos.getAsLong();
    long interval = mode == Mode.BAR ? BAR_INTERVAL_NANOS : LINE_INTERVAL_NANOS;
    if (mode == Mode.OFF || now - lastDraw < interval) {
      return;
    }
    lastDraw = now;
    double share = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    double seconds = (now - started) / 1e9;
    double rate = seconds > 0 ? count / seconds : 0.0;
    if (mode == Mode.BAR) {
      int filled = (int) Math.round(share * WIDTH);
      out.printf("\r[%s%s] %3d%%  %,d %s  %,.0f/s ", "#".repeat(filled),
          ".".repeat(WIDTH - filled), Math.round(share * 100), count, unit, rate);
    } else {
      out.printf("%3d%%  %,d %s  %,.0f/s  %,.0f s%n", Math.round(share * 100), count, unit, rate,
          seconds);
    }
    out.flush();
  }

  public void finish() {
    if (mode == Mode.BAR && lastDraw != started) {
      out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
      out.flush();
    }
  }
}
