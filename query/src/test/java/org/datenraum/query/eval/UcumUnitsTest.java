package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.datenraum.core.Problem;
import org.junit.jupiter.api.Test;

/** Any two commensurable UCUM units convert; unknown and incommensurable ones are refused clearly. */
class UcumUnitsTest {

  @Test
  void convertsUnitsTheOldTableLacked() {
    assertThat(Units.convert(1, "g/L", "mg/dL").getAsDouble()).isCloseTo(100, within(1e-9));
    assertThat(Units.convert(154, "[lb_av]", "kg").getAsDouble())
        .isCloseTo(69.853, within(1e-3));
    assertThat(Units.convert(98.6, "[degF]", "Cel").getAsDouble()).isCloseTo(37, within(1e-9));
    assertThat(Units.convert(-40, "Cel", "[degF]").getAsDouble()).isCloseTo(-40, within(1e-9));
    assertThat(Units.convert(300, "K", "Cel").getAsDouble()).isCloseTo(26.85, within(1e-9));
    assertThat(Units.convert(2, "[ft_i]", "cm").getAsDouble()).isCloseTo(60.96, within(1e-9));
    assertThat(Units.convert(1, "mmol/L", "umol/mL").getAsDouble()).isCloseTo(1, within(1e-12));
    assertThat(Units.convert(5, "mg/(24.h)", "ug/h").getAsDouble())
        .isCloseTo(5000.0 / 24, within(1e-9));
    assertThat(Units.inconvertible("g/L", "mg/dL")).isNull();
  }

  @Test
  void massAndSubstanceConcentrationsAreRefusedClearly() {
    assertThat(Units.convert(5.5, "mmol/L", "mg/dL")).isEmpty();
    Problem p = Units.inconvertible("mmol/L", "mg/dL");
    assertThat(p.code()).isEqualTo("DR-2041");
    assertThat(p.message()).contains("`mmol/L`", "`mg/dL`", "molar mass");
  }

  @Test
  void unknownUnitsAreRefusedClearly() {
    assertThat(Units.convert(1, "furlongs", "m")).isEmpty();
    assertThat(Units.unknown("furlongs").code()).isEqualTo("DR-2040");
    assertThat(Units.unknown("furlongs").message()).startsWith("Unit `furlongs` is no UCUM unit");
    assertThat(Units.inconvertible("m", "furlongs").code()).isEqualTo("DR-2040");
    assertThat(Units.unknown("mg/dL")).isNull();
    assertThat(Units.unknown("mmHg")).isNull();
  }

  @Test
  void differentAnnotationsDoNotConvert() {
    assertThat(Units.convert(3, "{cells}/uL", "{cells}/nL").getAsDouble())
        .isCloseTo(0.003, within(1e-12));
    assertThat(Units.inconvertible("{score}", "{points}").code()).isEqualTo("DR-2041");
  }
}
