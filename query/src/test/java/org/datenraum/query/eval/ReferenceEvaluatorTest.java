package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.junit.jupiter.api.Test;

class ReferenceEvaluatorTest {

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final String LOINC = "http://loinc.org";
  private static final String SCT = "http://snomed.info/sct";
  private static final String CONSENT = "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3";
  private static final String PROVISION = "http://hl7.org/fhir/consent-provision-type";
  private static final String REF = "urn:datenraum:reference";
  private static final String DIAGNOSIS_EXTENSION =
      "extension(https://www.medizininformatik-initiative.de/fhir/ext/modul-biobank/StructureDefinition/Diagnose)";
  private static final LocalDate TODAY = LocalDate.of(2024, 6, 15);

  private final List<PatientRecord> patients = new ArrayList<>();
  private final List<Fact> facts = new ArrayList<>();

  private void patient(String id, Sex sex, YearMonth birth) {
    patients.add(new PatientRecord(id, birth, sex, false));
  }

  private void add(Facts f) {
    facts.add(f.fact());
  }

  private Set<String> run(String ccdl) {
    Plan plan = CcdlParser.parse(ccdl).flatMap(CcdlCompiler.of(Mappings.builtIn(), ZoneId.of("Europe/Berlin"))::compile).value();
    return ReferenceEvaluator.of(patients, facts).matching(plan, TODAY);
  }

  private static String crit(String context, String system, String code, String extra) {
    return "{\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"" + context + "\"}, \"termCodes\": [{\"system\": \""
        + system + "\", \"code\": \"" + code + "\"}]" + (extra.isEmpty() ? "" : ", " + extra) + "}";
  }

  private static String query(String inclusion, String exclusion) {
    return "{\"version\": \"2\", \"inclusionCriteria\": " + inclusion
        + (exclusion.isEmpty() ? "" : ", \"exclusionCriteria\": " + exclusion) + "}";
  }

  @Test
  void inclusionIsAndOfOrsAndExclusionIsOrOfAnds() {
    for (String p : List.of("p1", "p2", "p3", "p4")) {
      patient(p, Sex.FEMALE, YearMonth.of(1980, 1));
    }
    add(Facts.of("p1", "Condition", "c1", ICD, "E11.9"));
    add(Facts.of("p1", "Condition", "c2", ICD, "I10"));
    add(Facts.of("p2", "Condition", "c3", ICD, "E10.1"));
    add(Facts.of("p2", "Condition", "c4", ICD, "I10"));
    add(Facts.of("p2", "Condition", "c5", ICD, "J45"));
    add(Facts.of("p3", "Condition", "c6", ICD, "E11"));
    add(Facts.of("p4", "Condition", "c7", ICD, "I10"));
    add(Facts.of("p4", "Condition", "c8", ICD, "E10"));
    add(Facts.of("p4", "Condition", "c9", ICD, "J45"));
    add(Facts.of("p4", "Condition", "c10", ICD, "K35"));

    String diabetes = "[" + crit("Diagnose", ICD, "E11", "") + ", " + crit("Diagnose", ICD, "E10", "") + "]";
    String hypertension = "[" + crit("Diagnose", ICD, "I10", "") + "]";
    String asthmaAndAppendicitis = "[" + crit("Diagnose", ICD, "J45", "") + ", " + crit("Diagnose", ICD, "K35", "") + "]";

    assertThat(run(query("[" + diabetes + ", " + hypertension + "]", ""))).containsExactly("p1", "p2", "p4");
    assertThat(run(query("[" + diabetes + ", " + hypertension + "]", "[" + asthmaAndAppendicitis + "]")))
        .containsExactly("p1", "p2");
    assertThat(run(query("[" + diabetes + "]", "[" + hypertension + ", " + asthmaAndAppendicitis + "]")))
        .containsExactly("p3");
  }

  @Test
  void quantityFiltersConvertUnitsAndSkipIncompatibleOnes() {
    for (String p : List.of("a", "b", "c", "d")) {
      patient(p, Sex.MALE, YearMonth.of(1970, 5));
    }
    add(Facts.of("a", "Observation", "o1", LOINC, "718-7").quantity(13.5, "g/dL"));
    add(Facts.of("b", "Observation", "o2", LOINC, "718-7").quantity(110, "g/L"));
    add(Facts.of("c", "Observation", "o3", LOINC, "718-7").quantity(8.0, "mmol/L"));
    add(Facts.of("d", "Observation", "o4", LOINC, "718-7").quantity(12.0, "g/dL"));

    String gt = crit("Laboruntersuchung", LOINC, "718-7",
        "\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"gt\", \"value\": 120, \"unit\": {\"code\": \"g/L\"}}");
    String range = crit("Laboruntersuchung", LOINC, "718-7",
        "\"valueFilter\": {\"type\": \"quantity-range\", \"minValue\": 11, \"maxValue\": 12, \"unit\": {\"code\": \"g/dL\"}}");
    String ne = crit("Laboruntersuchung", LOINC, "718-7",
        "\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"ne\", \"value\": 12}");

    assertThat(run(query("[[" + gt + "]]", ""))).containsExactly("a");
    assertThat(run(query("[[" + range + "]]", ""))).containsExactly("b", "d");
    assertThat(run(query("[[" + ne + "]]", ""))).containsExactly("a", "b", "c");
  }

