package org.datenraum.web.broker;

import java.util.function.BiFunction;
import org.datenraum.core.BuiltOnce;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.SignalConfig;

/**
 * The signal method's results for the views evaluated last: keyed by the content of the broker's
 * view (its range, sites and every series' counts, so a new round's data is a new key) and the
 * signal method's configuration. A repeated view with the same content costs a lookup instead of
 * the signal evaluation. Failures are not kept. Thread-safe; a view asked while its content is
 * being evaluated waits for that evaluation.
 */
final class SurveillanceCache {

  private record Key(SurveillanceView view, SignalConfig config) {}

  private final BuiltOnce<Key, Result<SurveillanceModel.Evaluated>> kept;
  private final BiFunction<SurveillanceView, SignalConfig, Result<SurveillanceModel.Evaluated>> evaluate;

  SurveillanceCache(int capacity,
      BiFunction<SurveillanceView, SignalConfig, Result<SurveillanceModel.Evaluated>> evaluate) {
    this.kept = new BuiltOnce<>(capacity);
    this.evaluate = evaluate;
  }

  /** The cache the portal uses: the last eight views (rounds) through {@link SurveillanceModel}. */
  static SurveillanceCache forPortal() {
    return new SurveillanceCache(8, SurveillanceModel::evaluate);
  }

  /** The evaluation of this view, run now or taken from an earlier view of the same content. */
  Result<SurveillanceModel.Evaluated> evaluated(SurveillanceView view, SignalConfig config) {
    return kept.get(new Key(view, config), () -> evaluate.apply(view, config), Result::isOk);
  }
}
