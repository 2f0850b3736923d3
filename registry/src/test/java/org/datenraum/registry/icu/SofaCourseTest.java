package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.datenraum.core.Sex;
import org.datenraum.registry.icu.SofaScore.Component;
import org.junit.jupiter.api.Test;

class SofaCourseTest {

  private static SofaCourse course(Stays p) {
    StaySamples s = StaySamples.of(p.stay());
    VentilationCourse v = VentilationCourse.of(s);
    return SofaCourse.of(s, v, Infusions.of(s));
  }

  @Test
  void aValueCountsForTwentyFourHoursThenTheComponentIsMissing() {
    Stays p = Stays.adult(Sex.FEMALE).icu("e", 0, 48).observe("777-3", 0.5, 40, "10*3/uL");
    SofaCourse c = course(p);
    assertThat(c.total(0)).isEqualTo(3);
    assertThat(c.total(23)).isEqualTo(3);
    assertThat(c.total(24)).isZero();
    assertThat(c.max()).isEqualTo(3);
    assertThat(c.missingHours(Component.COAGULATION)).isEqualTo(24);
    assertThat(c.missingHours(Component.LIVER)).isEqualTo(48);
  }

  @Test
  void theWindowTakesTheWorstValue() {
    // bilirubin 2.5 mg/dL (2) at hour 1, 7 mg/dL (3) at hour 10, 1.0 (0) at hour 30:
    // hours 1-9 score 2, 10-33 score 3 (hour 10's value stays in the window until hour 33), then 0
    Stays p = Stays.adult(Sex.MALE).icu("e", 0, 48).observe("1975-2", 1.2, 2.5, "mg/dL")
        .observe("1975-2", 10.5, 119.7, "umol/L").observe("1975-2", 30.5, 1.0, "mg/dL");
    SofaCourse c = course(p);
    assertThat(c.total(0)).isZero();
    assertThat(c.total(9)).isEqualTo(2);
    assertThat(c.total(10)).isEqualTo(3);
    assertThat(c.total(33)).isEqualTo(3);
    assertThat(c.total(34)).isZero();
    assertThat(c.missingHours(Component.LIVER)).isEqualTo(1);
  }

  @Test
  void respirationThreeAndFourNeedVentilation() {
    // PaO2 60 mmHg with FiO2 50 % an hour before: P/F 120
    Stays spontaneous = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .observe("19994-3", 5.0, 50, "%").observe("2703-7", 5.5, 60, "mm[Hg]");
    assertThat(course(spontaneous).max()).isEqualTo(2);
    Stays ventilated = Stays.adult(Sex.MALE).icu("e", 0, 24).invasive(0, 24)
        .observe("19994-3", 5.0, 50, "%").observe("2703-7", 5.5, 60, "mm[Hg]");
    assertThat(course(ventilated).max()).isEqualTo(3);
    Stays niv = Stays.adult(Sex.MALE).icu("e", 0, 24).ventilation("428311008", 0, 24)
        .observe("50984-4", 3.5, 90, "mm[Hg]");
    assertThat(course(niv).max()).isEqualTo(4);
    // PaO2 without FiO2 and without support: room air, 95 / 0.21 = 452 -> 0; 70 / 0.21 = 333 -> 1
    Stays roomAir = Stays.adult(Sex.MALE).icu("e", 0, 24).observe("2703-7", 2.5, 70, "mm[Hg]");
    assertThat(course(roomAir).max()).isEqualTo(1);
    // PaO2 (8 kPa = 60 mmHg) under ventilation without FiO2 forms no ratio
    Stays noFio2 = Stays.adult(Sex.MALE).icu("e", 0, 24).invasive(0, 24)
        .observe("2703-7", 2.5, 8, "kPa");
    assertThat(course(noFio2).missingHours(Component.RESPIRATION)).isEqualTo(24);
  }

  @Test
  void renalFromUrineOutputOnceTheStayHasLastedADay() {
    Stays p = Stays.adult(Sex.MALE).icu("e", 0, 48);
    for (int h = 0; h < 48; h++) {
      p.observe("9187-6", h + 0.5, 20, "mL");
    }
    SofaCourse c = course(p);
    assertThat(c.total(22)).isZero();
    assertThat(c.total(23)).isEqualTo(3); // 24 x 20 mL = 480 mL < 500
    assertThat(c.missingHours(Component.RENAL)).isZero();
    Stays creatinine = Stays.adult(Sex.MALE).icu("e", 0, 24).observe("2160-0", 3, 450, "umol/L");
    assertThat(course(creatinine).max()).isEqualTo(4); // 450 umol/L = 5.09 mg/dL
  }

  @Test
  void cardiovascularFromMapAndCatecholaminesInMicrogramsPerKgAndMinute() {
    Stays map = Stays.adult(Sex.MALE).icu("e", 0, 24).observe("8478-0", 1, 65, "mm[Hg]");
    assertThat(course(map).max()).isEqualTo(1);
    Stays low = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .infusion(Vasopressor.NOREPINEPHRINE, 2, 4, 0.05, "ug/kg/min");
    assertThat(course(low).max()).isEqualTo(3);
    // 0.96 mg/h for 80 kg: 16 ug/min / 80 kg = 0.2 ug/kg/min > 0.1
    Stays high = Stays.adult(Sex.MALE).icu("e", 0, 24).observe("29463-7", -5, 80, "kg")
        .infusion(Vasopressor.NOREPINEPHRINE, 2, 4, 0.96, "mg/h");
    assertThat(course(high).max()).isEqualTo(4);
    Stays dobutamine = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .infusion(Vasopressor.DOBUTAMINE, 2, 4, 3, "ug/kg/min");
    assertThat(course(dobutamine).max()).isEqualTo(2);
    Stays noWeight = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .infusion(Vasopressor.NOREPINEPHRINE, 2, 4, 0.96, "mg/h");
    assertThat(course(noWeight).max()).isZero();
    assertThat(noWeight.result().circulation().unusableRates()).isEqualTo(1);
  }

  @Test
  void cnsAndTheSumOfComponents() {
    Stays p = Stays.adult(Sex.MALE).icu("e", 0, 24).observe("9269-2", 4, 8, null)
        .observe("777-3", 4, 120, "10*9/L").observe("8478-0", 6, 60, "mm[Hg]");
    SofaCourse c = course(p);
    assertThat(c.total(3)).isZero();
    assertThat(c.total(4)).isEqualTo(3 + 1);
    assertThat(c.total(6)).isEqualTo(3 + 1 + 1);
  }

  @Test
  void norepinephrineEquivalentAddsEpinephrineAndAHundredthOfDopamine() {
    Stays p = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .infusion(Vasopressor.NOREPINEPHRINE, 1, 5, 0.1, "ug/kg/min")
        .infusion(Vasopressor.EPINEPHRINE, 3, 4, 0.05, "ug/kg/min")
        .infusion(Vasopressor.DOPAMINE, 3, 6, 10, "ug/kg/min")
        .infusion(Vasopressor.DOBUTAMINE, 0, 2, 5, "ug/kg/min");
    StayResult.Circulation c = p.result().circulation();
    assertThat(c.maxNorepinephrineEquivalent()).isCloseTo(0.1 + 0.05 + 0.1, within(1e-9));
    assertThat(c.vasopressorHours()).isEqualTo(6); // hours 0..5
  }
}