  @Test
  void timeRestrictionsMatchOverlappingIntervals() {
    for (String p : List.of("before", "inside", "spanning", "after", "open", "untimed")) {
      patient(p, Sex.FEMALE, YearMonth.of(1990, 2));
    }
    add(Facts.of("before", "Encounter", "e1", "v3", "IMP").at("2024-01-31T22:59:59Z").until("2024-01-31T22:59:59Z"));
    add(Facts.of("inside", "Encounter", "e2", "v3", "IMP").at("2024-02-10T08:00:00Z"));
    add(Facts.of("spanning", "Encounter", "e3", "v3", "IMP").at("2024-01-20T08:00:00Z").until("2024-03-02T08:00:00Z"));
    add(Facts.of("after", "Encounter", "e4", "v3", "IMP").at("2024-02-29T23:00:00Z"));
    add(Facts.of("open", "Encounter", "e5", "v3", "IMP").at("2024-02-29T22:59:00Z"));
    add(Facts.of("untimed", "Encounter", "e6", "v3", "IMP"));

    String february = crit("Fall", "v3", "IMP", "\"timeRestriction\": {\"afterDate\": \"2024-02-01\", \"beforeDate\": \"2024-02-29\"}");
    String fromMarch = crit("Fall", "v3", "IMP", "\"timeRestriction\": {\"afterDate\": \"2024-03-01\"}");

    assertThat(run(query("[[" + february + "]]", ""))).containsExactly("inside", "open", "spanning");
    assertThat(run(query("[[" + fromMarch + "]]", ""))).containsExactly("after", "spanning");
  }

  @Test
  void attributeAndReferenceFilters() {
    for (String p : List.of("s1", "s2", "s3")) {
      patient(p, Sex.FEMALE, YearMonth.of(1960, 7));
    }
    add(Facts.of("s1", "Condition", "d1", ICD, "C50.1").attribute("verificationStatus", "vs", "confirmed"));
    add(Facts.of("s1", "Specimen", "sp1", SCT, "119364003").attribute(DIAGNOSIS_EXTENSION, REF, "Condition/d1")
        .attribute("collection.bodySite", "urn:oid:2.16.840.1.113883.6.43.1", "C50.1"));
    add(Facts.of("s2", "Condition", "d2", ICD, "C50.1").attribute("verificationStatus", "vs", "refuted"));
    add(Facts.of("s2", "Specimen", "sp2", SCT, "119364003").attribute(DIAGNOSIS_EXTENSION, REF, "Condition/d2"));
    add(Facts.of("s3", "Condition", "d3", ICD, "E11"));
    add(Facts.of("s3", "Specimen", "sp3", SCT, "119364003").attribute(DIAGNOSIS_EXTENSION, REF, "Condition/d3"));

    String diagnosis = crit("Diagnose", ICD, "C50", "");
    String confirmed = crit("Diagnose", ICD, "C50", "\"attributeFilters\": [{\"type\": \"concept\", \"attributeCode\": "
        + "{\"system\": \"x\", \"code\": \"verificationStatus\"}, \"selectedConcepts\": [{\"system\": \"vs\", \"code\": \"confirmed\"}]}]");
    String ref = "{\"type\": \"reference\", \"attributeCode\": {\"system\": \"x\", \"code\": \"festgestellteDiagnose\"}, \"criteria\": [%s]}";
    String site = "{\"type\": \"concept\", \"attributeCode\": {\"system\": \"x\", \"code\": \"icd-o-3\"}, "
        + "\"selectedConcepts\": [{\"system\": \"urn:oid:2.16.840.1.113883.6.43.1\", \"code\": \"C50\"}]}";

    assertThat(run(query("[[" + confirmed + "]]", ""))).containsExactly("s1");
    assertThat(run(query("[[" + crit("Specimen", SCT, "119364003", "\"attributeFilters\": [" + String.format(ref, diagnosis) + "]") + "]]", "")))
        .containsExactly("s1", "s2");
    assertThat(run(query("[[" + crit("Specimen", SCT, "119364003", "\"attributeFilters\": [" + String.format(ref, confirmed) + "]") + "]]", "")))
        .containsExactly("s1");
    assertThat(run(query("[[" + crit("Specimen", SCT, "119364003", "\"attributeFilters\": [" + site + "]") + "]]", "")))
        .containsExactly("s1");
  }

