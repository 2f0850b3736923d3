package org.datenraum.web.site;

import java.util.Locale;

/** Shares as the pages write them. */
public final class Shares {

  private Shares() {}

  /** A share as a percentage with one decimal, e.g. {@code 93.4 %}; a dash when there is nothing to share. */
  public static String percent(long with, long of) {
    return of == 0 ? "–" : String.format(Locale.ROOT, "%.1f %%", 100.0 * with / of);
  }
}
