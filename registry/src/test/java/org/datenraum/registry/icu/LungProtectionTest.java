package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import org.datenraum.core.Sex;
import org.junit.jupiter.api.Test;

class LungProtectionTest {

  /**
   * Invasive hours 0..9 of a man: tidal volumes 450 mL (hours 0-3), 560 mL (4-7), 620 mL (8-9).
   * With 180 cm, PBW = 50 + 0.91 x 27.6 = 75.116 kg: 5.99, 7.46 and 8.25 ml/kg.
   */
  private static Stays tenHours(Stays p) {
    p.icu("e", 0, 24).invasive(0, 10);
    for (int h = 0; h < 10; h++) {
      p.observe("76222-9", h + 0.5, h < 4 ? 450 : h < 8 ? 560 : 620, "mL");
    }
    return p;
  }

  @Test
  void atMost8AndLungProtectiveWithoutArds() {
    StayResult.LungProtection l = tenHours(Stays.adult(Sex.MALE))
        .observe("8302-2", -100, 180, "cm").result().lung();
    assertThat(l.tidalVolumeHours()).isEqualTo(10);
    assertThat(l.atMost8()).isEqualTo(8);
    assertThat(l.protective()).isEqualTo(8);
    assertThat(l.ventilatedWithoutHeight()).isFalse();
  }

  @Test
  void ardsStaysMustStayAtOrBelow6() {
    StayResult r = tenHours(Stays.adult(Sex.MALE)).observe("8302-2", -100, 1.80, "m")
        .diagnosis("J80.03", 1).result();
    assertThat(r.info().ards()).isTrue();
    assertThat(r.lung().atMost8()).isEqualTo(8);
    assertThat(r.lung().protective()).isEqualTo(4);
  }

  @Test
  void aMissingHeightIsCountedNotDropped() {
    StayResult.LungProtection l = tenHours(Stays.adult(Sex.MALE)).result().lung();
    assertThat(l.tidalVolumeHours()).isZero();
    assertThat(l.tidalVolumeHoursWithoutHeight()).isEqualTo(10);
    assertThat(l.ventilatedWithoutHeight()).isTrue();
  }

  @Test
  void aHeightMeasuredLaterInTheStayServesTheEarlierHours() {
    StayResult.LungProtection l = tenHours(Stays.adult(Sex.MALE))
        .observe("8302-2", 5, 180, "cm").result().lung();
    assertThat(l.tidalVolumeHours()).isEqualTo(10);
    assertThat(l.atMost8()).isEqualTo(8);
  }

  @Test
  void theLatestHeightBeforeTheHourCounts() {
    // 200 cm before the stay, 150 cm from hour 4 on (PBW 47.816 kg): 560 / 47.8 = 11.7 > 8
    StayResult.LungProtection l = tenHours(Stays.adult(Sex.MALE))
        .observe("8302-2", -50, 200, "cm").observe("8302-2", 4.2, 150, "cm").result().lung();
    assertThat(l.atMost8()).isEqualTo(4);
  }

  @Test
  void womenAndUnknownSexUseTheirPredictedBodyWeight() {
    // woman 165 cm: PBW 56.966 kg, 400 mL = 7.02 ml/kg
    Stays woman = Stays.adult(Sex.FEMALE).icu("e", 0, 5).invasive(0, 1)
        .observe("8302-2", 0, 165, "cm").observe("20112-9", 0.5, 400, "mL");
    assertThat(woman.result().lung().atMost8()).isEqualTo(1);
    woman.diagnosis("J80", 0.2);
    assertThat(woman.result().lung().protective()).isZero();
    // unknown sex 170 cm: PBW 63.766 kg; 380 mL = 5.96 <= 6, 390 mL = 6.12 > 6
    Stays unknown = Stays.adult(Sex.UNKNOWN).icu("e", 0, 5).invasive(0, 2)
        .observe("8302-2", 0, 170, "cm").observe("20112-9", 0.5, 380, "mL")
        .observe("20112-9", 1.5, 390, "mL").diagnosis("J80", 0.2);
    assertThat(unknown.result().lung().protective()).isEqualTo(1);
  }

  @Test
  void theDeliveredVolumeOverridesTheSetOneAndTheHourIsAveraged() {
    // delivered 440 and 460 (mean 450 = 5.99 ml/kg) beside a set 700 mL
    Stays p = Stays.adult(Sex.MALE).icu("e", 0, 5).invasive(0, 1).observe("8302-2", 0, 180, "cm")
        .observe("76222-9", 0.2, 440, "mL").observe("76222-9", 0.7, 460, "mL")
        .observe("20112-9", 0.5, 700, "mL").diagnosis("J80", 0.1);
    assertThat(p.result().lung().protective()).isEqualTo(1);
  }

  @Test
  void plateauPressureAtMost30() {
    StayResult.LungProtection l = Stays.adult(Sex.MALE).icu("e", 0, 5).invasive(0, 3)
        .observe("20060-0", 0.5, 28, "cm[H2O]").observe("20060-0", 1.5, 32, "cm[H2O]")
        .observe("20060-0", 3.5, 40, "cm[H2O]").result().lung();
    assertThat(l.plateauHours()).isEqualTo(2);
    assertThat(l.plateauAtMost30()).isEqualTo(1);
  }
}
