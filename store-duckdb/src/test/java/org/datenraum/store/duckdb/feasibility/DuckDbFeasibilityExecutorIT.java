package org.datenraum.store.duckdb.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.WriteBatch;
import org.datenraum.query.plan.CodeSet;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.TimeWindow;
import org.datenraum.store.InMemoryFeasibilityExecutor;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.internal.StoreConnections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The indexed executor counts and selects what the reference evaluator does, for random plans
 * over random facts, and stays correct as batches add, replace and delete resources and patients.
 */
class DuckDbFeasibilityExecutorIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC);
  private static final LocalDate DATE = LocalDate.of(2025, 6, 15);

  @TempDir Path dir;

  @Test
  void randomPlansCountAsTheReferenceEvaluatorThroughChanges() {
    int informative = 0;
    int plansRun = 0;
    int updates = 0;
    for (long seed = 1; seed <= 6; seed++) {
      RandomFacts data = new RandomFacts(seed);
      RandomPlans plans = new RandomPlans(seed * 31);
      try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("s" + seed + ".duckdb"), CLOCK)) {
        store.write(data.initial(40, 300));
        DuckDbFeasibilityExecutor indexed = DuckDbFeasibilityExecutor.of(store);
        InMemoryFeasibilityExecutor reference = InMemoryFeasibilityExecutor.of(store);
        for (int round = 0; round < 6; round++) {
          for (int q = 0; q < 40; q++) {
            Plan plan = plans.plan();
            long count = indexed.count(plan, DATE);
            Set<String> expected = reference.matching(plan, DATE);
            assertThat(count).as("seed %d round %d plan %s", seed, round, plan).isEqualTo(expected.size());
            assertThat(indexed.matching(plan, DATE)).as("seed %d round %d plan %s", seed, round, plan)
                .isEqualTo(expected);
            plansRun++;
            informative += count > 0 && count < store.stats().patients() ? 1 : 0;
          }
          assertThat(indexed.stats().rebuilt() || indexed.stats().updated() || round == 0).isTrue();
          updates += indexed.stats().updated() ? 1 : 0;
          store.write(data.changes());
        }
      }
    }
    assertThat(informative).as("plans selecting some but not all patients").isGreaterThan(plansRun / 5);
    assertThat(updates).as("rounds answered through an updated index").isEqualTo(6 * 5);
  }

  @Test
  void readsByCodeAndPatientsEqualFilteredFullReadsThroughChanges() {
    RandomFacts data = new RandomFacts(21);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("reads.duckdb"), CLOCK)) {
      store.write(data.initial(40, 300));
      String threads = threads(store);
      for (int round = 0; round < 4; round++) {
        List<String> all = store.patients().map(PatientRecord::pseudonym).toList();
        Set<String> some = new HashSet<>(all.subList(0, all.size() / 2));
        some.add("not-stored");
        assertThat(store.patients(some).toList()).hasSize(all.size() / 2)
            .isEqualTo(store.patients().filter(p -> some.contains(p.pseudonym())).toList());
        for (String system : RandomFacts.SYSTEMS) {
          for (String code : RandomFacts.CODES) {
            Coding coding = new Coding(system, code);
            assertThat(store.facts(coding, some).toList()).as("%s round %d", coding, round)
                .containsExactlyInAnyOrderElementsOf(store.facts()
                    .filter(f -> f.code().equals(coding) && some.contains(f.patient())).toList());
          }
        }
        assertThat(store.facts(new Coding("http://loinc.org", "A01"), some).count()).isPositive();
        assertThat(store.facts(new Coding("http://loinc.org", "A01"), Set.of()).count()).isZero();
        assertThat(threads(store)).as("threads after the reads").isEqualTo(threads);
        store.write(data.changes());
      }
    }
  }

  private static String threads(DuckDbSiteStore store) {
    return StoreConnections.of(store).withConnection(c -> {
      try (var s = c.createStatement(); var rs = s.executeQuery("SELECT current_setting('threads')")) {
        rs.next();
        return rs.getString(1);
      }
    });
  }

  @Test
  void aSmallRowCacheEvictsAndStillCounts() {
    RandomFacts data = new RandomFacts(99);
    RandomPlans plans = new RandomPlans(7);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("small.duckdb"), CLOCK)) {
      store.write(data.initial(30, 400));
      DuckDbFeasibilityExecutor indexed = DuckDbFeasibilityExecutor.of(store, 2_000);
      InMemoryFeasibilityExecutor reference = InMemoryFeasibilityExecutor.of(store);
      for (int q = 0; q < 60; q++) {
        Plan plan = plans.plan();
        assertThat(indexed.count(plan, DATE)).as("%s", plan).isEqualTo(reference.count(plan, DATE));
      }
    }
  }

  @Test
  void theSavedIndexIsReusedOnlyAtTheVersionItWasBuiltAt() {
    Path file = dir.resolve("reopen.duckdb");
    RandomFacts data = new RandomFacts(5);
    Plan anyCondition = new Plan(List.of(List.of(new PatientPredicate.HasFact(new FactPattern(
        java.util.Set.of("Condition"), null, null, null, List.of(), TimeWindow.ALWAYS)))), List.of());
    long before;
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(data.initial(20, 100));
      DuckDbFeasibilityExecutor indexed = DuckDbFeasibilityExecutor.of(store);
      before = indexed.count(anyCondition, DATE);
      assertThat(indexed.stats().rebuilt()).isTrue();
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      DuckDbFeasibilityExecutor indexed = DuckDbFeasibilityExecutor.of(store);
      assertThat(indexed.count(anyCondition, DATE)).isEqualTo(before);
      assertThat(indexed.stats().rebuilt()).isFalse();
      store.write(new WriteBatch(List.of(), List.of(new ResourceKey("Patient", "p0")), Map.of(), List.of()));
      long after = indexed.count(anyCondition, DATE);
      assertThat(indexed.stats().rebuilt()).isFalse();
      assertThat(indexed.stats().updated()).as("updated for the deleted patient").isTrue();
      assertThat(after).isEqualTo(InMemoryFeasibilityExecutor.of(store).count(anyCondition, DATE));
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(file, CLOCK)) {
      store.write(new WriteBatch(List.of(), List.of(new ResourceKey("Patient", "p1")), Map.of(), List.of()));
      DuckDbFeasibilityExecutor fresh = DuckDbFeasibilityExecutor.of(store);
      assertThat(fresh.count(anyCondition, DATE))
          .isEqualTo(InMemoryFeasibilityExecutor.of(store).count(anyCondition, DATE));
      assertThat(fresh.stats().updated()).as("the saved index updated after reopening").isTrue();
    }
  }

  @Test
  void unfilteredCodesComeFromTheBitmapsAndFilteredOnesFromCachedRows() {
    RandomFacts data = new RandomFacts(11);
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("paths.duckdb"), CLOCK)) {
      store.write(data.initial(30, 200));
      DuckDbFeasibilityExecutor indexed = DuckDbFeasibilityExecutor.of(store);
      CodeSet a01 = new CodeSet(java.util.Set.of(), java.util.Set.of(new Coding("http://loinc.org", "A")));
      Plan plain = plan(new FactPattern(java.util.Set.of(), null, a01, null, List.of(), TimeWindow.ALWAYS));
      indexed.count(plain, DATE);
      assertThat(indexed.stats().cachedKeys()).isZero();
      Plan timed = plan(new FactPattern(java.util.Set.of(), null, a01, null, List.of(),
          new TimeWindow(RandomFacts.BASE, null)));
      assertThat(indexed.count(timed, DATE)).isEqualTo(InMemoryFeasibilityExecutor.of(store).count(timed, DATE));
      assertThat(indexed.stats().cachedKeys()).isPositive();
      assertThat(indexed.stats().keys()).isPositive();
    }
  }

  private static Plan plan(FactPattern p) {
    return new Plan(List.of(List.of(new PatientPredicate.HasFact(p))), List.of());
  }
}
