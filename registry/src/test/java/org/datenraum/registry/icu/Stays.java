package org.datenraum.registry.icu;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.CodeSystems;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.FactValue;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;

/** Hand-built patients with an ICU stay starting at {@link #T0}, facts placed by hour. */
final class Stays {

  static final Instant T0 = Instant.parse("2025-03-01T08:00:00Z");
  static final long H = 3600;

  private final PatientRecord patient;
  private final List<Fact> facts = new ArrayList<>();
  private int ids;

  Stays(String pseudonym, Sex sex, YearMonth birth) {
    this.patient = new PatientRecord(pseudonym, birth, sex, false);
  }

  static Stays adult(Sex sex) {
    return new Stays("p-" + sex, sex, YearMonth.of(1960, 1));
  }

  static Instant at(double hours) {
    return T0.plusSeconds(Math.round(hours * H));
  }

  /** An ICU department contact (Fachabteilungsschlüssel 3600) of {@code hours} hours. */
  Stays icu(String encounter, double fromHour, double hours) {
    facts.add(new Fact(patient.pseudonym(), encounter, "Encounter", encounter,
        new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP"), at(fromHour),
        at(fromHour + hours), null, "finished", List.of(new Attribute("serviceType",
            new Coding(IcuStays.DEPARTMENT_KEY, "3600")))));
    return this;
  }

  Stays encounter(String encounter, double fromHour, double hours, List<Coding> codes,
      List<Attribute> attributes) {
    for (Coding c : codes) {
      facts.add(new Fact(patient.pseudonym(), encounter, "Encounter", encounter, c, at(fromHour),
          at(fromHour + hours), null, "finished", attributes));
    }
    return this;
  }

  /**
   * A location entry of an encounter referring to {@code Location/location}, from
   * {@code fromHour} for {@code hours} hours (an open end when null).
   */
  Stays located(String encounter, String location, double fromHour, Double hours) {
    facts.add(new Fact(patient.pseudonym(), encounter, "Encounter", encounter,
        new Coding(IcuStays.REFERENCE, "Location/" + location), at(fromHour),
        hours == null ? null : at(fromHour + hours), null, "finished", List.of()));
    return this;
  }

  Stays observe(String loinc, double hour, double value, String unit) {
    return observe(new Coding(CodeSystems.LOINC, loinc), hour, value, unit);
  }

  Stays observe(Coding code, double hour, double value, String unit) {
    facts.add(new Fact(patient.pseudonym(), null, "Observation", "o" + ids++, code, at(hour),
        at(hour), new FactValue.Quantity(value, unit, null), "final", List.of()));
    return this;
  }

  /** A ventilation Procedure (category 40617009) with this SNOMED code over [from, to) hours. */
  Stays ventilation(String snomed, double fromHour, double toHour) {
    facts.add(new Fact(patient.pseudonym(), null, "Procedure", "v" + ids++,
        new Coding(CodeSystems.SNOMED, snomed), at(fromHour), at(toHour), null, "completed",
        List.of(new Attribute("category", IcuFactSelection.VENTILATION_CATEGORY))));
    return this;
  }

  Stays invasive(double fromHour, double toHour) {
    return ventilation("243147009", fromHour, toHour);
  }

  Stays procedure(Coding code, double hour) {
    facts.add(new Fact(patient.pseudonym(), null, "Procedure", "x" + ids++, code, at(hour),
        at(hour), null, "completed", List.of()));
    return this;
  }

  Stays diagnosis(String icd, double hour) {
    facts.add(new Fact(patient.pseudonym(), null, "Condition", "c" + ids++,
        new Coding(CodeSystems.ICD10_GM, icd), at(hour), at(hour), null, null, List.of()));
    return this;
  }

  /** An infusion of a catecholamine over [from, to) hours at a rate. */
  Stays infusion(Vasopressor drug, double fromHour, double toHour, double rate, String unit) {
    facts.add(new Fact(patient.pseudonym(), null, "MedicationAdministration", "m" + ids++,
        new Coding(CodeSystems.ATC, drug.atc()), at(fromHour), at(toHour),
        new FactValue.Quantity(rate, unit, null), "completed", List.of()));
    return this;
  }

  PatientFacts patient() {
    return new PatientFacts(patient, facts);
  }

  PatientFacts patient(Map<String, List<Coding>> locations) {
    return new PatientFacts(patient, facts, locations);
  }

  List<Fact> facts() {
    return facts;
  }

  PatientRecord record() {
    return patient;
  }

  /** The patient's only ICU stay. */
  IcuStay stay() {
    List<IcuStay> stays = IcuStays.of(patient());
    if (stays.size() != 1) {
      throw new AssertionError("expected one stay, found " + stays.size());
    }
    return stays.get(0);
  }

  StayResult result() {
    return StayAnalysis.of(stay());
  }
}
