package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code datenraum demo}: a small network on the embedded defaults. Generates three hospitals,
 * loads each into its own site store, and shows what each site holds.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Run the demo network: three synthetic hospitals, each loaded into its own"
        + " pseudonymised site store.")
final class DemoCommand implements Callable<Integer> {

  static final List<String> SITES = List.of("Universitätsklinikum Musterstadt",
      "Klinikum Beispielburg", "Universitätsmedizin Nordhafen");

  @Spec CommandSpec spec;

  @Option(names = "--dir", defaultValue = "demo-data",
      description = "Where the demo network keeps its data (default: ./demo-data).")
  Path dir;

  @Option(names = "--patients", defaultValue = "2000",
      description = "Patients of the first hospital; the others differ in size (default: 2000).")
  long patients;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: 1).")
  long seed;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    out.printf("Datenraum demo network in %s%n", dir.toAbsolutePath());
    for (int i = 0; i < SITES.size(); i++) {
      String name = SITES.get(i);
      long n = patients * (4 - i) / 4;
      Path fhir = dir.resolve("fhir").resolve("site-" + (i + 1));
      GenerationSummary g = HospitalGenerator.of(GeneratorConfig.of(n, seed + i, name,
          GeneratorConfig.DEFAULT_START, 2, List.of()).value())
          .writeTo(fhir, Runtime.getRuntime().availableProcessors(), false, (d, t, r, b) -> { });
      SiteDirectory site = new SiteDirectory(dir.resolve("sites").resolve("site-" + (i + 1)))
          .create();
      IngestReport r = IngestCommand.load(site, List.of(fhir), true);
      SiteStats s;
      try (DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
        s = store.stats();
      }
      out.printf("%-34s generated %,7d resources, loaded %,7d in %5.1f s:"
              + " %,6d patients, %,9d facts, %,d quarantined%n", name, g.totalResources(),
          r.storedTotal(), r.seconds(), s.patients(), s.facts(), s.quarantined());
    }
    out.printf("Site stores: %s (try `datenraum stats --site %s`).%n",
        dir.resolve("sites"), dir.resolve("sites").resolve("site-1"));
    return 0;
  }
}
