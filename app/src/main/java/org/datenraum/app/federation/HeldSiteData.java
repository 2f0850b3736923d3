package org.datenraum.app.federation;

import org.datenraum.app.site.SiteDirectory;
import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.node.Cohorts;
import org.datenraum.node.SiteOpener;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.PatientNumbering;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.StoreException;
import org.datenraum.store.duckdb.StoreLockedException;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.datenraum.store.duckdb.feasibility.IndexStats;

/**
 * The site store opened read-only once, when the node starts, and held until it stops: the
 * feasibility index is brought to the store's version before the first request (loaded when it
 * was saved at that version, else updated or built in memory) and stays in memory with the row
 * cache, every patient's record and consent state for every later request. Several processes may hold one store read-only; no load can
 * write it meanwhile. Thread-safe.
 */
final class HeldSiteData implements SiteOpener, AutoCloseable {

  /** A plan that selects no one: running it reads the pseudonyms the executor keeps for selections. */
  private static final Plan NOBODY = new Plan(List.of(List.of(new PatientPredicate.SexIn(Set.of()))), List.of());

  private final DuckDbSiteStore store;
  private final SiteData data;
  private final IndexStats index;
  private final double seconds;

  private HeldSiteData(DuckDbSiteStore store, SiteData data, IndexStats index, double seconds) {
    this.store = store;
    this.data = data;
    this.index = index;
    this.seconds = seconds;
  }

  /**
   * Opens the site's store read-only and brings its index up to date.
   *
   * @throws org.datenraum.store.duckdb.StoreLockedException when a process holds it for writing
   */
  static HeldSiteData open(NodeSiteData site) {
    requireNonNull(site, "site");
    long t0 = System.nanoTime();
    DuckDbSiteStore store = DuckDbSiteStore.openReadOnly(site.site().storeFile(), site.clock(),
        SiteDirectory.storeSettings());
    try {
      DuckDbFeasibilityExecutor executor = DuckDbFeasibilityExecutor.of(store);
      IndexStats index = executor.refresh();
      Cohorts cohorts = Cohorts.held(executor, store);
      cohorts.select(NOBODY, java.time.LocalDate.now(site.clock()), ConsentPolicy.EXCLUDE_DENIED);
      return new HeldSiteData(store, site.over(store, cohorts, false), index, (System.nanoTime() - t0) / 1e9);
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
  }

  /**
   * The store opened read-only with its index up to date, or the problem: {@code DR-7650} while
   * another process holds it for writing, {@code DR-7651} when it cannot be read (e.g. an older
   * schema, which only a writing opening migrates).
   */
  static Result<HeldSiteData> tryOpen(NodeSiteData site) {
    Path file = site.site().storeFile();
    try {
      return Result.ok(open(site));
    } catch (StoreLockedException e) {
      return Result.fail(new Problem(Problem.Category.CONFLICT, "DR-7650", "the site store `" + file
          + "` is held for writing by another process (a load): start the node with --read-only-store when the"
          + " load is done, or without it to wait for the store per request."));
    } catch (StoreException e) {
      return Result.fail(new Problem(Problem.Category.FAULT, "DR-7651", "the site store `" + file
          + "` cannot be opened read-only (" + e.getMessage() + "): open it once for writing, e.g. with"
          + " `datenraum stats --site DIR`, then start the node again."));
    }
  }

  /** The held store, for the site admin pages. */
  DuckDbSiteStore store() {
    return store;
  }

  /** One line on how the index came to be and how long opening took, for the node's start message. */
  String summary() {
    String how = index.rebuilt() ? "built in memory" : index.updated() ? "updated in memory" : "loaded";
    return String.format(java.util.Locale.ROOT, "store opened read-only, feasibility index %s at store version %d"
        + " (%d keys), patients and consents read, in %.2f s", how, index.storeVersion(), index.keys(), seconds);
  }

  @Override
  public Optional<SiteData> open() {
    return Optional.of(data);
  }

  @Override
  public Optional<PatientNumbering> heldNumbering() {
    return data.cohorts().numbering();
  }

  @Override
  public void close() {
    store.close();
  }
}
