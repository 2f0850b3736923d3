package org.datenraum.app.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Into a file or pipe, progress comes as a line every ten seconds; on a terminal as a bar. */
class ProgressBarTest {

  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  @Test
  void notOnATerminalPrintsALineEveryTenSeconds() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.LINES, "resources", nanos::get);
    for (int second = 1; second <= 35; second++) {
      nanos.addAndGet(1_000_000_000L);
      bar.update(second, 35, second * 1000L);
    }
    bar.finish();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r");
    assertThat(text.lines().toList()).containsExactly(
        " 29%  10,000 resources  1,000/s  10 s",
        " 57%  20,000 resources  1,000/s  20 s",
        " 86%  30,000 resources  1,000/s  30 s");
  }

  @Test
  void onATerminalRedrawsOneLine() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.BAR, "resources", nanos::get);
    for (int step = 1; step <= 4; step++) {
      nanos.addAndGet(ProgressBar.BAR_INTERVAL_NANOS);
      bar.update(step, 4, step);
    }
    bar.finish();

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\n").contains("\r[" + "#".repeat(15) + ".".repeat(15)
        + "]  50%", "] 100%  4 resources");
  }

  @Test
  void quietPrintsNothing() {
    ProgressBar bar = new ProgressBar(out, ProgressBar.Mode.OFF, "resources", nanos::get);
    nanos.addAndGet(60_000_000_000L);
    bar.update(1, 2, 3);
    bar.finish();
    assertThat(bytes.size()).isZero();
  }
}
