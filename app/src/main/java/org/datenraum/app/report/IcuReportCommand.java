package org.datenraum.app.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.registry.icu.IcuReport;
import org.datenraum.store.duckdb.DuckDbIcuFacts;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum report icu}: the intensive care indicators of a site (docs/icu.md). */
@Command(name = "icu", mixinStandardHelpOptions = true,
    description = "Intensive care indicators of a site (as RAPID and the DIVI): ventilation"
        + " episodes, re-intubations, lung-protective ventilation, SOFA, sedation monitoring,"
        + " prone positioning, catecholamines; all stays, adults and children. The file holds"
        + " exact counts and is written owner-only.")
public final class IcuReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--from", paramLabel = "YYYY-MM-DD",
      description = "First day (UTC) on which a counted stay may begin.")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD",
      description = "Last day (UTC) on which a counted stay may begin.")
  LocalDate to;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "json",
      description = "json, html (charts as inline SVG) or pdf (default: ${DEFAULT-VALUE}).")
  ReportFormat format;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "Output file.")
  Path out;

  @Override
  public Integer call() throws IOException {
    var err = spec.commandLine().getErr();
    if (from != null && to != null && to.isBefore(from)) {
      err.println("datenraum report icu: DR-7300 --to `" + to + "` lies before --from `" + from
          + "`: give a --to on or after --from.");
      return 2;
    }
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println(SiteDirectory.noStore("report icu", site));
      return 1;
    }
    IcuReport report;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      report = IcuReport.of(DuckDbIcuFacts.of(store), from, to);
    }
    ReportFiles.write(out, switch (format) {
      case json -> json(report);
      case html -> IcuReportHtml.render(report).getBytes(StandardCharsets.UTF_8);
      case pdf -> IcuReportPdf.render(report);
    });
    spec.commandLine().getOut().printf("datenraum report icu: %s stays (%s adults, %s children),"
        + " written to %s%n", report.all().get("stays"), report.adults().get("stays"),
        report.children().get("stays"), out);
    return 0;
  }

  static byte[] json(IcuReport report) throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValueAsBytes(report.tree());
  }
}
