package org.datenraum.app.emergency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
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
  /** Documents checked in parallel and written to the store in one transaction. */
  public static final int BATCH = 500;

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
    boolean refused = false;
    boolean unreadable = false;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      SiteVisitStore visits = new SiteVisitStore(store);
      for (int from = 0; from < files.size(); from += BATCH) {
        List<Path> batch = files.subList(from, Math.min(files.size(), from + BATCH));
        List<Path> read = new ArrayList<>();
        List<CdaImport.Incoming> incoming = new ArrayList<>();
        for (Path f : batch) {
          try {
            incoming.add(new CdaImport.Incoming(f.toString(), read(f, receiver.maxBytes() + 1)));
            read.add(f);
          } catch (IOException e) {
            err.println("datenraum cda: `" + f + "` cannot be read: " + IoErrors.reason(e) + ".");
            unreadable = true;
          }
        }
        List<ImportAnswer> answers = receiver.receiveAll(incoming, visits);
        for (int i = 0; i < answers.size(); i++) {
          ImportAnswer a = answers.get(i);
          refused |= !a.stored();
          out.println(json ? toJson(read.get(i), a) : line(read.get(i), a));
        }
      }
    }
    return unreadable ? 2 : refused ? 1 : 0;
  }

  /** At most {@code limit} bytes: a larger file is refused (413) without being read whole. */
  private static byte[] read(Path f, int limit) throws IOException {
    try (InputStream in = Files.newInputStream(f)) {
      return in.readNBytes(limit);
    }
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
