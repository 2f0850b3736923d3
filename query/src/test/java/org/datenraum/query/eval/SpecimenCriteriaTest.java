package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.junit.jupiter.api.Test;

/** Specimen criteria: type, remaining quantity in UCUM, storage temperature, time relative to a diagnosis. */
class SpecimenCriteriaTest {

  static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  static final String SCT = "http://snomed.info/sct";
  static final String TEMPERATURE = "https://fhir.bbmri.de/CodeSystem/StorageTemperature";

  /** E11 and a serum sample collected within 30 days of the diagnosis, at least 1 ml remaining. */
  static final String E11_SERUM = "{\"version\": \"2\", \"inclusionCriteria\": [["
      + "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Diagnose\"}, \"termCodes\": [{\"system\": \"" + ICD
      + "\", \"code\": \"E11\"}]}], [{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Specimen\"},"
      + " \"termCodes\": [{\"system\": \"" + SCT + "\", \"code\": \"119364003\"}],"
      + " \"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"ge\", \"value\": 1, \"unit\": {\"code\": \"mL\"}},"
      + " \"timeRelation\": {\"minDays\": -30, \"maxDays\": 30, \"criteria\": [{\"context\": {\"system\": \"fdpg.mii.cds\","
      + " \"code\": \"Diagnose\"}, \"termCodes\": [{\"system\": \"" + ICD + "\", \"code\": \"E11\"}]}]}}]]}";

  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();

  /** Patients and facts whose answer to {@link #E11_SERUM} is worked out by hand per patient. */
  static List<Fact> scenario(List<PatientRecord> patients) {
    List<Fact> f = new ArrayList<>();
    for (String p : List.of("yes", "yes-ul", "late", "early", "little", "plasma", "other-dx", "edge", "no-time")) {
      patients.add(new PatientRecord(p, YearMonth.of(1960, 1), Sex.FEMALE, false));
    }
    // matches: 2 ml serum 10 days after E11.90
    f.add(Facts.of("yes", "Condition", "c1", ICD, "E11.90").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("yes", "Specimen", "s1", SCT, "119364003").at("2024-03-11T08:00:00Z").quantity(2, "mL").fact());
    // matches: 1500 uL is 1.5 mL, 20 days before the diagnosis
    f.add(Facts.of("yes-ul", "Condition", "c2", ICD, "E11.9").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("yes-ul", "Specimen", "s2", SCT, "119364003").at("2024-02-10T10:00:00Z").quantity(1500, "uL").fact());
    // 31 days after: too late
    f.add(Facts.of("late", "Condition", "c3", ICD, "E11").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("late", "Specimen", "s3", SCT, "119364003").at("2024-04-01T10:00:01Z").quantity(5, "mL").fact());
    // 31 days before: too early
    f.add(Facts.of("early", "Condition", "c4", ICD, "E11").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("early", "Specimen", "s4", SCT, "119364003").at("2024-01-30T09:59:59Z").quantity(5, "mL").fact());
    // 0.5 ml left
    f.add(Facts.of("little", "Condition", "c5", ICD, "E11").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("little", "Specimen", "s5", SCT, "119364003").at("2024-03-02T10:00:00Z").quantity(500, "uL").fact());
    // plasma, not serum
    f.add(Facts.of("plasma", "Condition", "c6", ICD, "E11").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("plasma", "Specimen", "s6", SCT, "119361006").at("2024-03-02T10:00:00Z").quantity(5, "mL").fact());
    // serum near an I10, E11 years later
    f.add(Facts.of("other-dx", "Condition", "c7", ICD, "I10").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("other-dx", "Condition", "c8", ICD, "E11").at("2021-03-01T10:00:00Z").fact());
    f.add(Facts.of("other-dx", "Specimen", "s7", SCT, "119364003").at("2024-03-02T10:00:00Z").quantity(5, "mL").fact());
    // exactly 30 days after: within
    f.add(Facts.of("edge", "Condition", "c9", ICD, "E11").at("2024-03-01T10:00:00Z").fact());
    f.add(Facts.of("edge", "Specimen", "s9", SCT, "119364003").at("2024-03-31T10:00:00Z").quantity(1, "mL").fact());
    // a diagnosis without a time relates to nothing
    f.add(Facts.of("no-time", "Condition", "c10", ICD, "E11").fact());
    f.add(Facts.of("no-time", "Specimen", "s10", SCT, "119364003").at("2024-03-31T10:00:00Z").quantity(1, "mL").fact());
    return f;
  }

