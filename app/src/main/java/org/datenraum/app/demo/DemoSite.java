package org.datenraum.app.demo;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;

/**
 * One hospital of the demo network. Immutable.
 *
 * @param name    the hospital's name, as printed
 * @param account the site's name at the broker (letters, digits, {@code - _ .})
 * @param dir     the site directory with its store and node files
 */
public record DemoSite(String name, String account, Path dir) {

  public DemoSite {
    requireNonNull(name, "name");
    requireNonNull(account, "account");
    requireNonNull(dir, "dir");
  }
}
