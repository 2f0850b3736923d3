package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.store.InMemorySiteStore;
import org.datenraum.store.quality.DataQuality;
import org.datenraum.store.quality.QualityReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database's quality counts equal the pass over every fact, on seeded random facts with every defect. */
class DuckDbQualityIT {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final Set<String> KNOWN = Set.of(ICD, "http://loinc.org");
  private static final String[] STARTS = {null, "1850-03-01T00:00:00Z", "2030-01-01T00:00:00Z",
      "1975-02-28T23:59:59Z", "1975-03-01T00:00:00Z", "2020-05-05T10:00:00Z"};

  @TempDir Path dir;

  @Test
  void databaseCountsEqualTheFactByFactMeasurement() {
    WriteBatch batch = randomBatch(new SplittableRandom(29));
    InMemorySiteStore memory = new InMemorySiteStore();
    memory.write(batch);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(batch);
      QualityReport counted = store.quality(KNOWN, NOW);
      QualityReport passed = DataQuality.measure(store, KNOWN, NOW);
      assertThat(counted).isEqualTo(passed);
      assertThat(counted).isEqualTo(DataQuality.measure(memory, KNOWN, NOW));
      assertThat(counted.facts()).isEqualTo(600);
      assertThat(counted.implausible().keySet()).containsExactlyInAnyOrder(DataQuality.BEFORE_1900,
          DataQuality.FUTURE, DataQuality.END_BEFORE_START, DataQuality.BEFORE_BIRTH);
      assertThat(counted.unknownSystems()).containsOnlyKeys("urn:local:codes");
    }
  }

  @Test
  void anEmptyStoreHasNoFigures() {
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("empty.duckdb"), CLOCK)) {
      assertThat(store.quality(KNOWN, NOW)).isEqualTo(new QualityReport(NOW, 0, List.of(), Map.of(), Map.of()));
    }
  }

  private static WriteBatch randomBatch(SplittableRandom random) {
    List<ResourceRecord> rs = new ArrayList<>();
    for (int p = 0; p < 6; p++) {
      YearMonth birth = p == 5 ? null : YearMonth.of(1975, 3);
      rs.add(new ResourceRecord(new ResourceKey("Patient", "p" + p), "p" + p, null, List.of(), "{}",
          new PatientRecord("p" + p, birth, Sex.FEMALE, false), List.of()));
    }
    String[] types = {"Condition", "Observation", "Encounter"};
    String[] systems = {ICD, "http://loinc.org", "urn:local:codes"};
    for (int i = 0; i < 600; i++) {
      String type = types[random.nextInt(types.length)];
      String start = STARTS[random.nextInt(STARTS.length)];
      Instant s = start == null ? null : Instant.parse(start);
      Instant end = s == null || random.nextInt(3) > 0 ? null : s.plusSeconds(random.nextBoolean() ? 3600 : -3600);
      Fact f = new Fact("p" + random.nextInt(6), random.nextBoolean() ? "e1" : null, type, "r" + i,
          new Coding(systems[random.nextInt(systems.length)], "X" + random.nextInt(4)), s, end, value(random),
          random.nextBoolean() ? "final" : null, List.of());
      rs.add(new ResourceRecord(new ResourceKey(type, "r" + i), f.patient(), null, List.of(f), "{}", null,
          List.of()));
    }
    return new WriteBatch(rs, List.of(), Map.of(), List.of());
  }

  private static FactValue value(SplittableRandom random) {
    return switch (random.nextInt(5)) {
      case 0 -> new FactValue.Quantity(1.5, "mg", null);
      case 1 -> new FactValue.Range(null, 4.0, "mmol/L");
      case 2 -> new FactValue.Coded(new Coding("http://snomed.info/sct", "260373001"));
      case 3 -> new FactValue.Text("positiv");
      default -> null;
    };
  }
}
