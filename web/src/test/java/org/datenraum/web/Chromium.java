package org.datenraum.web;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium driven by Playwright, headless; {@code .ci/run} installs the package when it
 * is missing, and Playwright downloads no browser of its own.
 */
public final class Chromium {

  public static final Path EXECUTABLE = Path.of("/usr/bin/chromium");
  static final List<String> ARGS = List.of("--headless", "--no-sandbox", "--disable-gpu",
      "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run");

  private Chromium() {}

  public static Browser launch(Playwright playwright) {
    if (!Files.isExecutable(EXECUTABLE)) {
      throw new IllegalStateException(EXECUTABLE + " is missing: install Debian's package `chromium`"
          + " (.ci/run does so).");
    }
    return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(EXECUTABLE)
        .setHeadless(true).setArgs(ARGS));
  }
}