  static Plan plan(String ccdl) {
    return CcdlParser.parse(ccdl).flatMap(CcdlCompiler.of(Mappings.builtIn(), ZoneOffset.UTC)::compile).value();
  }

  @Test
  void e11WithSerumWithin30DaysAndAtLeastOneMillilitre() {
    facts.addAll(scenario(patients));
    Set<String> cohort = ReferenceEvaluator.of(patients, facts).matching(plan(E11_SERUM), LocalDate.of(2025, 1, 1));
    assertThat(cohort).containsExactlyInAnyOrder("yes", "yes-ul", "edge");
  }

  @Test
  void onlyAfterTheDiagnosisWhenMinDaysIsZero() {
    facts.addAll(scenario(patients));
    String after = E11_SERUM.replace("\"minDays\": -30", "\"minDays\": 0");
    Set<String> cohort = ReferenceEvaluator.of(patients, facts).matching(plan(after), LocalDate.of(2025, 1, 1));
    assertThat(cohort).containsExactlyInAnyOrder("yes", "edge");
  }

  @Test
  void storageTemperatureIsAnAttributeFilter() {
    patients.add(new PatientRecord("cold", YearMonth.of(1960, 1), Sex.MALE, false));
    patients.add(new PatientRecord("warm", YearMonth.of(1960, 1), Sex.MALE, false));
    facts.add(Facts.of("cold", "Specimen", "a", SCT, "119364003")
        .attribute("storageTemperature", TEMPERATURE, "temperature-60to-85").fact());
    facts.add(Facts.of("warm", "Specimen", "b", SCT, "119364003")
        .attribute("storageTemperature", TEMPERATURE, "temperature2to10").fact());
    String q = "{\"version\": \"2\", \"inclusionCriteria\": [[{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": "
        + "\"Specimen\"}, \"termCodes\": [{\"system\": \"" + SCT + "\", \"code\": \"119364003\"}], \"attributeFilters\": "
        + "[{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\": \"storageTemperature\"}, "
        + "\"selectedConcepts\": [{\"system\": \"" + TEMPERATURE + "\", \"code\": \"temperature-60to-85\"}]}]}]]}";
    assertThat(ReferenceEvaluator.of(patients, facts).matching(plan(q), LocalDate.of(2025, 1, 1)))
        .containsExactly("cold");
  }

  @Test
  void aSampleCollectedWithinDaysOfAStudyVisit() {
    String visits = "https://example.org/CodeSystem/cohort-visit";
    for (String p : List.of("at-visit", "late", "other-visit", "no-visit")) {
      patients.add(new PatientRecord(p, YearMonth.of(1970, 1), Sex.FEMALE, false));
    }
    // 1 hour after the month-3 visit: within; 3 days after: not within 1 day
    facts.add(Facts.of("at-visit", "Encounter", "e1", visits, "month-3").at("2025-04-01T09:00:00Z").fact());
    facts.add(Facts.of("at-visit", "Specimen", "s1", SCT, "119364003").at("2025-04-01T10:00:00Z").fact());
    facts.add(Facts.of("late", "Encounter", "e2", visits, "month-3").at("2025-04-01T09:00:00Z").fact());
    facts.add(Facts.of("late", "Specimen", "s2", SCT, "119364003").at("2025-04-04T09:00:00Z").fact());
    facts.add(Facts.of("other-visit", "Encounter", "e3", visits, "baseline").at("2025-01-01T09:00:00Z").fact());
    facts.add(Facts.of("other-visit", "Specimen", "s3", SCT, "119364003").at("2025-01-01T10:00:00Z").fact());
    facts.add(Facts.of("no-visit", "Specimen", "s4", SCT, "119364003").at("2025-04-01T10:00:00Z").fact());
    String q = "{\"version\": \"2\", \"inclusionCriteria\": [[{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\":"
        + " \"Specimen\"}, \"termCodes\": [{\"system\": \"" + SCT + "\", \"code\": \"119364003\"}], \"timeRelation\":"
        + " {\"minDays\": -1, \"maxDays\": 1, \"criteria\": [{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\":"
        + " \"Fall\"}, \"termCodes\": [{\"system\": \"" + visits + "\", \"code\": \"month-3\"}]}]}}]]}";
    assertThat(ReferenceEvaluator.of(patients, facts).matching(plan(q), LocalDate.of(2025, 6, 1)))
        .containsExactly("at-visit");
  }

