package org.datenraum.registry.icu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SofaScoreTest {

  private static final double NONE = Double.NaN;

  @Test
  void respirationScoresThreeAndFourOnlyUnderVentilation() {
    assertThat(SofaScore.respiration(400, false)).isZero();
    assertThat(SofaScore.respiration(399, false)).isEqualTo(1);
    assertThat(SofaScore.respiration(300, false)).isEqualTo(1);
    assertThat(SofaScore.respiration(299, false)).isEqualTo(2);
    assertThat(SofaScore.respiration(199, false)).isEqualTo(2);
    assertThat(SofaScore.respiration(99, false)).isEqualTo(2);
    assertThat(SofaScore.respiration(200, true)).isEqualTo(2);
    assertThat(SofaScore.respiration(199, true)).isEqualTo(3);
    assertThat(SofaScore.respiration(100, true)).isEqualTo(3);
    assertThat(SofaScore.respiration(99, true)).isEqualTo(4);
  }

  @Test
  void coagulation() {
    assertThat(SofaScore.coagulation(150)).isZero();
    assertThat(SofaScore.coagulation(149)).isEqualTo(1);
    assertThat(SofaScore.coagulation(100)).isEqualTo(1);
    assertThat(SofaScore.coagulation(99)).isEqualTo(2);
    assertThat(SofaScore.coagulation(50)).isEqualTo(2);
    assertThat(SofaScore.coagulation(49)).isEqualTo(3);
    assertThat(SofaScore.coagulation(20)).isEqualTo(3);
    assertThat(SofaScore.coagulation(19)).isEqualTo(4);
  }

  @Test
  void liver() {
    assertThat(SofaScore.liver(1.1)).isZero();
    assertThat(SofaScore.liver(1.2)).isEqualTo(1);
    assertThat(SofaScore.liver(1.9)).isEqualTo(1);
    assertThat(SofaScore.liver(2.0)).isEqualTo(2);
    assertThat(SofaScore.liver(5.9)).isEqualTo(2);
    assertThat(SofaScore.liver(6.0)).isEqualTo(3);
    assertThat(SofaScore.liver(11.9)).isEqualTo(3);
    assertThat(SofaScore.liver(12.0)).isEqualTo(4);
  }

  @Test
  void cardiovascular() {
    assertThat(SofaScore.cardiovascular(70, NONE, NONE, NONE, NONE)).isZero();
    assertThat(SofaScore.cardiovascular(NONE, NONE, NONE, NONE, NONE)).isZero();
    assertThat(SofaScore.cardiovascular(69, NONE, NONE, NONE, NONE)).isEqualTo(1);
    assertThat(SofaScore.cardiovascular(80, 5, NONE, NONE, NONE)).isEqualTo(2);
    assertThat(SofaScore.cardiovascular(80, NONE, 2.5, NONE, NONE)).isEqualTo(2);
    assertThat(SofaScore.cardiovascular(80, 5.1, NONE, NONE, NONE)).isEqualTo(3);
    assertThat(SofaScore.cardiovascular(80, NONE, NONE, 0.1, NONE)).isEqualTo(3);
    assertThat(SofaScore.cardiovascular(80, NONE, NONE, NONE, 0.1)).isEqualTo(3);
    assertThat(SofaScore.cardiovascular(80, 15, NONE, NONE, NONE)).isEqualTo(3);
    assertThat(SofaScore.cardiovascular(80, 15.1, NONE, NONE, NONE)).isEqualTo(4);
    assertThat(SofaScore.cardiovascular(80, NONE, NONE, 0.11, NONE)).isEqualTo(4);
    assertThat(SofaScore.cardiovascular(60, NONE, NONE, NONE, 0.11)).isEqualTo(4);
  }

  @Test
  void cns() {
    assertThat(SofaScore.cns(15)).isZero();
    assertThat(SofaScore.cns(14)).isEqualTo(1);
    assertThat(SofaScore.cns(13)).isEqualTo(1);
    assertThat(SofaScore.cns(12)).isEqualTo(2);
    assertThat(SofaScore.cns(10)).isEqualTo(2);
    assertThat(SofaScore.cns(9)).isEqualTo(3);
    assertThat(SofaScore.cns(6)).isEqualTo(3);
    assertThat(SofaScore.cns(5)).isEqualTo(4);
    assertThat(SofaScore.cns(3)).isEqualTo(4);
  }

  @Test
  void renalByCreatinineOrUrineOutput() {
    assertThat(SofaScore.renal(1.1, NONE)).isZero();
    assertThat(SofaScore.renal(1.2, NONE)).isEqualTo(1);
    assertThat(SofaScore.renal(1.9, NONE)).isEqualTo(1);
    assertThat(SofaScore.renal(2.0, NONE)).isEqualTo(2);
    assertThat(SofaScore.renal(3.4, NONE)).isEqualTo(2);
    assertThat(SofaScore.renal(3.5, NONE)).isEqualTo(3);
    assertThat(SofaScore.renal(4.9, NONE)).isEqualTo(3);
    assertThat(SofaScore.renal(5.0, NONE)).isEqualTo(4);
    assertThat(SofaScore.renal(NONE, 500)).isZero();
    assertThat(SofaScore.renal(NONE, 499)).isEqualTo(3);
    assertThat(SofaScore.renal(NONE, 200)).isEqualTo(3);
    assertThat(SofaScore.renal(NONE, 199)).isEqualTo(4);
    assertThat(SofaScore.renal(1.0, 150)).isEqualTo(4);
  }

  @Test
  void predictedBodyWeightForBothSexesAndUnknown() {
    assertThat(PredictedBodyWeight.kg(org.datenraum.core.Sex.MALE, 180))
        .isCloseTo(50 + 0.91 * 27.6, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(PredictedBodyWeight.kg(org.datenraum.core.Sex.MALE, 180))
        .isCloseTo(75.116, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(PredictedBodyWeight.kg(org.datenraum.core.Sex.FEMALE, 165))
        .isCloseTo(56.966, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(PredictedBodyWeight.kg(org.datenraum.core.Sex.UNKNOWN, 170))
        .isCloseTo(63.766, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(PredictedBodyWeight.kg(org.datenraum.core.Sex.OTHER, 170))
        .isCloseTo(63.766, org.assertj.core.data.Offset.offset(1e-9));
  }
}
