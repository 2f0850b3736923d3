package org.datenraum.app;

import java.nio.file.Path;
import java.time.Clock;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/** A process that opens a site store, says {@code held}, keeps it open for the given milliseconds and closes it. */
final class HoldStore {

  private HoldStore() {}

  public static void main(String[] args) throws Exception {
    try (DuckDbSiteStore store = new SiteDirectory(Path.of(args[0])).openStore(Clock.systemUTC())) {
      store.stats();
      System.out.println("held");
      System.out.flush();
      Thread.sleep(Long.parseLong(args[1]));
    }
  }
}
