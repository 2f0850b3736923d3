package org.datenraum.store.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
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
import org.junit.jupiter.api.Test;

/** Data quality counts what each fact lacks or gets wrong, checked against facts written with known defects. */
class DataQualityTest {

  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";

  @Test
  void handWrittenDefectsAreCountedByReason() {
    InMemorySiteStore store = new InMemorySiteStore();
    List<ResourceRecord> rs = new ArrayList<>();
    rs.add(patient("p1", YearMonth.of(1980, 6)));
    rs.add(resource("c1", fact("p1", "c1", ICD, "1850-01-01T00:00:00Z", null)));       // before 1900, before birth
    rs.add(resource("c2", fact("p1", "c2", ICD, "2030-01-01T00:00:00Z", null)));       // in the future
    rs.add(resource("c3", fact("p1", "c3", "urn:local:x", "1980-06-01T00:00:00Z", "1980-05-31T00:00:00Z")));
    rs.add(resource("c4", fact("p1", "c4", ICD, "1980-05-31T23:59:59Z", null)));       // before birth month
    store.write(new WriteBatch(rs, List.of(), Map.of(), List.of()));
    QualityReport q = DataQuality.measure(store, Set.of(ICD), NOW);
    assertThat(q.facts()).isEqualTo(4);
    assertThat(q.implausible()).containsExactlyInAnyOrderEntriesOf(Map.of(DataQuality.BEFORE_1900, 1L,
        DataQuality.FUTURE, 1L, DataQuality.END_BEFORE_START, 1L, DataQuality.BEFORE_BIRTH, 2L));
    assertThat(q.unknownSystems()).containsExactlyEntriesOf(Map.of("urn:local:x", 1L));
    assertThat(q.completeness()).containsExactly(new FieldCompleteness("Condition", 4, 0, 4, 1, 0, 0));
  }

  @Test
  void seededRandomFactsGiveTheCountsTheirFieldsSay() {
    SplittableRandom random = new SplittableRandom(11);
    InMemorySiteStore store = new InMemorySiteStore();
    List<ResourceRecord> rs = new ArrayList<>();
    rs.add(patient("p", null));
    Map<String, long[]> expected = new HashMap<>();
    long unknown = 0;
    for (int i = 0; i < 500; i++) {
      String type = random.nextBoolean() ? "Observation" : "Encounter";
      boolean enc = random.nextBoolean();
      boolean start = random.nextBoolean();
      boolean value = random.nextBoolean();
      boolean status = random.nextBoolean();
      boolean known = random.nextInt(4) > 0;
      unknown += known ? 0 : 1;
      Fact f = new Fact("p", enc ? "e" : null, type, "r" + i, new Coding(known ? ICD : "urn:other", "X"),
          start ? Instant.parse("2020-01-01T00:00:00Z") : null, null,
          value ? new FactValue.Quantity(1, "mg", null) : null, status ? "final" : null, List.of());
      rs.add(new ResourceRecord(new ResourceKey(type, "r" + i), "p", null, List.of(f), "{}".getBytes(), null,
          List.of()));
      long[] c = expected.computeIfAbsent(type, t -> new long[6]);
      c[0]++;
      c[1] += enc ? 1 : 0;
      c[2] += start ? 1 : 0;
      c[4] += value ? 1 : 0;
      c[5] += status ? 1 : 0;
    }
    store.write(new WriteBatch(rs, List.of(), Map.of(), List.of()));
    QualityReport q = DataQuality.measure(store, Set.of(ICD), NOW);
    assertThat(q.facts()).isEqualTo(500);
    assertThat(q.unknownSystems()).containsExactlyEntriesOf(Map.of("urn:other", unknown));
    assertThat(q.implausible()).isEmpty();
    for (FieldCompleteness f : q.completeness()) {
      long[] c = expected.get(f.resourceType());
      assertThat(new long[] {f.facts(), f.encounter(), f.start(), f.end(), f.value(), f.status()}).containsExactly(c);
    }
    assertThat(q.completeness()).extracting(FieldCompleteness::resourceType).containsExactly("Encounter", "Observation");
  }

  private static ResourceRecord patient(String p, YearMonth birth) {
    return new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}".getBytes(),
        new PatientRecord(p, birth, Sex.FEMALE, false), List.of());
  }

  private static ResourceRecord resource(String id, Fact f) {
    return new ResourceRecord(new ResourceKey("Condition", id), f.patient(), null, List.of(f), "{}".getBytes(), null,
        List.of());
  }

  private static Fact fact(String p, String id, String system, String start, String end) {
    return new Fact(p, null, "Condition", id, new Coding(system, "X"), Instant.parse(start),
        end == null ? null : Instant.parse(end), null, null, List.of());
  }
}
