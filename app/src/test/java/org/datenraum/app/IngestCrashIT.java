package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.generator.GenerationSummary;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.FactScans;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load killed with SIGKILL leaves the store consistent, and loading again completes it. */
class IngestCrashIT {

  @TempDir Path tmp;

  @Test
  void killedLoadLeavesWholeBatchesOnlyAndResumes() throws Exception {
    Path corpus = tmp.resolve("corpus");
    GenerationSummary generated = HospitalGenerator.of(GeneratorConfig.of(1500, 11,
        "Klinikum Absturz", GeneratorConfig.DEFAULT_START, 1, List.of()).value())
        .writeTo(corpus, 2, false, (d, t, r, b) -> { });
    assertThat(generated.totalResources()).isGreaterThan(4L * FhirIngest.BATCH_SIZE);
    Path site = tmp.resolve("site");

    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), "org.datenraum.app.Main",
        "ingest", "--site", site.toString(), corpus.toString())
        .redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
    Path wal = site.resolve("site.duckdb.wal");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (p.isAlive() && System.nanoTime() < deadline
        && !(Files.exists(wal) && Files.size(wal) > 2_000_000)) {
      Thread.sleep(20);
    }
    assertThat(p.isAlive()).as("the load must still be running when it is killed").isTrue();
    p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      long resources = store.stats().totalResources();
      assertThat(resources % FhirIngest.BATCH_SIZE).as("only whole batches").isZero();
      assertThat(resources).isLessThan(generated.totalResources());
      assertThat(FactScans.danglingRows(store)).isZero();
    }

    Cli.Run resumed = Cli.run("ingest", "--site", site.toString(), corpus.toString());
    assertThat(resumed.status()).as(resumed.err()).isZero();
    try (DuckDbSiteStore store = new SiteDirectory(site).openStore(Clock.systemUTC())) {
      assertThat(store.stats().totalResources()).isEqualTo(generated.totalResources());
      assertThat(store.stats().patients()).isEqualTo(generated.patients());
      assertThat(store.stats().quarantined()).isZero();
      assertThat(FactScans.danglingRows(store)).isZero();
    }
  }
}
