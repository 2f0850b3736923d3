package org.datenraum.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.datenraum.core.Coding;
import org.datenraum.core.Result;
import org.datenraum.core.Sex;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.mapping.TermCodeMapping;
import org.datenraum.query.plan.FactPattern;
import org.datenraum.query.plan.FactTest;
import org.datenraum.query.plan.PatientPredicate;
import org.datenraum.query.plan.Plan;
import org.datenraum.query.plan.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CcdlCompilerTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final CcdlCompiler BUILT_IN = CcdlCompiler.of(Mappings.builtIn(), BERLIN);

  static Stream<Path> queries() {
    return TestData.ccdlQueries().stream().filter(p -> !p.getFileName().toString().startsWith("backend-2021"));
  }

  private static Plan compile(CcdlCompiler compiler, String file) {
    Result<Plan> plan = CcdlParser.parse(TestData.read(TestData.ccdl(file))).flatMap(compiler::compile);
    assertThat(plan.isOk()).as(() -> file + ": " + (plan.isOk() ? "" : plan.problem().text())).isTrue();
    return plan.value();
  }

  @ParameterizedTest
  @MethodSource("queries")
  void theBuiltInMappingCompilesEverySharedQuery(Path file) {
    compile(BUILT_IN, TestData.ccdl("").relativize(file).toString());
  }

  @Test
  void timeRestrictionsBecomeWholeDaysInTheSiteZone() {
    Plan plan = compile(BUILT_IN, "sq2cql/returningOnePatient/ObservationLab-TimeRestriction.json");

    FactPattern lab = ((PatientPredicate.HasFact) plan.inclusion().get(0).get(0)).pattern();
    assertThat(lab.resourceTypes()).containsExactly("Observation");
    assertThat(lab.codes().contains(new Coding("http://loinc.org", "800-3"))).isTrue();
    assertThat(lab.window()).isEqualTo(new TimeWindow(
        Instant.parse("2004-07-23T22:00:00Z"), Instant.parse("2004-07-24T22:00:00Z")));
  }

  @Test
  void specimenDiagnosisBecomesAReferenceToConditionFacts() {
    Plan plan = compile(BUILT_IN, "sq2cql/SpecimenSQTwoReferenceCriteria.json");

    FactPattern specimen = ((PatientPredicate.HasFact) plan.inclusion().get(0).get(0)).pattern();
    FactTest.References refs = (FactTest.References) specimen.tests().get(0);
    assertThat(refs.targets()).hasSize(2).allSatisfy(t -> assertThat(t.resourceTypes()).containsExactly("Condition"));
    assertThat(refs.targets().get(1).codes().contains(
        new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E13.1"))).isTrue();
  }

  @Test
  void genderAndAgeReadThePatientRecord() {
    Plan plan = compile(BUILT_IN, "spec/ccdl-all-properties.json");

    assertThat(plan.inclusion().get(0).get(0)).isEqualTo(new PatientPredicate.SexIn(java.util.Set.of(Sex.FEMALE, Sex.MALE)));
    assertThat(plan.inclusion().get(1).get(0)).isInstanceOf(PatientPredicate.AgeIs.class);
    assertThat(plan.exclusion().get(1).get(0)).isInstanceOf(PatientPredicate.AgeIs.class);
  }

  @Test
  void flareQueryCompilesWithTheFlareMapping() {
    TermCodeMapping flare = Mappings.fromReferenceJson(
        TestData.read(TestData.ccdl("flare/flare-synthea-mapping_fhir.json")),
        TestData.read(TestData.ccdl("flare/flare-synthea-mapping_tree.json"))).value();

    Plan plan = compile(CcdlCompiler.of(flare, BERLIN), "flare/flare-loadtest-condition-query-intersection-top-10.json");

    assertThat(plan.inclusion()).hasSize(10);
  }

  @Test
  void unknownCodesNameTheirPathAndTheFix() {
    TermCodeMapping flare = Mappings.fromReferenceJson(
        TestData.read(TestData.ccdl("flare/flare-synthea-mapping_fhir.json")), null).value();

    Result<Plan> plan = CcdlParser.parse(TestData.read(TestData.ccdl("sq2cql/consent.json")))
        .flatMap(CcdlCompiler.of(flare, BERLIN)::compile);

    assertThat(plan.problem().text()).isEqualTo(
        "DR-2020 No mapping for `urn:oid:2.16.840.1.113883.3.1937.777.24.5.3|2.16.840.1.113883.3.1937.777.24.5.3.8`"
            + " in context `Einwilligung` at $.inclusionCriteria[0][0].termCodes: the mapping directory lists 17 term codes;"
            + " check the code and context or pass a mapping directory (--mapping DIR) that lists it.");
  }

  @Test
  void badGenderAndAgeFiltersAreProblems() {
    String gender = """
        {"version": "2", "inclusionCriteria": [[{"context": {"system": "fdpg.mii.cds", "code": "Patient"},
          "termCodes": [{"system": "http://snomed.info/sct", "code": "263495000"}],
          "valueFilter": {"type": "concept", "selectedConcepts": [{"system": "x", "code": "robot"}]}}]]}""";
    String age = """
        {"version": "2", "exclusionCriteria": [[{"context": {"system": "fdpg.mii.cds", "code": "Patient"},
          "termCodes": [{"system": "http://loinc.org", "code": "30525-0"}],
          "valueFilter": {"type": "quantity-comparator", "comparator": "gt", "value": 3, "unit": {"code": "kg"}}}]],
          "inclusionCriteria": [[{"context": {"system": "fdpg.mii.cds", "code": "Patient"},
          "termCodes": [{"system": "http://loinc.org", "code": "30525-0"}]}]]}""";

    assertThat(CcdlParser.parse(gender).flatMap(BUILT_IN::compile).problem().text()).isEqualTo(
        "DR-2022 Unknown gender `robot` at $.inclusionCriteria[0][0].valueFilter.selectedConcepts[0]:"
            + " expected one of female, male, other, unknown.");
    assertThat(CcdlParser.parse(age).flatMap(BUILT_IN::compile).problem().text())
        .startsWith("DR-2021 Age criterion at $.inclusionCriteria[0][0] needs a `quantity-comparator`");
  }

  @Test
  void ageUnitsMustBeTimeUnits() {
    String age = """
        {"version": "2", "inclusionCriteria": [[{"context": {"system": "fdpg.mii.cds", "code": "Patient"},
          "termCodes": [{"system": "http://loinc.org", "code": "30525-0"}],
          "valueFilter": {"type": "quantity-comparator", "comparator": "gt", "value": 3, "unit": {"code": "kg"}}}]]}""";

    assertThat(CcdlParser.parse(age).flatMap(BUILT_IN::compile).problem().text()).isEqualTo(
        "DR-2023 Unknown age unit `kg` at $.inclusionCriteria[0][0].valueFilter.unit: expected one of a, mo, wk, d (UCUM).");
  }

  @Test
  void valueFilterUnitsMustBeUcum() {
    String query = """
        {"version": "2", "inclusionCriteria": [[{"context": {"system": "fdpg.mii.cds", "code": "Laboruntersuchung"},
          "termCodes": [{"system": "http://loinc.org", "code": "718-7"}],
          "valueFilter": {"type": "quantity-comparator", "comparator": "gt", "value": 3, "unit": {"code": "%s"}}}]]}""";

    assertThat(CcdlParser.parse(query.formatted("furlongs")).flatMap(BUILT_IN::compile).problem().text())
        .startsWith("DR-2040 Unit `furlongs` at $.inclusionCriteria[0][0].valueFilter.unit is no UCUM unit");
    assertThat(CcdlParser.parse(query.formatted("[lb_av]")).flatMap(BUILT_IN::compile).isOk()).isTrue();
  }
}
