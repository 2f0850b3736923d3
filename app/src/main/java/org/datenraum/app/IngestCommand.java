package org.datenraum.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.app.site.AsyncBatchWriter;
import org.datenraum.app.site.ProgressBar;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.app.site.StoreLookups;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.node.NodeDirectory;
import org.datenraum.node.admin.QualityFile;
import org.datenraum.store.quality.KnownSystems;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datenraum ingest}: loads FHIR R4 into a site store. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
    description = "Load HL7 FHIR R4 (Bundles, resources, NDJSON; JSON or XML; gzip/bzip2;"
        + " files or directories) into the site store, pseudonymised.")
final class IngestCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--json", description = "Print one JSON object with the summary, no progress.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories.")
  List<Path> paths;

  @Override
  public Integer call() {
    for (Path p : paths) {
      if (!Files.exists(p)) {
        spec.commandLine().getErr().println("datenraum ingest: DR-1000 input `" + p
            + "` does not exist: give an existing file or directory.");
        return 1;
      }
    }
    IngestReport report = load(new SiteDirectory(site).create(), paths, json);
    var out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(report));
    } else {
      print(report, out);
    }
    if (report.files() == 0) {
      spec.commandLine().getErr().println("datenraum ingest: DR-1000 no FHIR files in " + paths + ": files in"
          + " directories are read when named *.json, *.ndjson, *.jsonl or *.xml (also .gz or .bz2), not hidden.");
    }
    return report.complete() ? 0 : 1;
  }

  /** Loads the paths into the site; shared with the benchmark and the demo. */
  static IngestReport load(SiteDirectory dir, List<Path> paths, boolean quiet) {
    ProgressBar bar = ProgressBar.onStderr("resources", quiet);
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC());
        AsyncBatchWriter writer = new AsyncBatchWriter(store::write,
            AsyncBatchWriter.waitingFor(store))) {
      IngestReport report = FhirIngest.of(dir.pseudonymizer())
          .load(paths, new StoreLookups(store), writer, bar::update);
      writer.close();
      bar.finish();
      QualityFile.atLoad(new NodeDirectory(dir.root()), store, KnownSystems.DEFAULT, Clock.systemUTC().instant());
      return report;
    }
  }

  private static void print(IngestReport r, java.io.PrintWriter out) {
    out.printf("Loaded %,d resources from %,d file(s) in %.1f s (%,.0f resources/s).%n",
        r.storedTotal(), r.files(), r.seconds(), r.storedTotal() / Math.max(r.seconds(), 1e-9));
    StringBuilder types = new StringBuilder();
    for (Map.Entry<String, Long> e : r.stored().entrySet()) {
      types.append(types.length() == 0 ? "  " : ", ").append(e.getKey()).append(' ')
          .append(String.format("%,d", e.getValue()));
    }
    if (types.length() > 0) {
      out.println(types);
    }
    if (r.deleted() > 0) {
      out.printf("Deleted %,d resource(s).%n", r.deleted());
    }
    if (r.quarantinedTotal() > 0) {
      out.printf("Quarantined %,d record(s): %s. See `datenraum quarantine --site DIR`.%n",
          r.quarantinedTotal(), r.quarantined());
    }
    if (r.unreadableFiles() > 0) {
      out.printf("%,d file(s) could not be read at all.%n", r.unreadableFiles());
    }
  }

  static String toJson(IngestReport r) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode o = m.createObjectNode();
    o.put("files", r.files());
    o.put("unreadableFiles", r.unreadableFiles());
    o.put("stored", r.storedTotal());
    o.set("storedByType", m.valueToTree(r.stored()));
    o.put("deleted", r.deleted());
    o.put("quarantined", r.quarantinedTotal());
    o.set("quarantinedByCode", m.valueToTree(r.quarantined()));
    o.put("seconds", Math.round(r.seconds() * 1000) / 1000.0);
    return o.toString();
  }
}
