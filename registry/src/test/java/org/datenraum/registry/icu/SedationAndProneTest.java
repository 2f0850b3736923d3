package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

class SedationAndProneTest {

  @Test
  void rassInTwoOfThreeBlocksIsNotEvery8Hours() {
    StayResult.Sedation s = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .observe(Measure.RASS_SNOMED, 1.5, -4, null).observe(Measure.RASS_SNOMED, 9.5, 0, null)
        .result().sedation();
    assertThat(s.blocks()).isEqualTo(3);
    assertThat(s.monitoredBlocks()).isEqualTo(2);
    assertThat(s.every8h()).isFalse();
    // -4 carried over hours 1..8, 0 over hours 9..16
    assertThat(s.assessedHours()).isEqualTo(16);
    assertThat(s.deepHours()).isEqualTo(8);
  }

  @Test
  void rassInEveryBlock() {
    StayResult.Sedation s = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .observe(Measure.RASS_SNOMED, 1, -1, null).observe(Measure.RASS_SNOMED, 9, -3, null)
        .observe(Measure.RASS_SNOMED, 17, -2, null).result().sedation();
    assertThat(s.every8h()).isTrue();
    assertThat(s.deepHours()).isEqualTo(8);
  }

  @Test
  void staysShorterThan8HoursHaveNoBlock() {
    StayResult.Sedation s = Stays.adult(Sex.MALE).icu("e", 0, 7.5)
        .observe(Measure.RASS_SNOMED, 1, -1, null).result().sedation();
    assertThat(s.blocks()).isZero();
    assertThat(s.every8h()).isFalse();
  }

  @Test
  void pronePositioningCountsForInvasiveStaysBelow150() {
    Stays proned = Stays.adult(Sex.MALE).icu("e", 0, 24).invasive(0, 24)
        .observe("50984-4", 3.5, 140, "mm[Hg]").procedure(IcuFactSelection.PRONE_POSITION, 5);
    StayResult.Ventilation v = proned.result().ventilation();
    assertThat(v.proneEligible()).isTrue();
    assertThat(v.proned()).isTrue();
    Stays notBelow = Stays.adult(Sex.MALE).icu("e", 0, 24).invasive(0, 24)
        .observe("50984-4", 3.5, 150, "mm[Hg]");
    assertThat(notBelow.result().ventilation().proneEligible()).isFalse();
    Stays spontaneous = Stays.adult(Sex.MALE).icu("e", 0, 24)
        .observe("50984-4", 3.5, 100, "mm[Hg]");
    assertThat(spontaneous.result().ventilation().proneEligible()).isFalse();
  }
}
