package org.datenraum.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.QuarantineEntry;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datenraum quarantine}: the records that were rejected, with where and why. */
@Command(name = "quarantine", mixinStandardHelpOptions = true,
    description = "List quarantined records: file, place in the file, and reason.")
final class QuarantineCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--limit", defaultValue = "100", description = "At most this many (default: 100).")
  int limit;

  @Override
  public Integer call() {
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      spec.commandLine().getErr().println("datenraum quarantine: DR-1100 no site store in `"
          + site + "`.");
      return 1;
    }
    List<QuarantineEntry> entries;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), spec.commandLine().getErr())) {
      entries = store.quarantine();
    }
    var out = spec.commandLine().getOut();
    entries.stream().limit(limit).forEach(q -> out.printf("%s %s%s: %s%n", q.file(), q.location(),
        q.resourceType() == null ? "" : " (" + q.resourceType() + ")", q.problem().text()));
    if (entries.size() > limit) {
      out.printf("... and %,d more.%n", entries.size() - limit);
    }
    out.printf("%,d record(s) in quarantine.%n", entries.size());
    return 0;
  }
}
