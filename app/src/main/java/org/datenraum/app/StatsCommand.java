package org.datenraum.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.store.SiteStats;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code datenraum stats}: what a site store holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
    description = "Report patients, resources by type, facts and quarantined records.")
final class StatsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--json", description = "Print one JSON object.")
  boolean json;

  @Override
  public Integer call() {
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      spec.commandLine().getErr().println(SiteDirectory.noStore("stats", site));
      return 1;
    }
    SiteStats s;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), spec.commandLine().getErr())) {
      s = store.stats();
    }
    var out = spec.commandLine().getOut();
    if (json) {
      ObjectMapper m = new ObjectMapper();
      ObjectNode o = m.createObjectNode();
      o.put("patients", s.patients());
      o.set("resources", m.valueToTree(s.resources()));
      o.put("facts", s.facts());
      o.put("quarantined", s.quarantined());
      out.println(o);
      return 0;
    }
    out.printf("Patients:    %,d%nFacts:       %,d%nQuarantined: %,d%nResources:   %,d%n",
        s.patients(), s.facts(), s.quarantined(), s.totalResources());
    for (Map.Entry<String, Long> e : s.resources().entrySet()) {
      boolean facts = FhirIngest.factTypes().contains(e.getKey());
      out.printf("  %-28s %,12d%s%n", e.getKey(), e.getValue(),
          facts || e.getKey().equals("Patient") || e.getKey().equals("Medication")
              ? "" : "  (kept as JSON, no facts)");
    }
    return 0;
  }
}
