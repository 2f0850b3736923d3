package org.datenraum.query.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.datenraum.core.Coding;
import org.datenraum.core.Result;
import org.datenraum.query.TestData;
import org.datenraum.query.ccdl.TermCode;
import org.junit.jupiter.api.Test;

class ReferenceMappingTest {

  private static final TermCode DIAGNOSE = TermCode.of("fdpg.mii.cds", "Diagnose");
  private static final TermCode LABOR = TermCode.of("fdpg.mii.cds", "Laboruntersuchung");
  private static final String SNOMED = "http://snomed.info/sct";

  private static TermCodeMapping flare() {
    Result<TermCodeMapping> m = Mappings.fromReferenceJson(
        TestData.read(TestData.ccdl("flare/flare-synthea-mapping_fhir.json")),
        TestData.read(TestData.ccdl("flare/flare-synthea-mapping_tree.json")));
    assertThat(m.isOk()).as(() -> m.isOk() ? "" : m.problem().text()).isTrue();
    return m.value();
  }

  @Test
  void loadsFlareSyntheaMapping() {
    TermCodeMapping m = flare();

    assertThat(m.describe()).contains("17 term codes");
    MappingEntry.Facts sinusitis = (MappingEntry.Facts) m.resolve(DIAGNOSE, TermCode.of(SNOMED, "444814009")).orElseThrow();
    assertThat(sinusitis.resourceTypes()).containsExactly("Condition");
    assertThat(sinusitis.codeTarget()).isEqualTo(new AttributeTarget.Code());
    MappingEntry.Facts smoking = (MappingEntry.Facts) m.resolve(LABOR, TermCode.of("http://loinc.org", "72166-2")).orElseThrow();
    assertThat(smoking.resourceTypes()).containsExactly("Observation");
    assertThat(m.resolve(LABOR, TermCode.of(SNOMED, "444814009"))).isEmpty();
    assertThat(m.expand(DIAGNOSE, TermCode.of(SNOMED, "444814009")).codes())
        .containsExactly(new Coding(SNOMED, "444814009"));
  }

  @Test
  void loadsTheSq2cqlConceptTree() throws Exception {
    var json = new ObjectMapper().readTree(TestData.read(TestData.ccdl("sq2cql/DiagnosticReport/mapping_tree.json")));

    ConceptTree tree = ConceptTree.of(json, "mapping_tree.json");

    assertThat(tree.size()).isEqualTo(1);
    TermCode ctx = TermCode.of("fdpg.mii.cds", "Molekulargenetischer Befundbericht");
    assertThat(tree.expand(ctx, TermCode.of("http://loinc.org", "51969-4")).codes()).hasSize(1);
  }

  @Test
  void expandsCodesToAllDescendants() {
    String tree = """
        [{"context": {"system": "fdpg.mii.cds", "code": "Diagnose", "display": "Diagnose"},
          "system": "http://snomed.info/sct",
          "entries": [
            {"key": "A", "parents": [], "children": ["B", "C"]},
            {"key": "B", "parents": ["A"], "children": ["D"]},
            {"key": "C", "parents": ["A"], "children": []},
            {"key": "D", "parents": ["B"], "children": []}]}]""";
    String fhir = """
        [{"fhirResourceType": "Condition", "key": {"system": "http://snomed.info/sct", "code": "A", "display": "A"},
          "context": {"system": "fdpg.mii.cds", "code": "Diagnose", "display": "Diagnose"}, "termCodeSearchParameter": "code"}]""";

    TermCodeMapping m = Mappings.fromReferenceJson(fhir, tree).value();

    assertThat(m.expand(DIAGNOSE, TermCode.of(SNOMED, "A")).codes()).containsExactlyInAnyOrder(
        new Coding(SNOMED, "A"), new Coding(SNOMED, "B"), new Coding(SNOMED, "C"), new Coding(SNOMED, "D"));
    assertThat(m.expand(DIAGNOSE, TermCode.of(SNOMED, "B")).codes())
        .containsExactlyInAnyOrder(new Coding(SNOMED, "B"), new Coding(SNOMED, "D"));
    assertThat(m.expand(DIAGNOSE, TermCode.of(SNOMED, "B")).contains(new Coding(SNOMED, "C"))).isFalse();
  }

