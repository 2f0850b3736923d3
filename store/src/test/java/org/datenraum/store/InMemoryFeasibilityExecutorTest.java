package org.datenraum.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.TimeWindow;
import org.junit.jupiter.api.Test;

/** The in-memory executor counts and selects what the store holds at the time of each call. */
class InMemoryFeasibilityExecutorTest {

  private static final Coding E11 = new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11.90");
  private static final Plan DIABETES = new Plan(List.of(List.of(new PatientPredicate.HasFact(
      new FactPattern(Set.of("Condition"), null, CodeSet.of(E11), null, List.of(), TimeWindow.ALWAYS)))), List.of());

  private static ResourceRecord patient(String p) {
    return new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
        new PatientRecord(p, YearMonth.of(1960, 5), Sex.FEMALE, false), List.of());
  }

  private static ResourceRecord condition(String id, String p) {
    Fact f = new Fact(p, null, "Condition", id, E11, Instant.parse("2024-03-01T00:00:00Z"), null, null, null, List.of());
    return new ResourceRecord(new ResourceKey("Condition", id), p, null, List.of(f), "{}", null, List.of());
  }

  private static WriteBatch batch(List<ResourceRecord> upserts, List<ResourceKey> deletes) {
    return new WriteBatch(upserts, deletes, Map.of(), List.of());
  }

  @Test
  void countsFollowAdditionsAndDeletions() {
    InMemorySiteStore store = new InMemorySiteStore();
    FeasibilityExecutor executor = InMemoryFeasibilityExecutor.of(store);
    LocalDate date = LocalDate.of(2025, 1, 1);
    assertThat(executor.count(DIABETES, date)).isZero();
    store.write(batch(List.of(patient("a"), patient("b"), condition("c1", "a"), condition("c2", "b")), List.of()));
    assertThat(executor.count(DIABETES, date)).isEqualTo(2);
    assertThat(executor.matching(DIABETES, date)).containsExactlyInAnyOrder("a", "b");
    store.write(batch(List.of(), List.of(new ResourceKey("Condition", "c2"))));
    assertThat(executor.count(DIABETES, date)).isEqualTo(1);
    assertThat(executor.matching(DIABETES, date)).containsExactly("a");
    store.write(batch(List.of(), List.of(new ResourceKey("Patient", "a"))));
    assertThat(executor.count(DIABETES, date)).isZero();
    assertThat(executor.matching(DIABETES, date)).isEmpty();
  }

  @Test
  void readsByPatientsAndCodeKeepOnlyThose() {
    InMemorySiteStore store = new InMemorySiteStore();
    store.write(batch(List.of(patient("a"), patient("b"), condition("c1", "a"), condition("c2", "b")), List.of()));
    assertThat(store.patients(Set.of("b", "z"))).extracting(PatientRecord::pseudonym).containsExactly("b");
    assertThat(store.facts(E11, Set.of("a"))).extracting(Fact::resourceId).containsExactly("c1");
    assertThat(store.facts(new Coding(E11.system(), "E10"), Set.of("a", "b"))).isEmpty();
  }
}