  @Test
  void productsAreCriteriaByCodeQuantityStorageAndAdditive() {
    String category = "http://hl7.org/fhir/product-category";
    for (String p : List.of("frozen-edta", "frozen-few", "warm", "specimen-only")) {
      patients.add(new PatientRecord(p, YearMonth.of(1960, 1), Sex.MALE, false));
    }
    facts.add(Facts.of("frozen-edta", "BiologicallyDerivedProduct", "a", category, "cells").quantity(4, "1")
        .attribute("storageTemperature", TEMPERATURE, "temperatureLN")
        .attribute("processing.additive", SCT, "69519002").fact());
    facts.add(Facts.of("frozen-few", "BiologicallyDerivedProduct", "b", category, "cells").quantity(1, "1")
        .attribute("storageTemperature", TEMPERATURE, "temperatureLN").fact());
    facts.add(Facts.of("warm", "BiologicallyDerivedProduct", "c", category, "cells").quantity(9, "1")
        .attribute("storageTemperature", TEMPERATURE, "temperature2to10").fact());
    facts.add(Facts.of("specimen-only", "Specimen", "d", category, "cells")
        .attribute("storageTemperature", TEMPERATURE, "temperatureLN").fact());
    String product = "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"BiologicallyDerivedProduct\"},"
        + " \"termCodes\": [{\"system\": \"" + category + "\", \"code\": \"cells\"}]%s}";
    String frozen = ", \"attributeFilters\": [{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\":"
        + " \"storageTemperature\"}, \"selectedConcepts\": [{\"system\": \"" + TEMPERATURE + "\", \"code\": \"temperatureLN\"}]}]";
    String atLeast2 = ", \"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"ge\", \"value\": 2,"
        + " \"unit\": {\"code\": \"1\"}}";
    String edta = ", \"attributeFilters\": [{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\":"
        + " \"additive\"}, \"selectedConcepts\": [{\"system\": \"" + SCT + "\", \"code\": \"69519002\"}]}]";
    ReferenceEvaluator eval = ReferenceEvaluator.of(patients, facts);
    LocalDate day = LocalDate.of(2025, 1, 1);
    java.util.function.Function<String, Set<String>> ask = more -> eval.matching(
        plan("{\"version\": \"2\", \"inclusionCriteria\": [[" + String.format(product, more) + "]]}"), day);
    assertThat(ask.apply("")).containsExactlyInAnyOrder("frozen-edta", "frozen-few", "warm");
    assertThat(ask.apply(frozen)).containsExactlyInAnyOrder("frozen-edta", "frozen-few");
    assertThat(ask.apply(atLeast2)).containsExactlyInAnyOrder("frozen-edta", "warm");
    assertThat(ask.apply(edta)).containsExactly("frozen-edta");
  }

  @Test
  void badTimeRelationsAreRefusedWithTheirPlace() {
    Result<?> noBounds = CcdlParser.parse(E11_SERUM.replace("\"minDays\": -30, \"maxDays\": 30, ", ""));
    Result<?> swapped = CcdlParser.parse(E11_SERUM.replace("\"minDays\": -30", "\"minDays\": 40"));
    String nested = E11_SERUM.replace("\"code\": \"E11\"}]}]}}]]}",
        "\"code\": \"E11\"}], \"timeRelation\": {\"maxDays\": 1, \"criteria\": [{\"context\": {\"system\": \"s\","
            + " \"code\": \"Diagnose\"}, \"termCodes\": [{\"system\": \"s\", \"code\": \"x\"}]}]}}]}}]]}");
    Result<?> inner = CcdlParser.parse(nested);
    assertThat(List.of(noBounds, swapped, inner)).extracting(r -> r.problem().code())
        .containsExactly("DR-7411", "DR-7412", "DR-7410");
    Problem p = swapped.problem();
    assertThat(p.message()).contains("$.inclusionCriteria[1][0].timeRelation").contains("swap");
  }