  @Test
  void consentCountsPermittedProvisionsOnly() {
    for (String p : List.of("permit", "deny", "both", "partial")) {
      patient(p, Sex.OTHER, YearMonth.of(2000, 1));
    }
    String mdat = "2.16.840.1.113883.3.1937.777.24.5.3.8";
    String retro = "2.16.840.1.113883.3.1937.777.24.5.3.46";
    add(Facts.of("permit", "Consent", "k1", CONSENT, mdat).coded(PROVISION, "permit"));
    add(Facts.of("deny", "Consent", "k2", CONSENT, mdat).coded(PROVISION, "deny"));
    add(Facts.of("both", "Consent", "k3", CONSENT, mdat).coded(PROVISION, "permit"));
    add(Facts.of("both", "Consent", "k3", CONSENT, retro).coded(PROVISION, "permit"));
    add(Facts.of("partial", "Consent", "k4", CONSENT, mdat).coded(PROVISION, "permit"));
    add(Facts.of("partial", "Consent", "k4", CONSENT, retro).coded(PROVISION, "deny"));

    assertThat(run(query("[[" + crit("Einwilligung", CONSENT, mdat, "") + "]]", "")))
        .containsExactly("both", "partial", "permit");
    assertThat(run(query("[[" + crit("Einwilligung", "fdpg.consent.combined", "yes-yes-no-no", "") + "]]", "")))
        .containsExactly("both");
  }

  @Test
  void ageAndGenderComeFromThePatientRecord() {
    patient("turns18today", Sex.FEMALE, YearMonth.of(2006, 6));
    patient("turns18nextMonth", Sex.FEMALE, YearMonth.of(2006, 7));
    patient("old", Sex.MALE, YearMonth.of(1940, 1));
    patient("unknownBirth", Sex.FEMALE, null);

    String adult = crit("Patient", LOINC, "30525-0",
        "\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"ge\", \"value\": 18, \"unit\": {\"code\": \"a\"}}");
    String exactly17 = crit("Patient", SCT, "424144002",
        "\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"eq\", \"value\": 17, \"unit\": {\"code\": \"a\"}}");
    String female = crit("Patient", SCT, "263495000",
        "\"valueFilter\": {\"type\": \"concept\", \"selectedConcepts\": [{\"system\": \"http://hl7.org/fhir/administrative-gender\", \"code\": \"female\"}]}");
    String months = crit("Patient", LOINC, "30525-0",
        "\"valueFilter\": {\"type\": \"quantity-range\", \"minValue\": 215, \"maxValue\": 216, \"unit\": {\"code\": \"mo\"}}");

    assertThat(run(query("[[" + adult + "]]", ""))).containsExactly("old", "turns18today");
    assertThat(run(query("[[" + exactly17 + "]]", ""))).containsExactly("turns18nextMonth");
    assertThat(run(query("[[" + female + "]]", "[[" + adult + "]]"))).containsExactly("turns18nextMonth", "unknownBirth");
    assertThat(run(query("[[" + months + "]]", ""))).containsExactly("turns18nextMonth", "turns18today");
  }

  @Test
  void componentsOfAnObservationAreMatchedWithinTheSameResource() {
    patient("high", Sex.MALE, YearMonth.of(1950, 3));
    patient("low", Sex.MALE, YearMonth.of(1950, 3));
    add(Facts.of("high", "Observation", "bp1", LOINC, "85354-9"));
    add(Facts.of("high", "Observation", "bp1", LOINC, "8480-6").quantity(160, "mm[Hg]"));
    add(Facts.of("low", "Observation", "bp2", LOINC, "85354-9"));
    add(Facts.of("low", "Observation", "bp2", LOINC, "8480-6").quantity(110, "mm[Hg]"));
    add(Facts.of("low", "Observation", "bp3", LOINC, "8480-6").quantity(170, "mm[Hg]"));

    String systolicAbove140 = crit("Vitaldaten", LOINC, "85354-9", "\"attributeFilters\": [{\"type\": \"quantity-comparator\","
        + " \"attributeCode\": {\"system\": \"http://loinc.org\", \"code\": \"8480-6\"}, \"comparator\": \"gt\", \"value\": 140,"
        + " \"unit\": {\"code\": \"mmHg\"}}]");

    assertThat(run(query("[[" + systolicAbove140 + "]]", ""))).containsExactly("high");
  }

  @Test
  void factsOfUnknownPatientsAreIgnored() {
    patient("known", Sex.FEMALE, YearMonth.of(1999, 9));
    add(Facts.of("ghost", "Condition", "x", ICD, "I10"));
    add(Facts.of("known", "Condition", "y", ICD, "I10"));

    assertThat(run(query("[[" + crit("Diagnose", ICD, "I10", "") + "]]", ""))).containsExactly("known");
  }
}
