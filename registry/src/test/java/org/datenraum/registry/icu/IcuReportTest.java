package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

class IcuReportTest {

  private static final Coding IMP = new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP");

  @Test
  void icuStaysByDepartmentContactTypeOrLocationAndNotAWard() {
    Stays p = Stays.adult(Sex.MALE)
        .encounter("ward", 0, 10, List.of(IMP), List.of(new Attribute("serviceType",
            new Coding(IcuStays.DEPARTMENT_KEY, "0100"))))
        .encounter("kontaktart", 20, 10, List.of(IMP,
            new Coding("http://fhir.de/CodeSystem/kontaktart-de", "intensivstationaer")), List.of())
        .encounter("location", 40, 10, List.of(IMP), List.of(new Attribute(
            "location.physicalType", new Coding(IcuStays.ROLE_CODE, "ICU"))))
        .icu("department", 60, 10);
    assertThat(IcuStays.of(p.patient())).extracting(IcuStay::encounter)
        .containsExactly("kontaktart", "location", "department");
  }

  @Test
  void overlappingIcuContactsAreOneStay() {
    Stays p = Stays.adult(Sex.MALE).icu("facility", 0, 100).icu("department", 10, 120);
    List<IcuStay> stays = IcuStays.of(p.patient());
    assertThat(stays).hasSize(1);
    assertThat(stays.get(0).start()).isEqualTo(Stays.at(0));
    assertThat(stays.get(0).end()).isEqualTo(Stays.at(130));
  }

  @Test
  void reportCountsAdultsChildrenAndThePeriod() {
    // adult: invasive 0-20 h, again 40-50 h (re-intubation), in a 100 h stay
    Stays adult = new Stays("a", Sex.MALE, YearMonth.of(1950, 6)).icu("ea", 0, 100)
        .invasive(0, 20).invasive(40, 50).ventilation("428311008", 20, 30)
        .observe("8302-2", 0, 180, "cm").observe("76222-9", 1.5, 700, "mL")
        .observe("777-3", 2, 30, "10*3/uL").observe(Measure.RASS_SNOMED, 1, -4, null);
    // child (9 years at admission): one invasive episode of 5 h in a 24 h stay
    Stays child = new Stays("c", Sex.FEMALE, YearMonth.of(2016, 1)).icu("ec", 0, 24)
        .invasive(2, 7).observe("9269-2", 3, 12, null);
    // unknown age, no ventilation
    Stays unknown = new Stays("u", Sex.UNKNOWN, null).icu("eu", 0, 10);
    // a stay before the period
    Stays early = new Stays("x", Sex.MALE, YearMonth.of(1970, 1)).icu("ex", -24 * 40, 10);
    List<PatientRecord> patients = new ArrayList<>();
    List<Fact> facts = new ArrayList<>();
    for (Stays s : List.of(adult, child, unknown, early)) {
      patients.add(s.record());
      facts.addAll(s.facts());
    }
    IcuReport report = IcuReport.of(InMemoryIcuFacts.of(patients, facts),
        LocalDate.of(2025, 3, 1), LocalDate.of(2025, 3, 31));
    Map<String, Object> json = report.tree();
    assertThat(json.get("stays")).isEqualTo(3);
    assertThat(json.get("adultStays")).isEqualTo(1);
    assertThat(json.get("paediatricStays")).isEqualTo(1);
    assertThat(json.get("staysWithoutAge")).isEqualTo(1);
    Figures all = report.all();
    assertThat(all.get("ventilation", "invasiveEpisodes")).isEqualTo(3);
    assertThat(all.get("ventilation", "invasiveHours")).isEqualTo(20L + 10 + 5);
    assertThat(all.get("ventilation", "nonInvasiveEpisodes")).isEqualTo(1);
    assertThat(all.get("ventilation", "reintubations48h")).isEqualTo(1);
    assertThat(all.get("ventilation", "medianInvasiveHours")).isEqualTo(10.0);
    // 700 mL / 75.116 kg = 9.3 ml/kg: one hour, not at most 8
    assertThat(all.get("lungProtective", "hoursWithTidalVolume")).isEqualTo(1);
    assertThat(all.get("lungProtective", "shareAtMost8mlPerKg")).isEqualTo(0.0);
    assertThat(all.get("lungProtective", "ventilatedStaysWithoutHeight")).isEqualTo(1);
    // adult: platelets 30 -> 3; child: GCS 12 -> 2; unknown: 0
    @SuppressWarnings("unchecked")
    Map<String, Integer> histogram = (Map<String, Integer>) all.get("sofa", "maxSofaHistogram");
    assertThat(histogram.get("0")).isEqualTo(1);
    assertThat(histogram.get("2")).isEqualTo(1);
    assertThat(histogram.get("3")).isEqualTo(1);
    assertThat(all.get("sofa", "medianMaxSofa")).isEqualTo(2.0);
    assertThat(report.adults().get("ventilation", "invasiveEpisodes")).isEqualTo(2);
    assertThat(report.children().get("ventilation", "invasiveEpisodes")).isEqualTo(1);
    assertThat(report.children().get("ventilation", "medianInvasiveHours")).isEqualTo(5.0);
    // stays of 8 h or more: all three; RASS in every 8 h block: none
    assertThat(all.get("sedation", "staysOf8hOrMore")).isEqualTo(3);
    assertThat(all.get("sedation", "shareOfStaysWithRassEvery8h")).isEqualTo(0.0);
    assertThat(all.get("sedation", "shareOfHoursDeeplySedated")).isEqualTo(1.0);
  }
}
