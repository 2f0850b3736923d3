package org.datenraum.query.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.datenraum.core.Coding;
import org.datenraum.query.ccdl.TermCode;
import org.datenraum.query.plan.CodeSet;
import org.junit.jupiter.api.Test;

class BuiltInMappingTest {

  private final TermCodeMapping m = Mappings.builtIn();

  private static TermCode ctx(String code) {
    return TermCode.of("fdpg.mii.cds", code);
  }

  @Test
  void mapsEveryCodeOfAKnownContextToItsResourceTypes() {
    for (var c : List.of(List.of("Diagnose", "Condition"), List.of("Laboruntersuchung", "Observation"),
        List.of("Procedure", "Procedure"), List.of("Medikamentenverabreichung", "MedicationAdministration"),
        List.of("Specimen", "Specimen"), List.of("Einwilligung", "Consent"), List.of("Fall", "Encounter"),
        List.of("Vitaldaten", "Observation"), List.of("Molekulargenetischer Befundbericht", "DiagnosticReport"))) {
      var e = (MappingEntry.Facts) m.resolve(ctx(c.get(0)), TermCode.of("http://example.org", "any")).orElseThrow();
      assertThat(e.resourceTypes()).as(c.get(0)).containsExactly(c.get(1));
    }
    assertThat(m.resolve(ctx("Unbekannt"), TermCode.of("s", "c"))).isEmpty();
    assertThat(m.describe()).contains("Diagnose", "Einwilligung");
  }

  @Test
  void knowsPatientGenderAndAge() {
    assertThat(m.resolve(ctx("Patient"), TermCode.of("http://snomed.info/sct", "263495000")))
        .containsInstanceOf(MappingEntry.PatientSex.class);
    assertThat(m.resolve(ctx("Patient"), TermCode.of("http://loinc.org", "30525-0")))
        .containsInstanceOf(MappingEntry.PatientAge.class);
  }

  @Test
  void classificationCodesMatchTheirDescendantsAndSystemAliases() {
    CodeSet ops = m.expand(ctx("Procedure"), TermCode.of("http://fhir.de/CodeSystem/bfarm/ops", "5-39"));
    assertThat(ops.contains(new Coding("http://fhir.de/CodeSystem/bfarm/ops", "5-390.1"))).isTrue();
    assertThat(ops.contains(new Coding("http://fhir.de/CodeSystem/dimdi/ops", "5-39"))).isTrue();
    assertThat(ops.contains(new Coding("http://fhir.de/CodeSystem/bfarm/ops", "5-40"))).isFalse();

    CodeSet icd = m.expand(ctx("Diagnose"), TermCode.of("http://fhir.de/CodeSystem/dimdi/icd-10-gm", "E13"));
    assertThat(icd.contains(new Coding("http://fhir.de/CodeSystem/bfarm/icd-10-gm", "E13.9"))).isTrue();

    CodeSet sct = m.expand(ctx("Diagnose"), TermCode.of("http://snomed.info/sct", "4448"));
    assertThat(sct.contains(new Coding("http://snomed.info/sct", "444814009"))).isFalse();
  }

  @Test
  void combinedConsentRequiresTheProvisionsOfEachAnswer() {
    var e = (MappingEntry.Facts) m.resolve(ctx("Einwilligung"), TermCode.of("fdpg.consent.combined", "yes-yes-no-no")).orElseThrow();

    assertThat(e.codeTarget()).isNull();
    assertThat(e.fixed()).extracting(f -> f.codes().iterator().next().code())
        .containsExactly("2.16.840.1.113883.3.1937.777.24.5.3.8", "2.16.840.1.113883.3.1937.777.24.5.3.46");
    var central = (MappingEntry.Facts) m.resolve(ctx("Einwilligung"), TermCode.of("fdpg.consent.combined", "no-no-yes-yes")).orElseThrow();
    assertThat(central.fixed()).hasSize(2 + 1 + 1 + 7);
    assertThat(m.resolve(ctx("Einwilligung"), TermCode.of("fdpg.consent.combined", "yes-maybe-no-no"))).isEmpty();
  }
}
