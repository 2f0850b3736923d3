package org.datenraum.app.site;

import java.io.PrintStream;

/**
 * A one-line progress bar on a terminal: share done, count so far and rate. Prints nothing when
 * the stream is not a terminal. Not thread-safe.
 */
public final class ProgressBar {

  private static final int WIDTH = 30;
  private final PrintStream out;
  private final boolean enabled;
  private final String unit;
  private final long started = System.nanoTime();
  private long lastDraw;

  public ProgressBar(PrintStream out, boolean enabled, String unit) {
    this.out = out;
    this.enabled = enabled;
    this.unit = unit;
  }

  /** A bar on stderr, enabled when a console is attached. */
  public static ProgressBar onTerminal(String unit, boolean quiet) {
    return new ProgressBar(System.err, !quiet && System.console() != null, unit);
  }

  public void update(long done, long total, long count) {
    long now = System.nanoTime();
    if (!enabled || now - lastDraw < 200_000_000L) {
      return;
    }
    lastDraw = now;
    double share = total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    int filled = (int) Math.round(share * WIDTH);
    double seconds = (now - started) / 1e9;
    out.printf("\r[%s%s] %3d%%  %,d %s  %,.0f/s ", "#".repeat(filled), ".".repeat(WIDTH - filled),
        Math.round(share * 100), count, unit, seconds > 0 ? count / seconds : 0.0);
    out.flush();
  }

  public void finish() {
    if (enabled && lastDraw != 0) {
      out.print("\r" + " ".repeat(WIDTH + 50) + "\r");
      out.flush();
    }
  }
}
