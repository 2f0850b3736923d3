package org.datenraum.surveillance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.datenraum.core.Result;
import org.junit.jupiter.api.Test;

class ControlSettingsTest {

  @Test
  void unknownMethodListsTheKnownOnes() {
    Result<Detector> r = Detectors.fromSettings("farrington-flex", Map.of());
    assertThat(r.problem().code()).isEqualTo("DR-6001");
    assertThat(r.problem().message()).contains("`farrington-flex`").contains("ears-c2");
  }

  @Test
  void invalidValuesNameTheControl() {
    assertThat(Detectors.fromSettings("farrington-flexible", Map.of("b", "five")).problem()
        .message()).contains("`b`").contains("`five`");
    assertThat(Detectors.fromSettings("farrington-flexible",
        Map.of("thresholdMethod", "nbplugin")).problem().message())
        .contains("delta, nbPlugin, muan");
    assertThat(Detectors.fromSettings("farrington-flexible", Map.of("limit54", "5")).problem()
        .message()).contains("limit54=5,4");
    assertThat(Detectors.fromSettings("ears-c1", Map.of("baseline", "2")).problem().code())
        .isEqualTo("DR-6003");
  }

  @Test
  void rVectorSyntaxAndLogicalsAreAccepted() {
    assertThat(Detectors.fromSettings("farrington",
        Map.of("limit54", "c(0,50)", "reweight", "FALSE", "range", "300:312")).isOk()).isTrue();
  }

  @Test
  void aRangeBeyondTheSeriesIsAProblemNotAnException() {
    CountSeries series = CountSeries.of("short", 52, new double[100]);
    Result<Detection> r = Detectors.fromSettings("farrington-flexible", Map.of()).value()
        .detect(series);
    assertThat(r.problem().code()).isEqualTo("DR-6104");
    assertThat(r.problem().message()).contains("`short`").contains("decrease `b`");
  }
}
