package org.datenraum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteCount;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The process federation bench on two tiny stores and three nodes in two processes (two nodes in
 * a {@link NodeHost}, one as {@code datenraum node}): the merged answer is the sum of the sites'
 * released counts, each within the disclosure noise of the count this test wrote, and afterwards
 * no process runs and the broker's port is free.
 */
class ProcessFederationIT {

  /** Laplace noise of scale 2 (epsilon 0.5) beyond 25 has a chance of e^-12.5; rounding adds 5. */
  private static final long NOISE = 30;

  @TempDir Path dir;

  @Test
  void theMergedAnswerIsTheSumOfTheSitesAndNothingIsLeftRunning() throws Exception {
    long small = store(dir.resolve("small"), 120, 3);
    long large = store(dir.resolve("large"), 300, 2);
    StringWriter text = new StringWriter();
    ProcessFederation bench = new ProcessFederation(new PrintWriter(text, true), new ProcessFederation.Setup(
        dir.resolve("work"), List.of(dir.resolve("small"), dir.resolve("large")), 3, 3, new NodeProcesses.Shape(256, 2, 2)));
    ProcessFederation.Outcome outcome = bench.run(
        Submission.feasibility(WireJson.mapper().readTree(SyntheticSite.DIABETES_QUERY)));

    assertThat(outcome.status()).as("%s", text).isZero();
    assertThat(outcome.pids()).as("two processes: two nodes in one, one in the other").hasSize(2);
    RequestView first = outcome.first();
    assertThat(first.sites()).hasSize(3).allSatisfy(s -> assertThat(s.status()).isEqualTo(SiteStatus.COMPLETED));
    List<Long> released = first.result().sites().stream().map(SiteCount::count).sorted().toList();
    assertThat(released).as("every site listed").hasSize(3);
    long exactSum = small + large + small;
    assertThat(first.result().total().value()).as("the sum of the released counts")
        .isEqualTo(released.stream().mapToLong(Long::longValue).sum());
    assertThat(released.get(0)).isBetween(small - NOISE, small + NOISE);
    assertThat(released.get(1)).isBetween(small - NOISE, small + NOISE);
    assertThat(released.get(2)).isBetween(large - NOISE, large + NOISE);
    assertThat(first.result().total().value()).isBetween(exactSum - 3 * NOISE, exactSum + 3 * NOISE);
    for (long pid : outcome.pids()) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("process %d", pid).isFalse();
    }
    assertThat(free(outcome.brokerPort())).as("broker port %d", outcome.brokerPort()).isTrue();
  }

  /** A site of {@code patients} patients, every {@code every}-th with type-2 diabetes; returns their count. */
  private static long store(Path site, int patients, int every) {
    List<ResourceRecord> records = new ArrayList<>();
    long diabetic = 0;
    for (int i = 0; i < patients; i++) {
      String p = site.getFileName() + "-p" + i;
      records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, YearMonth.of(1940 + i % 60, 1 + i % 12), i % 2 == 0 ? Sex.FEMALE : Sex.MALE, false),
          List.of()));
      if (i % every == 0) {
        diabetic++;
        Instant onset = Instant.parse("2020-01-01T00:00:00Z").plusSeconds(86_400L * i);
        records.add(new ResourceRecord(new ResourceKey("Condition", "c-" + p), p, null, List.of(new Fact(p, null,
            "Condition", "c-" + p, new Coding(SyntheticSite.ICD, "E11.9"), onset, onset, null, "active", List.of())),
            "{}", null, List.of()));
      }
    }
    SiteDirectory dir = new SiteDirectory(site).create();
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.storeFile(), Clock.systemUTC())) {
      store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    }
    return diabetic;
  }

  private static boolean free(int port) {
    try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
