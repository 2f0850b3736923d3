package org.datenraum.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.datenraum.app.demo.DemoQuestion;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.core.Coding;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.generator.GeneratorConfig;
import org.datenraum.generator.HospitalGenerator;
import org.datenraum.ingest.fhir.IngestReport;
import org.datenraum.node.Cohorts;
import org.datenraum.privacy.BroadConsent;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.TimeWindow;
import org.datenraum.store.duckdb.DuckDbSiteStore;
import org.datenraum.store.duckdb.feasibility.DuckDbFeasibilityExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a generated hospital (with broad consents: some denied, some never asked) loaded through the
 * real ingest, the node's indexed cohorts select the same patients as the reference cohorts under
 * both consent policies, and give the first years that the reference gives for all patients,
 * restricted to the cohort (the year stratum).
 */
class IndexedCohortsIT {

  private static final LocalDate DATE = LocalDate.of(2026, 1, 1);
  private static final Coding DIABETES = new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11.90");
  private static final Coding CREATININE = new Coding("http://loinc.org", "2160-0");

  @TempDir Path tmp;

  @Test
  void indexedCohortsEqualTheReferenceOnAGeneratedSite() throws Exception {
    Path fhir = tmp.resolve("fhir");
    HospitalGenerator.of(GeneratorConfig.of(500, 3, "Klinikum Vergleich", GeneratorConfig.DEFAULT_START, 2,
        List.of()).value()).writeTo(fhir, 2, false, (d, t, r, b) -> { });
    IngestReport report = IngestCommand.load(new SiteDirectory(tmp.resolve("site")).create(), List.of(fhir), true);
    assertThat(report.failed()).isFalse();
    try (DuckDbSiteStore store = new SiteDirectory(tmp.resolve("site")).openStore(Clock.systemUTC())) {
      Cohorts reference = Cohorts.reference(store);
      Cohorts indexed = Cohorts.indexed(DuckDbFeasibilityExecutor.of(store), store);
      Map<Coding, Map<String, Integer>> yearsOfAll = new LinkedHashMap<>();
      Set<String> all = pseudonyms(store.patients().toList());
      for (Coding code : List.of(DIABETES, CREATININE, BroadConsent.RESEARCH_USE)) {
        yearsOfAll.put(code, reference.firstYear(all, code));
      }
      int informative = 0;
      for (Map.Entry<String, Plan> plan : plans().entrySet()) {
        for (ConsentPolicy policy : ConsentPolicy.values()) {
          List<PatientRecord> expected = reference.select(plan.getValue(), DATE, policy);
          List<PatientRecord> got = indexed.select(plan.getValue(), DATE, policy);
          assertThat(got).as("%s under %s", plan.getKey(), policy).containsExactlyInAnyOrderElementsOf(expected);
          informative += got.isEmpty() ? 0 : 1;
          Set<String> ids = pseudonyms(got);
          yearsOfAll.forEach((code, years) -> assertThat(indexed.firstYear(ids, code))
              .as("first years of %s in %s", code, plan.getKey()).isEqualTo(only(years, ids)));
        }
      }
      assertThat(informative).as("non-empty cohorts").isEqualTo(2 * (plans().size() - 1));
      assertConsentMatters(indexed, store.stats().patients());
    }
  }

  /** Both policies leave patients out, the stricter one more: the test sees consent at work. */
  private static void assertConsentMatters(Cohorts cohorts, long patients) {
    int excludeDenied = cohorts.select(everyone(), DATE, ConsentPolicy.EXCLUDE_DENIED).size();
    int requirePermit = cohorts.select(everyone(), DATE, ConsentPolicy.REQUIRE_PERMIT).size();
    assertThat(excludeDenied).isLessThan((int) patients).isGreaterThan(requirePermit);
    assertThat(requirePermit).isBetween((int) (patients * 0.55), (int) (patients * 0.85));
  }

  private static Map<String, Plan> plans() {
    Map<String, Plan> out = new LinkedHashMap<>();
    for (DemoQuestion q : DemoQuestion.all()) {
      out.put(q.file(), QueryCommand.compile(q.ccdl(), Mappings.builtIn()).value());
    }
    Plan diabetes = out.get("diabetes.json");
    List<List<PatientPredicate>> women = List.of(List.of(new PatientPredicate.SexIn(Set.of(Sex.FEMALE))));
    out.put("everyone", everyone());
    out.put("women", new Plan(women, List.of()));
    out.put("any condition", new Plan(List.of(List.of(new PatientPredicate.HasFact(new FactPattern(
        Set.of("Condition"), null, null, null, List.of(), TimeWindow.ALWAYS)))), List.of()));
    out.put("diabetes but not women", new Plan(diabetes.inclusion(), women));
    out.put("nobody", new Plan(List.of(List.of(new PatientPredicate.SexIn(Set.of()))), List.of()));
    return out;
  }

  private static Plan everyone() {
    return new Plan(List.of(), List.of());
  }

  private static Map<String, Integer> only(Map<String, Integer> years, Set<String> patients) {
    Map<String, Integer> out = new HashMap<>(years);
    out.keySet().retainAll(patients);
    return out;
  }

  private static Set<String> pseudonyms(List<PatientRecord> cohort) {
    return cohort.stream().map(PatientRecord::pseudonym).collect(Collectors.toSet());
  }
}
