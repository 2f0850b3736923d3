package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site store written by the former DuckDB engine (1.4.3, in a process of its own) opens with
 * today's engine: the same patients, facts and feasibility answers as a store written by today's
 * engine from the same data, its saved index and index delta included.
 */
class FormerEngineStoreIT {

  @TempDir Path dir;

  @Test
  void aStoreWrittenByTheFormerEngineReadsAsOneWrittenToday() throws Exception {
    Path former = dir.resolve("former.duckdb");
    String output = writeWithFormerEngine(former);
    assertThat(output).contains("engine v" + formerVersion());
    Path today = dir.resolve("today.duckdb");
    FormerEngineWriter.write(today);

    try (DuckDbSiteStore old = DuckDbSiteStore.open(former, FormerEngineWriter.CLOCK);
        DuckDbSiteStore now = DuckDbSiteStore.open(today, FormerEngineWriter.CLOCK)) {
      List<PatientRecord> patients = now.patients().toList();
      assertThat(old.patients().toList()).isNotEmpty().containsExactlyInAnyOrderElementsOf(patients);
      List<Fact> facts = now.facts().toList();
      assertThat(old.facts().toList()).hasSizeGreaterThan(100).containsExactlyInAnyOrderElementsOf(facts);
      DuckDbFeasibilityExecutor oldIndex = DuckDbFeasibilityExecutor.of(old);
      DuckDbFeasibilityExecutor nowIndex = DuckDbFeasibilityExecutor.of(now);
      RandomPlans plans = new RandomPlans(77);
      int nonZero = 0;
      for (int i = 0; i < 60; i++) {
        Plan plan = plans.plan();
        long count = oldIndex.count(plan, FormerEngineWriter.DATE);
        assertThat(count).as("plan %s", plan).isEqualTo(nowIndex.count(plan, FormerEngineWriter.DATE));
        nonZero += count > 0 ? 1 : 0;
      }
      assertThat(nonZero).as("plans that select patients").isGreaterThan(10);
      assertThat(oldIndex.stats().rebuilt()).as("the saved index of the former engine is used").isFalse();
    }
  }

  private static String formerVersion() {
    String v = System.getProperty("former.duckdb.version", "1.4.3.0");
    return v.substring(0, v.lastIndexOf('.'));
  }

  /** Runs {@link FormerEngineWriter} with the test class path, the DuckDB jar swapped for the former one. */
  private String writeWithFormerEngine(Path store) throws IOException, InterruptedException {
    Path jar = Path.of(System.getProperty("former.duckdb.jar", "target/former-duckdb/duckdb_jdbc-1.4.3.0.jar"));
    assertThat(jar).as("the former engine, copied by the build").isRegularFile();
    String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    List<String> entries = new ArrayList<>(Stream.of(classPath.split(File.pathSeparator))
        .filter(e -> !Path.of(e).getFileName().toString().startsWith("duckdb_jdbc-")).toList());
    entries.add(jar.toAbsolutePath().toString());
    Path log = dir.resolve("writer.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", entries.stream().collect(Collectors.joining(File.pathSeparator)),
        FormerEngineWriter.class.getName(), store.toString())
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the writer finished").isTrue();
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertThat(p.exitValue()).as(output).isZero();
    return output;
  }
}
