package org.datenraum.app.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.app.imaging.DicomCommand;
import org.datenraum.app.imaging.DicomSources;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.ingest.dicom.DicomIngest;
import org.datenraum.ingest.dicom.DicomReport;
import org.datenraum.ingest.dicom.DicomWriter;
import org.datenraum.ingest.dicom.SyntheticCt;
import org.datenraum.registry.imaging.BiomarkerRun;
import org.datenraum.registry.imaging.BuiltInModels;
import org.datenraum.registry.imaging.OnnxImagingModel;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code datenraum bench dicom}: DICOM metadata ingest in files/s on generated CT series (headers
 * only, the pixel data a PACS export would hold are irrelevant to a reader that stops before
 * them), and the shipped model's throughput per study on generated CTs with pixel data.
 */
@Command(name = "dicom", mixinStandardHelpOptions = true,
    description = "Times DICOM metadata ingest (files/s) and the imaging model (per study).")
public final class DicomBench implements Callable<Integer> {

  @Option(names = "--files", defaultValue = "10000", description = "DICOM files ingested (default: ${DEFAULT-VALUE}).")
  int files;

  @Option(names = "--slices", defaultValue = "100", description = "Slices per generated study (default: ${DEFAULT-VALUE}).")
  int slices;

  @Option(names = "--model-studies", defaultValue = "4",
      description = "CT studies with pixel data for the model (default: ${DEFAULT-VALUE}).")
  int modelStudies;

  @Option(names = "--model-slices", defaultValue = "64",
      description = "Slices of 256 x 256 per model study (default: ${DEFAULT-VALUE}).")
  int modelSlices;

  @Override
  public Integer call() throws Exception {
    Path root = Files.createTempDirectory("datenraum-dicom-bench");
    PrintWriter quiet = new PrintWriter(System.err, true);
    int studies = (files + slices - 1) / slices;
    long t0 = System.nanoTime();
    for (int s = 0; s < studies; s++) {
      int n = Math.min(slices, files - s * slices);
      new SyntheticCt("B" + s, "2.25.99." + s, LocalDate.of(2025, 1, 1).plusDays(s % 300), "CHEST", n, 16)
          .writeHeaders(root.resolve("in").resolve("s" + s), "im", DicomWriter.Syntax.values()[s % 3]);
    }
    System.out.printf("dicom bench: %,d files in %,d studies written in %.1f s, %d cores%n", files, studies,
        (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
    SiteDirectory site = new SiteDirectory(root.resolve("site")).create();
    long tc = System.nanoTime();
    site.openStore(Clock.systemUTC()).close();
    site.pseudonymizer();
    System.out.printf("empty site store created in %.2f s (not in the ingest's time)%n", (System.nanoTime() - tc) / 1e9);
    long cpu0 = cpu();
    long t1 = System.nanoTime();
    DicomReport r = DicomCommand.load(site, List.of(root.resolve("in")), DicomIngest.Config.direct(), true, quiet);
    double seconds = (System.nanoTime() - t1) / 1e9;
    System.out.printf("ingest: %,d files, %,d studies, %,d series, %,d instances, %,d quarantined in %.2f s:"
        + " %,.0f files/s (%.1f CPU-s)%n", r.files(), r.studies(), r.series(), r.instances(),
        r.quarantinedTotal(), seconds, r.files() / seconds, (cpu() - cpu0) / 1e9);
    long t2 = System.nanoTime();
    DicomReport again = DicomCommand.load(site, List.of(root.resolve("in")), DicomIngest.Config.direct(), true, quiet);
    double secondsAgain = (System.nanoTime() - t2) / 1e9;
    System.out.printf("again (nothing new: %,d instances stored): %.2f s, %,.0f files/s%n", again.instances(),
        secondsAgain, again.files() / secondsAgain);
    model(root);
    return r.files() == files && r.quarantinedTotal() == 0 ? 0 : 1;
  }

  private void model(Path root) throws Exception {
    Path in = root.resolve("model-in");
    for (int s = 0; s < modelStudies; s++) {
      new SyntheticCt("M" + s, "2.25.98." + s, LocalDate.of(2025, 2, 1), "CHEST", modelSlices, 256)
          .write(in.resolve("s" + s), "ct", 0.1 * (s + 1), s, DicomWriter.Syntax.EXPLICIT_LE);
    }
    SiteDirectory site = new SiteDirectory(root.resolve("model-site")).create();
    DicomCommand.load(site, List.of(in), DicomIngest.Config.direct(), true, new PrintWriter(System.err, true));
    try (OnnxImagingModel model = OnnxImagingModel.load(BuiltInModels.lungOpacity());
        DuckDbSiteStore store = site.openStore(Clock.systemUTC())) {
      var studies = new org.datenraum.app.imaging.ModelSite(store, DicomSources.of(site.root()).read());
      long t0 = System.nanoTime();
      BiomarkerRun.Summary s = BiomarkerRun.run(model, studies);
      double seconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf("model %s: %d studies of %d slices (256 x 256) computed in %.2f s: %.3f s per study"
          + " (reading pixel data and histogram included), %d failed%n", model.info().id(), s.computed(),
          modelSlices, seconds, seconds / Math.max(1, s.computed()), s.failures().size());
      var input = studies.input(studies.studies().get(0)).orElseThrow();
      int runs = 2000;
      long t1 = System.nanoTime();
      for (int i = 0; i < runs; i++) {
        model.run(input);
      }
      System.out.printf("inference alone (ONNX Runtime, CPU): %.1f µs per study%n",
          (System.nanoTime() - t1) / 1e3 / runs);
    }
  }

  private static long cpu() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }
}