  @Test
  void readsCompositeAttributesAsComponents() {
    TermCodeMapping m = Mappings.fromReferenceJson(
        TestData.read(TestData.ccdl("flare/flare-mapping-bloodPressure-composite.json")), null).value();

    MappingEntry.Facts bp = (MappingEntry.Facts) m.resolve(LABOR, TermCode.of("http://loinc.org", "85354-9")).orElseThrow();

    assertThat(bp.attribute(TermCode.of("http://loinc.org", "8480-6"))).contains(new AttributeTarget.Component());
  }

  @Test
  void readsPatientEntriesFixedCriteriaAndReferences() {
    String fhir = """
        [{"fhirResourceType": "Patient", "key": {"system": "http://snomed.info/sct", "code": "263495000", "display": "g"},
          "context": {"system": "fdpg.mii.cds", "code": "Patient", "display": "Patient"}, "valueSearchParameter": "gender", "valueType": "concept"},
         {"fhirResourceType": "Patient", "key": {"system": "http://snomed.info/sct", "code": "424144002", "display": "a"},
          "context": {"system": "fdpg.mii.cds", "code": "Patient", "display": "Patient"}, "valueSearchParameter": "birthdate", "valueType": "Age"},
         {"fhirResourceType": "Consent", "key": {"system": "fdpg.consent.combined", "code": "yes-yes-no-no", "display": "c"},
          "context": {"system": "fdpg.mii.cds", "code": "Einwilligung", "display": "Einwilligung"},
          "fixedCriteria": [{"type": "coding", "searchParameter": "mii-provision-provision-code",
                             "value": [{"system": "urn:oid:2.16.840.1.113883.3.1937.777.24.5.3", "code": "2.16.840.1.113883.3.1937.777.24.5.3.8", "display": "x"}]}]},
         {"fhirResourceType": "Specimen", "key": {"system": "http://snomed.info/sct", "code": "119364003", "display": "s"},
          "context": {"system": "fdpg.mii.cds", "code": "Specimen", "display": "Bioprobe"}, "termCodeSearchParameter": "type",
          "attributeSearchParameters": [
            {"attributeKey": {"system": "http://hl7.org/fhir/StructureDefinition", "code": "festgestellteDiagnose", "display": "d"},
             "attributeType": "reference", "attributeSearchParameter": "diagnose"},
            {"attributeKey": {"system": "http://hl7.org/fhir/StructureDefinition", "code": "icd-o-3", "display": "b"},
             "attributeType": "coding", "attributeSearchParameter": "bodysite"}]}]""";

    TermCodeMapping m = Mappings.fromReferenceJson(fhir, null).value();

    TermCode patient = TermCode.of("fdpg.mii.cds", "Patient");
    assertThat(m.resolve(patient, TermCode.of(SNOMED, "263495000"))).containsInstanceOf(MappingEntry.PatientSex.class);
    assertThat(m.resolve(patient, TermCode.of(SNOMED, "424144002"))).containsInstanceOf(MappingEntry.PatientAge.class);
    var consent = (MappingEntry.Facts) m.resolve(TermCode.of("fdpg.mii.cds", "Einwilligung"),
        TermCode.of("fdpg.consent.combined", "yes-yes-no-no")).orElseThrow();
    assertThat(consent.codeTarget()).isNull();
    assertThat(consent.fixed()).containsExactly(new MappingEntry.Fixed(new AttributeTarget.Code(),
        Set.of(new Coding("urn:oid:2.16.840.1.113883.3.1937.777.24.5.3", "2.16.840.1.113883.3.1937.777.24.5.3.8"))));
    var specimen = (MappingEntry.Facts) m.resolve(TermCode.of("fdpg.mii.cds", "Specimen"), TermCode.of(SNOMED, "119364003")).orElseThrow();
    assertThat(specimen.codeTarget()).isEqualTo(new AttributeTarget.Code());
    assertThat(specimen.attribute(TermCode.of("x", "festgestellteDiagnose"))).contains(new AttributeTarget.Reference());
    assertThat(specimen.attribute(TermCode.of("x", "icd-o-3"))).contains(new AttributeTarget.Attribute("bodySite"));
  }

  @Test
  void malformedFilesAreProblems() {
    assertThat(Mappings.fromReferenceJson("[{", null).problem().code()).isEqualTo("DR-2031");
    assertThat(Mappings.fromReferenceJson("{}", null).problem().code()).isEqualTo("DR-2032");
    assertThat(Mappings.fromReferenceJson("[{\"key\": {\"system\": \"s\", \"code\": \"c\"}}]", null).problem().text())
        .startsWith("DR-2032 Missing mapping_fhir.json $[0].context.code");
  }
}
