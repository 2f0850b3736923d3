package org.datenraum.web;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Screenshots for the documentation: taken only when {@code -Dportal.screenshots=DIR} names where
 * they go (e.g. the repository's {@code docs}), so an ordinary test run writes nothing there. The
 * pages are photographed in German, the portal's default.
 */
public final class Screenshots {

  private Screenshots() {}

  /** Whether screenshots are taken in this run. */
  public static boolean enabled() {
    String dir = System.getProperty("portal.screenshots");
    return dir != null && !dir.isBlank();
  }

  /** Writes the page, whole, into the screenshot directory when screenshots are taken. */
  public static void take(Page page, String file) {
    String dir = System.getProperty("portal.screenshots");
    if (enabled()) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir).resolve(file)).setFullPage(true));
    }
  }
}
