package org.datenraum.app.emergency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.app.IoErrors;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.cda.CdaImport;
import org.datenraum.ingest.cda.CdaIssue;
import org.datenraum.ingest.cda.ImportAnswer;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum cda}: emergency department CDA documents into the site store, answered as AKTIN's server answers. */
@Command(name = "cda", mixinStandardHelpOptions = true,
    description = "Import AKTIN emergency department CDA documents (Basismodul v2, 2026 transition version)"
        + " into the site store, pseudonymised; one line per file with AKTIN's HTTP answer (201 new"
        + " encounter, 200 update, 422 refused, 409 another patient's encounter, 413 too large).")
public final class CdaCommand implements Callable<Integer> {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--json", description = "One JSON object per file: file, status, issues.")
  boolean json;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "CDA documents, one encounter each.")
  List<Path> files;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    SiteDirectory dir = new SiteDirectory(site).create();
    CdaImport receiver = CdaImport.of(dir.pseudonymizer());
    boolean[] outcome = new boolean[2];
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      CdaFiles.load(receiver, files, new SiteVisitStore(store), new CdaFiles.Answers() {
        @Override
        public void answered(Path file, ImportAnswer a) {
          outcome[0] |= !a.stored();
          out.println(json ? toJson(file, a) : line(file, a));
        }

        @Override
        public void unreadable(Path file, IOException e) {
          err.println("datenraum cda: `" + file + "` cannot be read: " + IoErrors.reason(e) + ".");
          outcome[1] = true;
        }
      });
    }
    return outcome[1] ? 2 : outcome[0] ? 1 : 0;
  }

  static String line(Path f, ImportAnswer a) {
    if (a.stored()) {
      return f + " " + a.status() + " " + a.location();
    }
    StringBuilder s = new StringBuilder(f + " " + a.status());
    for (CdaIssue i : a.issues()) {
      s.append("\n  ").append(i.problem().text());
    }
    return s.toString();
  }

  static String toJson(Path f, ImportAnswer a) {
    ObjectNode o = JSON.createObjectNode();
    o.put("file", f.toString());
    o.put("status", a.status());
    if (a.location() != null) {
      o.put("location", a.location());
    }
    ArrayNode issues = o.putArray("issues");
    for (CdaIssue i : a.issues()) {
      issues.addObject().put("code", i.problem().code()).put("type", i.type())
          .put("message", i.problem().message()).put("xpath", i.xpath());
    }
    return o.toString();
  }
}