  @Test
  void questionnaireAnswersAreCriteriaByLinkIdWithValueFilters() {
    String visit = "https://example.org/Questionnaire/visit";
    for (String p : List.of("smoker", "non-smoker", "heavy")) {
      patients.add(new PatientRecord(p, YearMonth.of(1970, 1), Sex.FEMALE, false));
    }
    facts.add(Facts.of("smoker", "QuestionnaireResponse", "r1", visit, "smoking").coded("http://loinc.org", "LA33-6").fact());
    facts.add(Facts.of("smoker", "QuestionnaireResponse", "r1", visit, "packYears").quantity(5, null).fact());
    facts.add(Facts.of("non-smoker", "QuestionnaireResponse", "r2", visit, "smoking").coded("http://loinc.org", "LA32-8").fact());
    facts.add(Facts.of("heavy", "QuestionnaireResponse", "r3", visit, "smoking").coded("http://loinc.org", "LA33-6").fact());
    facts.add(Facts.of("heavy", "QuestionnaireResponse", "r3", visit, "packYears").quantity(30, null).fact());
    String crit = "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Fragebogen\"}, \"termCodes\": [{\"system\": \""
        + visit + "\", \"code\": \"%s\"}], \"valueFilter\": %s}";
    String yes = String.format(crit, "smoking", "{\"type\": \"concept\", \"selectedConcepts\": [{\"system\": "
        + "\"http://loinc.org\", \"code\": \"LA33-6\"}]}");
    String many = String.format(crit, "packYears", "{\"type\": \"quantity-comparator\", \"comparator\": \"gt\", \"value\": 20}");
    ReferenceEvaluator eval = ReferenceEvaluator.of(patients, facts);
    LocalDate day = LocalDate.of(2025, 1, 1);
    assertThat(eval.matching(plan("{\"version\": \"2\", \"inclusionCriteria\": [[" + yes + "]]}"), day))
        .containsExactlyInAnyOrder("smoker", "heavy");
    assertThat(eval.matching(plan("{\"version\": \"2\", \"inclusionCriteria\": [[" + yes + "], [" + many + "]]}"), day))
        .containsExactly("heavy");
  }

  @Test
  void studyParticipationAndArmAreCriteria() {
    String studies = "https://example.org/studies";
    for (String p : List.of("in-a", "in-b", "out")) {
      patients.add(new PatientRecord(p, YearMonth.of(1970, 1), Sex.MALE, false));
    }
    facts.add(Facts.of("in-a", "ResearchSubject", "r1", studies, "NAPKON-HAP")
        .attribute("assignedArm", "urn:datenraum:study-arm", "hospitalised").fact());
    facts.add(Facts.of("in-b", "ResearchSubject", "r2", studies, "NAPKON-HAP")
        .attribute("assignedArm", "urn:datenraum:study-arm", "outpatient").fact());
    facts.add(Facts.of("out", "ResearchSubject", "r3", studies, "OTHER").fact());
    String study = "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Studie\"}, \"termCodes\": [{\"system\": \""
        + studies + "\", \"code\": \"NAPKON-HAP\"}]%s}";
    String arm = ", \"attributeFilters\": [{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\": \"arm\"},"
        + " \"selectedConcepts\": [{\"system\": \"urn:datenraum:study-arm\", \"code\": \"hospitalised\"}]}]";
    ReferenceEvaluator eval = ReferenceEvaluator.of(patients, facts);
    LocalDate day = LocalDate.of(2025, 1, 1);
    assertThat(eval.matching(plan("{\"version\": \"2\", \"inclusionCriteria\": [[" + String.format(study, "") + "]]}"), day))
        .containsExactlyInAnyOrder("in-a", "in-b");
    assertThat(eval.matching(plan("{\"version\": \"2\", \"inclusionCriteria\": [[" + String.format(study, arm) + "]]}"), day))
        .containsExactly("in-a");
  }
}
