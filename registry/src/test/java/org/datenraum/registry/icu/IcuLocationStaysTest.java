package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Attribute;
import org.datenraum.core.Coding;
import org.datenraum.core.Fact;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

/** Stays on Locations typed as intensive care units, over the location entries' periods. */
class IcuLocationStaysTest {

  private static final Coding IMP =
      new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IMP");
  private static final List<Attribute> WARD_DEPARTMENT = List.of(new Attribute("serviceType",
      new Coding(IcuStays.DEPARTMENT_KEY, "0100")));
  private static final Map<String, List<Coding>> LOCATIONS = Map.of(
      "Location/its", List.of(new Coding(IcuStays.ROLE_CODE, "ICU")),
      "Location/neo", List.of(new Coding(IcuStays.ROLE_CODE, "PEDNICU")),
      "Location/ops", List.of(new Coding(IcuStays.DEPARTMENT_KEY, "3618")),
      "Location/ward", List.of(new Coding(IcuStays.ROLE_CODE, "HU"),
          new Coding(IcuStays.DEPARTMENT_KEY, "0100")));

  /** A facility contact of 200 h on a general department, with the given location entries. */
  private static Stays hospitalised() {
    return Stays.adult(Sex.FEMALE).encounter("e", 0, 200, List.of(IMP), WARD_DEPARTMENT);
  }

  @Test
  void anIcuLocationEntryIsAStayOverItsPeriodOnly() {
    Stays p = hospitalised().located("e", "ward", 0, 20.0).located("e", "its", 20, 60.0)
        .located("e", "ward", 80, 120.0);
    List<IcuStay> stays = IcuStays.of(p.patient(LOCATIONS));
    assertThat(stays).hasSize(1);
    assertThat(stays.get(0).start()).isEqualTo(Stays.at(20));
    assertThat(stays.get(0).end()).isEqualTo(Stays.at(80));
    assertThat(stays.get(0).encounter()).isEqualTo("e");
    assertThat(stays.get(0).id()).isEqualTo("e");
  }

  @Test
  void withoutLocationsTheSameEncounterIsNoStay() {
    Stays p = hospitalised().located("e", "its", 20, 60.0);
    assertThat(IcuStays.of(p.patient())).as("the Location is not known").isEmpty();
    assertThat(IcuStays.of(p.patient(Map.of("Location/other", LOCATIONS.get("Location/its")))))
        .isEmpty();
  }

  @Test
  void anOpenEntryEndsWithTheEncounterAndTwoIcuPeriodsAreTwoStays() {
    Stays p = hospitalised().located("e", "neo", 10, 30.0).located("e", "ward", 40, 60.0)
        .located("e", "ops", 150, null);
    List<IcuStay> stays = IcuStays.of(p.patient(LOCATIONS));
    assertThat(stays).extracting(IcuStay::start).containsExactly(Stays.at(10), Stays.at(150));
    assertThat(stays).extracting(IcuStay::end).containsExactly(Stays.at(40), Stays.at(200));
    assertThat(stays).extracting(IcuStay::id).containsExactly("e", "e/1");
    assertThat(stays).extracting(IcuStay::encounter).containsOnly("e");
  }

  @Test
  void anEncounterMarkedIcuItselfKeepsItsWholePeriod() {
    Stays p = Stays.adult(Sex.MALE).icu("d", 0, 50).located("d", "ward", 0, 10.0)
        .located("d", "its", 10, 5.0);
    List<IcuStay> stays = IcuStays.of(p.patient(LOCATIONS));
    assertThat(stays).hasSize(1);
    assertThat(stays.get(0).start()).isEqualTo(Stays.at(0));
    assertThat(stays.get(0).end()).isEqualTo(Stays.at(50));
  }

  @Test
  void theOrderOfTheFactsDoesNotMatter() {
    Stays p = hospitalised().located("e", "ward", 0, 20.0).located("e", "its", 20, 60.0)
        .located("e", "ops", 100, 30.0);
    List<Fact> reversed = new ArrayList<>(p.facts());
    Collections.reverse(reversed);
    PatientRecord who = p.record();
    List<IcuStay> forward = IcuStays.of(p.patient(LOCATIONS));
    List<IcuStay> backward = IcuStays.of(new PatientFacts(who, reversed, LOCATIONS));
    assertThat(backward).extracting(IcuStay::start).containsExactly(Stays.at(20), Stays.at(100));
    assertThat(backward).extracting(IcuStay::start)
        .isEqualTo(forward.stream().map(IcuStay::start).toList());
  }

  @Test
  void inMemoryFactsHandEachPatientTheLocationsTheyReferTo() {
    Stays p = hospitalised().located("e", "its", 20, 60.0);
    List<PatientFacts> seen = new ArrayList<>();
    InMemoryIcuFacts.of(List.of(p.record()), p.facts(), LOCATIONS).forEachPatient(seen::add);
    assertThat(seen).hasSize(1);
    assertThat(seen.get(0).locations()).containsOnlyKeys("Location/its");
    assertThat(IcuReport.of(InMemoryIcuFacts.of(List.of(p.record()), p.facts(), LOCATIONS),
        null, null).all().get("stays")).isEqualTo(1);
  }
}
