package org.datenraum.app.imaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.datenraum.app.site.ProgressBar;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.ResourceKey;
import org.datenraum.ingest.dicom.DicomIngest;
import org.datenraum.ingest.dicom.DicomLookups;
import org.datenraum.ingest.dicom.DicomReport;
import org.datenraum.store.SiteStore;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum dicom}: loads DICOM metadata into a site store. */
@Command(name = "dicom", mixinStandardHelpOptions = true,
    description = "Load the metadata of DICOM Part 10 files (files or folders, recursively, with or"
        + " without DICOMDIR) into the site store, pseudonymised; pixel data are not read.")
public final class DicomCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--json", description = "Print one JSON object with the summary, no progress.")
  boolean json;

  @Option(names = "--patient-id-system", paramLabel = "URI", description = "Find each file's"
      + " patient through the FHIR Patient.identifier of this system whose value is the Patient ID"
      + " (default: the Patient ID is the patient's id at the site).")
  String patientIdSystem;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "DICOM files or folders.")
  List<Path> paths;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    for (Path p : paths) {
      if (!Files.exists(p)) {
        err.println("datenraum dicom: DR-7500 input `" + p + "` does not exist: give an existing"
            + " file or folder.");
        return 2;
      }
    }
    SiteDirectory dir = new SiteDirectory(site).create();
    DicomReport r;
    try {
      r = load(dir, paths, new DicomIngest.Config(patientIdSystem), json, err);
    } catch (UncheckedIOException e) {
      err.println("datenraum dicom: " + e.getCause().getMessage());
      return 2;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(toJson(r));
    } else {
      out.printf("Read %,d DICOM file(s) in %.1f s (%,.0f files/s): %,d new stud(y/ies), %,d series,"
          + " %,d instance(s).%n", r.files(), r.seconds(), r.files() / Math.max(r.seconds(), 1e-9),
          r.studies(), r.series(), r.instances());
      if (r.quarantinedTotal() > 0) {
        out.printf("Quarantined %,d: %s. See `datenraum quarantine --site %s`.%n",
            r.quarantinedTotal(), r.quarantined(), site);
      }
    }
    if (r.files() == 0 && r.quarantinedTotal() == 0) {
      err.println("datenraum dicom: DR-7500 no DICOM files in " + paths + ".");
    }
    return r.files() > 0 && r.quarantinedTotal() == 0 ? 0 : 1;
  }

  /** Loads DICOM into the site; shared with the benchmark and the tests. */
  public static DicomReport load(SiteDirectory dir, List<Path> paths, DicomIngest.Config config,
      boolean quiet, PrintWriter notices) {
    ProgressBar bar = ProgressBar.onStderr("files", quiet);
    DicomReport r;
    try (DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), notices)) {
      r = DicomIngest.of(dir.pseudonymizer(), lookups(store), config)
          .load(paths, store::write, (done, total) -> bar.update(done, total, done));
    }
    bar.finish();
    try {
      DicomSources.of(dir.root()).append(r.sources());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return r;
  }

  static DicomLookups lookups(SiteStore store) {
    return new DicomLookups() {
      @Override
      public boolean hasPatient(String pseudonym) {
        return store.hasPatient(pseudonym);
      }

      @Override
      public Optional<String> patientByIdentifier(String identifierPseudonym) {
        return store.patientByIdentifier(identifierPseudonym);
      }

      @Override
      public Optional<String> resourceJson(ResourceKey key) {
        return store.resourceJson(key);
      }
    };
  }

  static String toJson(DicomReport r) {
    ObjectNode o = new ObjectMapper().createObjectNode();
    o.put("files", r.files());
    o.put("studies", r.studies());
    o.put("series", r.series());
    o.put("instances", r.instances());
    o.put("quarantined", r.quarantinedTotal());
    return o.toString();
  }
}
