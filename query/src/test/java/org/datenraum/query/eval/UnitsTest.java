package org.datenraum.query.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void convertsWithinADimension() {
    assertThat(Units.convert(13.5, "g/dL", "g/L").getAsDouble()).isCloseTo(135, within(1e-9));
    assertThat(Units.convert(1, "kg", "g").getAsDouble()).isCloseTo(1000, within(1e-9));
    assertThat(Units.convert(5, "10*3/uL", "10*9/L").getAsDouble()).isCloseTo(5, within(1e-9));
    assertThat(Units.convert(120, "mmHg", "mm[Hg]").getAsDouble()).isEqualTo(120);
    assertThat(Units.convert(37, "Cel", "[degF]").getAsDouble()).isCloseTo(98.6, within(1e-9));
  }

  @Test
  void refusesAcrossDimensionsAndUnknownUnits() {
    assertThat(Units.convert(1, "g/dL", "mmol/L")).isEmpty();
    assertThat(Units.convert(1, "kg", "m")).isEmpty();
    assertThat(Units.convert(1, "{score}", "{points}")).isEmpty();
    assertThat(Units.convert(1, null, "g")).isEmpty();
    assertThat(Units.convert(7, "{score}", "{score}").getAsDouble()).isEqualTo(7);
  }
}
