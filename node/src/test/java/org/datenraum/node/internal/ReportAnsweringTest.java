package org.datenraum.node.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.node.Cohorts;
import org.datenraum.node.InventoryReport;
import org.datenraum.node.SiteReport;
import org.datenraum.node.SiteReports;
import org.datenraum.privacy.CellKey;
import org.datenraum.privacy.ConsentPolicy;
import org.datenraum.privacy.DisclosureControl;
import org.datenraum.privacy.DisclosurePolicy;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;

class ReportAnsweringTest {

  private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
  private static final Coding DIABETES = new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E11.9");
  private static final Coding SERUM = new Coding("http://snomed.info/sct", "119364003");

  @Test
  void everyCellOfTheReportIsAnsweredUnderDisclosureControl() {
    SiteResult answer = answer(report(ReportQuery.of("inventory"))).value();

    assertThat(answer.strata()).containsOnlyKeys("resourceType");
    assertThat(answer.strata().get("resourceType")).containsOnlyKeys(InventoryReport.TYPES);
    assertThat(answer.total().isSuppressed()).isFalse();
    assertThat(answer.total().value()).isBetween(20L, 50L);
    assertThat(answer.strata().get("resourceType").get("Condition").value()).isBetween(10L, 40L);
    assertThat(answer.strata().get("resourceType").get("Specimen").isSuppressed()).as("3 patients").isTrue();
    assertThat(answer.strata().get("resourceType").get("Observation").isSuppressed()).as("none").isTrue();
  }

  @Test
  void anUnknownReportOrParameterIsTheSitesAnswerNotACrash() {
    Result<SiteResult> unknown = answer(report(ReportQuery.of("emergency")));
    assertThat(unknown.problem().code()).isEqualTo("DR-5650");
    Result<SiteResult> parameter = answer(report(new ReportQuery("inventory",
        Map.of("month", "2025-05"))));
    assertThat(parameter.problem().code()).isEqualTo("DR-5652");
  }

  private static Result<SiteResult> answer(RequestDocument d) {
    InMemorySiteStore store = store();
    Cohorts withReports = new Cohorts() {
      @Override
      public List<PatientRecord> select(Plan plan, java.time.LocalDate queryDate, ConsentPolicy consent) {
        return Cohorts.reference(store).select(plan, queryDate, consent);
      }

      @Override
      public Map<String, Integer> firstYear(java.util.Set<String> patients, Coding code) {
        return Cohorts.reference(store).firstYear(patients, code);
      }

      @Override
      public SiteReports reports() {
        return SiteReport.all(List.of(new InventoryReport(store)));
      }
    };
    Answering answering = new Answering(withReports, Mappings.builtIn(),
        DisclosureControl.of(DisclosurePolicy.defaults(), CellKey.of(new byte[32])), ConsentPolicy.EXCLUDE_DENIED,
        Clock.fixed(NOW, ZoneOffset.UTC));
    return answering.prepare(d).flatMap(p -> answering.answer(d, p));
  }

  /** 30 patients, 25 with a diabetes Condition, 3 with a serum Specimen. */
  private static InMemorySiteStore store() {
    InMemorySiteStore store = new InMemorySiteStore();
    List<ResourceRecord> records = new ArrayList<>();
    Instant at = Instant.parse("2023-04-01T00:00:00Z");
    for (int i = 0; i < 30; i++) {
      String p = "p" + i;
      records.add(new ResourceRecord(new ResourceKey("Patient", p), p, null, List.of(), "{}",
          new PatientRecord(p, YearMonth.of(1955, 3), Sex.FEMALE, false), List.of()));
      if (i < 25) {
        records.add(record("Condition", "c" + i, p, DIABETES, at));
      }
      if (i < 3) {
        records.add(record("Specimen", "s" + i, p, SERUM, at));
      }
    }
    store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
    return store;
  }

  private static ResourceRecord record(String type, String id, String patient, Coding code, Instant at) {
    return new ResourceRecord(new ResourceKey(type, id), patient, null, List.of(new Fact(patient, null, type, id, code,
        at, at, null, null, List.of())), "{}", null, List.of());
  }

  private static RequestDocument report(ReportQuery q) {
    return new RequestDocument("r1", "alice", RequestType.REPORT, q.toQuery(), List.of(), null, NOW, NOW.plusSeconds(60));
  }
}
