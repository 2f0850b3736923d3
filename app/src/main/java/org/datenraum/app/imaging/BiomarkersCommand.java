package org.datenraum.app.imaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.registry.imaging.BiomarkerRun;
import org.datenraum.registry.imaging.BuiltInModels;
import org.datenraum.registry.imaging.OnnxImagingModel;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum imaging biomarkers}: runs a model over the studies that lack its output. */
@Command(name = "biomarkers", mixinStandardHelpOptions = true,
    description = "Run an imaging model (ONNX, on the CPU) over the site's CT studies that lack its"
        + " output; the biomarkers become facts with the model's name, version, checksum and input"
        + " series. Pixel data are read from the site's DICOM files and go nowhere else.")
public final class BiomarkersCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--site", required = true, description = "The site's data directory.")
  Path site;

  @Option(names = "--model", paramLabel = "FILE",
      description = "An ONNX model file (default: the shipped lung-opacity model).")
  Path model;

  @Option(names = "--json", description = "Print one JSON object with the summary.")
  boolean json;

  @Override
  public Integer call() throws Exception {
    PrintWriter err = spec.commandLine().getErr();
    SiteDirectory dir = new SiteDirectory(site);
    if (!dir.exists()) {
      err.println(SiteDirectory.noStore("imaging biomarkers", site));
      return 1;
    }
    byte[] bytes;
    try {
      bytes = model == null ? BuiltInModels.lungOpacity() : Files.readAllBytes(model);
    } catch (IOException e) {
      err.println("datenraum imaging biomarkers: DR-7520 the model file `" + model
          + "` cannot be read: give an ONNX model file.");
      return 2;
    }
    long t0 = System.nanoTime();
    BiomarkerRun.Summary s;
    String name;
    try (OnnxImagingModel m = load(bytes, err);
        DuckDbSiteStore store = dir.openStore(Clock.systemUTC(), err)) {
      if (m == null) {
        return 2;
      }
      name = m.info().name() + " " + m.info().version();
      s = BiomarkerRun.run(m, new ModelSite(store, DicomSources.of(dir.root()).read()));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    print(s, name, seconds);
    return s.failures().isEmpty() ? 0 : 1;
  }

  private OnnxImagingModel load(byte[] bytes, PrintWriter err) {
    try {
      return OnnxImagingModel.load(bytes);
    } catch (Exception e) {
      err.println("datenraum imaging biomarkers: DR-7521 the model `" + (model == null ? "built-in" : model)
          + "` cannot be loaded (" + e.getMessage() + "): give an ONNX model with a float [1, 64]"
          + " input `histogram`.");
      return null;
    }
  }

  private void print(BiomarkerRun.Summary s, String name, double seconds) {
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      ObjectNode o = new ObjectMapper().createObjectNode();
      o.put("model", name).put("studies", s.studies()).put("computed", s.computed())
          .put("alreadyDone", s.alreadyDone()).put("withoutInput", s.withoutInput())
          .put("failed", s.failures().size()).put("seconds", Math.round(seconds * 1000) / 1000.0);
      out.println(o);
    } else {
      out.printf("Model %s over %,d CT stud(y/ies): %,d computed, %,d already done, %,d failed in %.1f s.%n",
          name, s.studies(), s.computed(), s.alreadyDone(), s.failures().size(), seconds);
    }
    for (String f : s.failures()) {
      spec.commandLine().getErr().println("datenraum imaging biomarkers: study " + f);
    }
  }
}
