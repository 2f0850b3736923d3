package org.datenraum.app.surveillance;

import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Runs axe-core (the copy bundled in {@code com.deque.html.axe-core:playwright}) on a page. */
final class PageAxe {

  private PageAxe() {}

  /** The serious and critical violations on the page as it is now, one line each; empty when none. */
  static String seriousViolations(Page page) {
    page.evaluate(script());
    return String.valueOf(page.evaluate("async () => { const r = await axe.run(document,"
        + " {resultTypes: ['violations']}); return r.violations.filter(v => v.impact === 'serious'"
        + " || v.impact === 'critical').map(v => v.id + ' (' + v.impact + '): '"
        + " + v.nodes.map(n => n.target.join(' ')).join(', ')).join('\\n'); }"));
  }

  private static String script() {
    try (InputStream in = PageAxe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js is missing from the test classpath");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
