package org.datenraum.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemoryFeasibilityExecutor;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;

/**
 * Cohorts from an executor, read per selection or held in memory, select under both consent
 * policies what the reference cohorts select.
 */
class IndexedCohortsTest {

  private static final LocalDate DATE = LocalDate.of(2025, 6, 1);

  private static final Plan DIABETES = CcdlParser.parse(TestSites.DIABETES_QUERY)
      .flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
  private static final Plan WOMEN = new Plan(List.of(List.of(new PatientPredicate.SexIn(Set.of(Sex.FEMALE)))),
      List.of());
  private static final Plan NOBODY = new Plan(List.of(List.of(new PatientPredicate.SexIn(Set.of()))), List.of());

  @Test
  void selectsTheReferenceCohortUnderEitherConsentPolicy() {
    InMemorySiteStore store = TestSites.site(7, 40, 9, 6);
    Cohorts reference = Cohorts.reference(store);
    for (Cohorts indexed : List.of(Cohorts.indexed(InMemoryFeasibilityExecutor.of(store), store),
        Cohorts.held(InMemoryFeasibilityExecutor.of(store), store))) {
      for (Plan plan : List.of(DIABETES, WOMEN, NOBODY)) {
        for (ConsentPolicy policy : ConsentPolicy.values()) {
          assertThat(indexed.select(plan, DATE, policy)).as("%s %s", policy, plan)
              .containsExactlyInAnyOrderElementsOf(reference.select(plan, DATE, policy));
        }
      }
      assertThat(indexed.select(DIABETES, DATE, ConsentPolicy.EXCLUDE_DENIED)).hasSize(40 - 9);
      assertThat(indexed.select(DIABETES, DATE, ConsentPolicy.REQUIRE_PERMIT)).hasSize(40 - 9 - 6);
      assertThat(indexed.select(NOBODY, DATE, ConsentPolicy.EXCLUDE_DENIED)).isEmpty();
    }
  }

  @Test
  void firstYearsEqualTheReference() {
    InMemorySiteStore store = TestSites.site(8, 30, 0);
    Cohorts reference = Cohorts.reference(store);
    Set<String> everyone = store.patients().map(PatientRecord::pseudonym).collect(Collectors.toSet());
    Set<String> some = everyone.stream().filter(p -> p.hashCode() % 3 == 0).collect(Collectors.toSet());
    for (Cohorts indexed : List.of(Cohorts.indexed(InMemoryFeasibilityExecutor.of(store), store),
        Cohorts.held(InMemoryFeasibilityExecutor.of(store), store))) {
      for (Set<String> patients : List.of(everyone, some, Set.<String>of())) {
        assertThat(indexed.firstYear(patients, TestSites.DIABETES))
            .isEqualTo(reference.firstYear(patients, TestSites.DIABETES));
      }
      assertThat(indexed.firstYear(everyone, TestSites.DIABETES)).hasSize(30);
      assertThat(indexed.firstYear(everyone, new Coding(TestSites.ICD, "E10.9"))).isEmpty();
    }
  }
}
