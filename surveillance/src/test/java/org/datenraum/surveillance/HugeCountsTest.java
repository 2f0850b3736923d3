package org.datenraum.surveillance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * farringtonFlexible on a series whose expected counts are near 1e38: the salmonella.agona counts
 * of the shared test data times 3.4e37, configuration {@code FF_noufaily_muan}, weeks 300 to 312.
 * The expected upper bounds are R's, computed with R 4.2.2 and surveillance 1.20.3:
 * <pre>
 * y &lt;- as.numeric(salmonella.agona$observed) * 3.4e37
 * s &lt;- sts(observed = matrix(y), start = c(1990, 1), frequency = 52)
 * ctl &lt;- list(range = 300:312, noPeriods = 10, b = 4, w = 3, weightsThreshold = 2.58,
 *             pastWeeksNotIncluded = 26, pThresholdTrend = 1, thresholdMethod = "muan")
 * print(upperbound(farringtonFlexible(s, control = ctl)), digits = 17)
 * </pre>
 * R takes about a second for the 13 weeks.
 */
class HugeCountsTest {

  private static final double[] R_UPPER_BOUNDS = {
      3.2329954059184983e+38, 3.1155954102659586e+38, 2.8984119515946807e+38,
      2.8831724155592960e+38, 2.7481690299706848e+38, 2.3901571576121078e+38,
      2.3046384439783440e+38, 2.2293009096808090e+38, 2.1726764949029098e+38,
      2.1420273536392779e+38, 2.0890518157591081e+38, 2.1784838647962597e+38,
      2.4071578836273759e+38};

  @Test
  void muanBoundsOfHugeCountsAreRsFiniteBoundsAndComeInSeconds() {
    CountSeries agona = ReferenceFiles.inputs("salmonella.agona").get(0);
    double[] scaled = agona.observed().clone();
    for (int i = 0; i < scaled.length; i++) {
      scaled[i] *= 3.4e37;
    }
    CountSeries huge = CountSeries.of(agona.name(), agona.frequency(), scaled);
    Map<String, String> settings =
        new HashMap<>(ReferenceConfigs.settings("FF_noufaily_muan", "salmonella.agona"));
    settings.put("range", "300:312");
    Detector detector = Detectors.fromSettings("farrington-flexible", settings).value();

    long start = System.nanoTime();
    List<WeekResult> weeks = detector.detect(huge).value().weeks();
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(weeks).hasSize(R_UPPER_BOUNDS.length);
    for (int i = 0; i < weeks.size(); i++) {
      double upper = weeks.get(i).upperBound();
      assertThat(upper).as("week %d", 300 + i).isFinite();
      assertThat(upper / R_UPPER_BOUNDS[i]).as("week %d", 300 + i).isCloseTo(1, within(1e-6));
      assertThat(weeks.get(i).alarm()).isEqualTo(Alarm.NONE);
    }
    assertThat(took).isLessThan(Duration.ofSeconds(10));
  }
}
