package org.datenraum.surveillance;

import java.util.List;
import java.util.Map;
import org.datenraum.core.Result;

/** Creates the detectors of this module. */
public final class Detectors {

  /** Method names accepted by {@link #fromSettings}. */
  public static final List<String> METHODS =
      List.of("farrington-flexible", "farrington", "ears-c1", "ears-c2", "ears-c3", "cusum");

  private Detectors() {}

  public static Detector farringtonFlexible(FarringtonFlexibleControl control) {
    return new FarringtonFlexibleDetector(control);
  }

  public static Detector farrington(FarringtonControl control) {
    return new Farrington1996Detector(control);
  }

  public static Detector earsC(EarsControl control) {
    return new EarsDetector(control);
  }

  public static Detector cusum(CusumControl control) {
    return new CusumDetector(control);
  }

  /**
   * A detector for a method name and R-style control settings ({@code b=5},
   * {@code limit54=5,4}, {@code thresholdMethod=nbPlugin}, {@code range=210:312}); unset controls
   * take the package's defaults.
   */
  public static Result<Detector> fromSettings(String method, Map<String, String> settings) {
    return ControlSettings.parse(method, settings);
  }
}
