package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;
import org.datenraum.core.WriteBatch;
import org.datenraum.registry.emergency.EmergencyVisit;
import org.datenraum.registry.emergency.EmergencyVisits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database's choice of each visit's values gives the same visits as the registry's reading of
 * every fact one by one, on seeded visits with the cases the rules decide: several or invalid
 * triages, triages without time, repeated physician contacts and transports, several ranked
 * diagnoses, refuted and repeated organisms, isolations not done, patients without birth or sex, an
 * encounter's second Encounter fact, times at the month's edges and visits of other months.
 */
class DuckDbEmergencyVisitsIT {

  private static final Clock CLOCK = Clock.fixed(Instant.parse("2027-01-15T00:00:00Z"), ZoneOffset.UTC);
  private static final String ACT = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
  private static final String MTS = "http://aktin.org/CodeSystem/aktin-cs-manchestertriagesystem";
  private static final String ESI = "http://aktin.org/CodeSystem/aktin-cs-emergencyseverityindex";
  private static final String PATHOGEN = "urn:oid:1.2.276.0.76.5.441";
  private static final Instant FROM = Instant.parse("2026-10-25T00:00:00Z");
  private static final long SPAN = 45L * 24 * 3600;

  @TempDir Path dir;

  private final Random random = new Random(7240);
  private final List<ResourceRecord> records = new ArrayList<>();
  private int ids;

