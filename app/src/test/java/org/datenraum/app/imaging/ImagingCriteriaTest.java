package org.datenraum.app.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.datenraum.app.site.StoreLookups;
import org.datenraum.ingest.dicom.DicomIngest;
import org.datenraum.ingest.dicom.DicomWriter;
import org.datenraum.ingest.dicom.SyntheticCt;
import org.datenraum.ingest.fhir.FhirIngest;
import org.datenraum.privacy.KeyedPseudonymizer;
import org.datenraum.privacy.PseudonymDomain;
import org.datenraum.query.CcdlCompiler;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.eval.ReferenceEvaluator;
import org.datenraum.query.mapping.Mappings;
import org.datenraum.query.plan.Plan;
import org.datenraum.store.InMemorySiteStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "COVID-19 with a chest CT within 14 days of the diagnosis and CO-RADS >= 4" as an ordinary CCDL
 * query (examples/queries/covid-chest-ct-corads4.json) over DICOM and FHIR data.
 */
class ImagingCriteriaTest {

  static final KeyedPseudonymizer KEYED = KeyedPseudonymizer.of(new byte[32]);

  /** Patient, CT day after the diagnosis, body part, CO-RADS; only "a" meets every part. */
  record Case(String id, int ctDay, String bodyPart, int coRads) {}

  static final List<Case> CASES = List.of(
      new Case("a", 6, "CHEST", 5),     // all three
      new Case("b", 19, "CHEST", 5),    // CT too late
      new Case("c", 3, "ABDOMEN", 5),   // not the chest
      new Case("d", 2, "CHEST", 3),     // CO-RADS too low
      new Case("e", -10, "CHEST", 4),   // CT 10 days before the diagnosis: within 14 days
      new Case("f", -16, "LUNG", 6));   // too early (LUNG is a lung structure, not thoracic)

  @Test
  void theCohortIsThePatientsWithAChestCtNearTheDiagnosisAndCoRadsFourOrMore(@TempDir Path tmp)
      throws Exception {
    LocalDate diagnosis = LocalDate.of(2025, 3, 1);
    StringBuilder ndjson = new StringBuilder();
    for (Case c : CASES) {
      ndjson.append("""
          {"resourceType":"Patient","id":"%1$s","gender":"female","birthDate":"1950-02"}
          {"resourceType":"Condition","id":"dx-%1$s","subject":{"reference":"Patient/%1$s"},"recordedDate":"%2$s","code":{"coding":[{"system":"http://fhir.de/CodeSystem/bfarm/icd-10-gm","code":"U07.1"}]}}
          {"resourceType":"Observation","id":"cr-%1$s","status":"final","subject":{"reference":"Patient/%1$s"},"effectiveDateTime":"%3$s","code":{"coding":[{"system":"urn:datenraum:imaging-finding","code":"co-rads"}]},"valueInteger":%4$d}
          """.formatted(c.id(), diagnosis, diagnosis.plusDays(c.ctDay()), c.coRads()));
      new SyntheticCt(c.id(), "2.25.9." + (int) c.id().charAt(0), diagnosis.plusDays(c.ctDay()),
          c.bodyPart(), 2, 16).writeHeaders(tmp.resolve("dicom"), c.id(), DicomWriter.Syntax.EXPLICIT_LE);
    }
    Path fhir = Files.writeString(tmp.resolve("data.ndjson"), ndjson);
    InMemorySiteStore store = new InMemorySiteStore();
    FhirIngest.of(KEYED).load(List.of(fhir), new StoreLookups(store), store::write, (a, b, c) -> { });
    var dicom = DicomIngest.of(KEYED, DicomCommand.lookups(store), DicomIngest.Config.direct())
        .load(List.of(tmp.resolve("dicom")), store::write, (d, t) -> { });
    assertThat(dicom.studies()).isEqualTo(CASES.size());

    Path query = repository().resolve("examples/queries/covid-chest-ct-corads4.json");
    Plan plan = CcdlParser.parse(Files.readString(query))
        .flatMap(CcdlCompiler.of(Mappings.builtIn())::compile).value();
    Set<String> cohort = ReferenceEvaluator.of(store.patients().toList(), store.facts().toList())
        .matching(plan, LocalDate.of(2025, 6, 1));
    assertThat(cohort).containsExactlyInAnyOrder(
        KEYED.pseudonym(PseudonymDomain.PATIENT, "a"), KEYED.pseudonym(PseudonymDomain.PATIENT, "e"));
  }

  static Path repository() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.isDirectory(dir.resolve("examples/queries"))) {
      dir = dir.getParent();
    }
    return dir;
  }
}
