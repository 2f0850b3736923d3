package org.datenraum.web;

import com.microsoft.playwright.Page;
import java.nio.file.Path;

/**
 * Screenshots for the documentation: taken only when {@code -Dportal.screenshots=DIR} names where
 * they go (e.g. the repository's {@code docs}), so an ordinary test run writes nothing there.
 */
public final class Screenshots {

  private Screenshots() {}

  public static void take(Page page, String file) {
    String dir = System.getProperty("portal.screenshots");
    if (dir != null && !dir.isBlank()) {
      page.screenshot(new Page.ScreenshotOptions().setPath(Path.of(dir).resolve(file)).setFullPage(true));
    }
  }
}