  @Test
  void theDatabasesRowsPerVisitAreTheVisitsOfEveryFact() {
    for (int p = 0; p < 40; p++) {
      YearMonth birth = p % 7 == 0 ? null : YearMonth.of(1930 + random.nextInt(95), 1 + random.nextInt(12));
      PatientRecord r = new PatientRecord("p" + p, birth, Sex.values()[random.nextInt(Sex.values().length)], false);
      records.add(new ResourceRecord(new ResourceKey("Patient", "p" + p), "p" + p, null, List.of(), "{}", r,
          List.of()));
    }
    for (int v = 0; v < 400; v++) {
      visit("p" + random.nextInt(40), "e" + v);
    }
    try (DuckDbSiteStore store = DuckDbSiteStore.open(dir.resolve("site.duckdb"), CLOCK)) {
      store.write(new WriteBatch(records, List.of(), Map.of(), List.of()));
      List<Fact> all = store.facts().toList();
      Map<String, PatientRecord> patients = store.patients()
          .collect(Collectors.toMap(PatientRecord::pseudonym, p -> p));
      int total = 0;
      for (YearMonth m : List.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11), YearMonth.of(2026, 12),
          YearMonth.of(2027, 1))) {
        List<EmergencyVisit> expected = EmergencyVisits.of(all.stream(), patients, m);
        List<EmergencyVisit> got = DuckDbEmergencyVisits.of(store).admittedIn(m);
        assertThat(got).as(m.toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(got).as("by admission").isSortedAccordingTo(
            (a, b) -> a.times().admission().compareTo(b.times().admission()));
        total += got.size();
        if (m.getMonthValue() == 11) {
          assertThat(got).as("the cases occur").hasSizeGreaterThan(200)
              .anyMatch(x -> x.triage() == null).anyMatch(x -> x.triage() != null && x.times().triage() == null)
              .anyMatch(x -> x.triage() != null && x.triage().scale().equals("ESI"))
              .anyMatch(x -> x.hygiene().noPathogen()).anyMatch(x -> x.hygiene().pathogens().size() > 1)
              .anyMatch(x -> x.hygiene().isolated()).anyMatch(x -> x.hygiene().reasons().size() > 1)
              .anyMatch(x -> x.codes().diagnosis() != null).anyMatch(x -> x.codes().diagnosis() == null)
              .anyMatch(x -> x.person().age() == null).anyMatch(x -> x.person().age() != null)
              .anyMatch(x -> x.codes().disposition() != null && x.codes().disposition().startsWith("TRANSFER"));
        }
      }
      assertThat(total).as("visits admitted in the four months").isEqualTo(400);
    }
  }

  private void visit(String patient, String encounter) {
    Instant admission = FROM.plusSeconds(random.nextInt(10) == 0 ? 0 : (long) (random.nextDouble() * SPAN));
    if (random.nextInt(20) == 0) {
      admission = Instant.parse("2026-12-01T00:00:00Z").minusSeconds(random.nextInt(2));
    }
    Instant discharge = switch (random.nextInt(8)) {
      case 0 -> null;
      case 1 -> admission.minusSeconds(600);
      case 2 -> admission.plusSeconds(30 * 3600);
      default -> admission.plusSeconds(random.nextInt(12 * 3600));
    };
    List<Attribute> attrs = new ArrayList<>();
    if (random.nextInt(4) == 0) {
      attrs.add(new Attribute("reasonCode", new Coding("urn:oid:1.2.3", "X" + random.nextInt(3))));
    }
    attrs.add(new Attribute("reasonCode", new Coding(CodeSystems.CEDIS, pick("001", "002", "651", "999"))));
    attrs.add(new Attribute("hospitalization.admitSource", new Coding("urn:oid:1.2.276.0.76.5.440",
        pick("VAP", "RD", "NA", "KH"))));
    if (random.nextBoolean()) {
      attrs.add(new Attribute("hospitalization.dischargeDisposition",
          new Coding("urn:oid:1.2.276.0.76.3.1.195.5.56", pick("1", "2", "3"))));
    }
    if (random.nextInt(5) == 0) {
      attrs.add(new Attribute("hospitalization.dischargeDisposition",
          new Coding("urn:oid:1.2.276.0.76.3.1.195.5.53", pick("1", "2"))));
    }
    add(patient, encounter, "Encounter", new Coding(ACT, "EMER"), admission, discharge, null, null, attrs);
    int facts = 3 + random.nextInt(10);
    for (int i = 0; i < facts; i++) {
      other(patient, encounter, admission);
    }
    if (random.nextInt(25) == 0) {
      Instant again = admission.plusSeconds(60);
      add(patient, encounter, "Encounter", new Coding(ACT, "EMER"), again, again.plusSeconds(3600), null, null,
          List.of(new Attribute("reasonCode", new Coding(CodeSystems.CEDIS, "003"))));
    }
  }

  private void other(String patient, String encounter, Instant admission) {
    Instant at = random.nextInt(6) == 0 ? null : admission.plusSeconds(random.nextInt(5) * 300L);
    switch (random.nextInt(9)) {
      case 0, 1 -> add(patient, encounter, "Observation", loinc("11283-9"), at, null,
          new FactValue.Coded(new Coding(pick(MTS, MTS, ESI, "urn:other"), pick("1", "2", "3", "4", "5", "7"))),
          null, List.of());
      case 2 -> add(patient, encounter, "Observation", new Coding("urn:datenraum:ed", "physician-contact"), at,
          null, null, null, List.of());
      case 3 -> add(patient, encounter, "Observation", loinc("11459-5"), at, null, random.nextInt(4) == 0
          ? new FactValue.Text("free") : new FactValue.Coded(new Coding("urn:oid:1.2", pick("1", "2", "NA"))),
          null, List.of());
      case 4 -> add(patient, encounter, "Observation", loinc("44100-6"), at, null,
          new FactValue.Coded(new Coding(CodeSystems.SNOMED, pick("A", "B"))), null, List.of());
      case 5 -> add(patient, encounter, "Condition", new Coding(CodeSystems.ICD10_GM, pick("J18.9", "S06.0", "I21.4")),
          at, null, null, null, random.nextBoolean() ? List.of() : List.of(new Attribute("diagnosis.rank",
              new Coding("urn:rank", pick("1", "1", "2")))));
      case 6 -> add(patient, encounter, "Condition", new Coding(PATHOGEN, pick("MRSA", "3MRGN", "VRE")), at, null,
          null, null, List.of(new Attribute("verificationStatus",
              new Coding("http://terminology.hl7.org/CodeSystem/condition-ver-status", pick("refuted", "confirmed")))));
      case 7 -> add(patient, encounter, "Procedure", random.nextBoolean()
          ? new Coding("urn:oid:1.2.276.0.76.3.1.195.5.54", "ISO") : new Coding(CodeSystems.SNOMED, "40174006"),
          at, null, null, pick("not-done", "completed", null), List.of());
      default -> add(patient, encounter, "Observation", loinc("8867-4"), at, null,
          new FactValue.Quantity(80, "/min", null), "final", List.of());
    }
  }

  private void add(String patient, String encounter, String type, Coding code, Instant start, Instant end,
      FactValue value, String status, List<Attribute> attributes) {
    String id = type.charAt(0) + "" + ids++;
    Fact f = new Fact(patient, encounter, type, id, code, start, end, value, status, attributes);
    records.add(new ResourceRecord(new ResourceKey(type, id), patient, encounter, List.of(f), "{}", null, List.of()));
  }

  private static Coding loinc(String code) {
    return new Coding(CodeSystems.LOINC, code);
  }

  private String pick(String... values) {
    return values[random.nextInt(values.length)];
  }
}
