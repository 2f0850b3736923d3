package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Result;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemoryFeasibilityExecutor;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;

/**
 * A site loaded through the real ingest into a real DuckDB store, queried with the indexed
 * executor and, as a cross-check, with the reference evaluator. Close it after use.
 */
final class LoadedSite implements AutoCloseable {

  /** Query date of the tests: ages are computed at this day. */
  static final LocalDate DATE = LocalDate.of(2026, 1, 1);

  private final Path dir;
  private final DuckDbSiteStore store;
  private final DuckDbFeasibilityExecutor indexed;

  private LoadedSite(Path dir, DuckDbSiteStore store) {
    this.dir = dir;
    this.store = store;
    this.indexed = DuckDbFeasibilityExecutor.of(store);
  }

  static LoadedSite load(Path siteDir, Path... data) {
    IngestReport report = IngestCommand.load(new SiteDirectory(siteDir).create(), List.of(data), true);
    assertThat(report.failed()).as("ingest of %s", List.of(data)).isFalse();
    return new LoadedSite(siteDir, new SiteDirectory(siteDir).openStore(Clock.systemUTC()));
  }

  /** The site in {@code siteDir} opened again, e.g. after a command-line run had it open. */
  static LoadedSite reopen(Path siteDir) {
    return new LoadedSite(siteDir, new SiteDirectory(siteDir).openStore(Clock.systemUTC()));
  }

  Path dir() {
    return dir;
  }

  /** The count of the query with the indexed executor, after checking it against the reference evaluator. */
  long count(Path query, TermCodeMapping mapping) {
    Result<Plan> plan = QueryCommand.compile(read(query), mapping);
    assertThat(plan.isOk()).as("%s: %s", query, plan.isOk() ? "" : plan.problem().text()).isTrue();
    long count = indexed.count(plan.value(), DATE);
    assertThat(count).as("indexed vs reference evaluator on %s", query.getFileName())
        .isEqualTo(InMemoryFeasibilityExecutor.of(store).count(plan.value(), DATE));
    return count;
  }

  long count(Path query) {
    return count(query, Mappings.builtIn());
  }

  static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    store.close();
  }
}
