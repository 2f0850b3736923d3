package org.datenraum.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.app.demo.DemoFiles;
import org.datenraum.app.demo.DemoSite;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;

/**
 * The demo's three hospitals: generated as FHIR and loaded into their own site stores, or reused
 * when an earlier run loaded them with the same size and seed.
 */
public final class DemoSites {

  static final List<String> NAMES = List.of("Universitätsklinikum Musterstadt", "Klinikum Beispielburg",
      "Universitätsmedizin Nordhafen");
  public static final List<String> ACCOUNTS = List.of("musterstadt", "beispielburg", "nordhafen");

  /** Years of data each hospital gets, from {@link GeneratorConfig#DEFAULT_START}. */
  public static final int YEARS = 2;

  /** Written after all sites loaded; a run with the same content reuses the stores. */
  private static final String LOADED = "demo-sites.properties";

  private DemoSites() {}

  static List<DemoSite> of(Path dir) {
    List<DemoSite> out = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      out.add(new DemoSite(NAMES.get(i), ACCOUNTS.get(i), dir.resolve("sites").resolve("site-" + (i + 1))));
    }
    return out;
  }

  public static List<DemoSite> prepare(Path dir, long patients, long seed, PrintWriter out) throws IOException {
    List<DemoSite> sites = of(dir);
    String wanted = "patients=" + patients + "\nseed=" + seed + "\n";
    Path marker = dir.resolve(LOADED);
    if (wanted.equals(read(marker)) && sites.stream().allMatch(s -> new SiteDirectory(s.dir()).exists())) {
      out.println("  Reusing the site stores of an earlier run (same --patients and --seed):");
      sites.forEach(s -> out.printf("  %-34s %s%n", s.name(), stats(s)));
      return sites;
    }
    delete(marker);
    for (int i = 0; i < sites.size(); i++) {
      load(dir, sites.get(i), i, patients * (4 - i) / 4, seed + i, out);
    }
    write(marker, wanted);
    return sites;
  }

  private static void load(Path dir, DemoSite site, int i, long patients, long seed, PrintWriter out)
      throws IOException {
    Path fhir = dir.resolve("fhir").resolve("site-" + (i + 1));
    DemoFiles.deleteTree(fhir);
    DemoFiles.deleteTree(site.dir());
    GenerationSummary g = HospitalGenerator.of(GeneratorConfig.of(patients, seed, site.name(),
            GeneratorConfig.DEFAULT_START, YEARS, List.of()).value())
        .writeTo(fhir, Runtime.getRuntime().availableProcessors(), false, (d, t, r, b) -> { });
    IngestReport r = IngestCommand.load(new SiteDirectory(site.dir()).create(), List.of(fhir), true);
    out.printf("  %-34s generated %,7d FHIR resources, loaded in %5.1f s: %s%n", site.name(), g.totalResources(),
        r.seconds(), stats(site));
    out.flush();
  }

  private static String stats(DemoSite site) {
    try (DuckDbSiteStore store = new SiteDirectory(site.dir()).openStore(Clock.systemUTC())) {
      SiteStats s = store.stats();
      return String.format("%,6d patients, %,9d facts, %,d quarantined", s.patients(), s.facts(), s.quarantined());
    }
  }

  private static String read(Path f) {
    try {
      return Files.isRegularFile(f) ? Files.readString(f) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static void write(Path f, String text) {
    try {
      Files.writeString(f, text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + f, e);
    }
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + f, e);
    }
  }
}
