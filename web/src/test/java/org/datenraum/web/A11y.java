package org.datenraum.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Runs axe-core (the copy bundled in {@code com.deque.html.axe-core:playwright}) on a page and
 * fails on every serious or critical violation.
 */
public final class A11y {

  private static final String AXE = read();

  private A11y() {}

  /** Asserts that axe finds no serious or critical violation on the page as it is now. */
  public static void check(Page page, String name) {
    page.evaluate(AXE);
    Object found = page.evaluate("async () => { const r = await axe.run(document, {resultTypes: ['violations']});"
        + " return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')"
        + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\\n'); }");
    assertThat(String.valueOf(found)).as("serious or critical accessibility violations on " + name).isEmpty();
  }

  private static String read() {
    try (InputStream in = A11y.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
