package org.datenraum.app.federation;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.admin.StoreAccess;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.quality.KnownSystems;

/** The site admin service of a site directory, over a store held open or opened per reading. */
public final class SiteAdminWiring {

  private SiteAdminWiring() {}

  public static SiteAdmin admin(SiteDirectory site, StoreAccess store, Supplier<Set<RequestType>> rules) {
    return new SiteAdmin(new NodeDirectory(site.root()), store, rules, KnownSystems.DEFAULT, Clock.systemUTC());
  }

  /** A store this process holds open (the demo's). */
  public static StoreAccess held(DuckDbSiteStore store) {
    return new StoreAccess() {
      @Override
      public <T> Result<T> read(Function<SiteStore, T> reading) {
        return Result.ok(reading.apply(store));
      }
    };
  }

  /** The store opened for each reading and closed after it; busy while another process holds it. */
  public static StoreAccess perReading(SiteDirectory site, Clock clock) {
    return new StoreAccess() {
      @Override
      public <T> Result<T> read(Function<SiteStore, T> reading) {
        Optional<DuckDbSiteStore> store = site.tryOpenStore(clock);
        if (store.isEmpty()) {
          return Result.fail(new Problem(Problem.Category.FAULT, "DR-7134", "the site store `" + site.storeFile()
              + "` is in use (a load, or the node answering a request): reload the page in a moment."));
        }
        try (DuckDbSiteStore s = store.get()) {
          return Result.ok(reading.apply(s));
        }
      }
    };
  }
}
