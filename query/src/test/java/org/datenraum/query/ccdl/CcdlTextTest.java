package org.datenraum.query.ccdl;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CCDL query reads as one sentence: inclusion groups ANDed, ORs within, exclusions negated. */
class CcdlTextTest {

  @Test
  void inclusionExclusionValueAndTimeReadAsASentence() {
    String json = """
        {"version":"http://to_be_decided.com/draft-2/schema#",
         "inclusionCriteria":[
           [{"context":{"system":"fdpg.mii.cds","code":"Diagnose","display":"Diagnose"},
             "termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm","code":"E11","display":"Diabetes mellitus, Typ 2"}]},
            {"context":{"system":"fdpg.mii.cds","code":"Diagnose","display":"Diagnose"},
             "termCodes":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm","code":"E10"}]}],
           [{"context":{"system":"fdpg.mii.cds","code":"Patient","display":"Patient"},
             "termCodes":[{"system":"http://snomed.info/sct","code":"424144002","display":"Current chronological age"}],
             "valueFilter":{"type":"quantity-comparator","comparator":"ge","value":60,"unit":{"code":"a"}}}]],
         "exclusionCriteria":[
           [{"context":{"system":"fdpg.mii.cds","code":"Laboruntersuchung","display":"Labor"},
             "termCodes":[{"system":"http://loinc.org","code":"4548-4","display":"HbA1c"}],
             "valueFilter":{"type":"quantity-range","minValue":6.5,"maxValue":9,"unit":{"code":"%"}},
             "timeRestriction":{"afterDate":"2024-01-01","beforeDate":"2024-12-31"}}]]}
        """;
    CcdlQuery q = CcdlParser.parse(json).value();
    assertThat(CcdlText.describe(q)).isEqualTo("Patients with (Diabetes mellitus, Typ 2 (E11) or E10) and"
        + " Current chronological age (424144002) with value ≥ 60 a, and not HbA1c (4548-4) with value between"
        + " 6.5 and 9 % between 2024-01-01 and 2024-12-31.");
  }
}
