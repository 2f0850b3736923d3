package org.datenraum.web.broker;

import java.util.List;
import java.util.function.BiFunction;
import org.datenraum.core.BuiltOnce;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.SignalConfig;

/**
 * The surveillance page's evaluated sections, kept for the views evaluated last: keyed by the
 * content of the broker's view (its range, sites and every series' counts, so a new round's data
 * is a new key) and the signal method's configuration. A repeated view with the same content
 * costs a lookup instead of the signal evaluation. Failures are not kept. Thread-safe; a view
 * asked while its content is being evaluated waits for that evaluation.
 */
final class SurveillanceCache {

  private record Key(SurveillanceView view, SignalConfig config) {}

  private final BuiltOnce<Key, Result<List<SurveillanceModel.Section>>> kept;
  private final BiFunction<SurveillanceView, SignalConfig, Result<List<SurveillanceModel.Section>>> evaluate;

  SurveillanceCache(int capacity,
      BiFunction<SurveillanceView, SignalConfig, Result<List<SurveillanceModel.Section>>> evaluate) {
    this.kept = new BuiltOnce<>(capacity);
    this.evaluate = evaluate;
  }

  /** The cache the portal uses: the last eight views (ranges and rounds) through {@link SurveillanceModel}. */
  static SurveillanceCache forPortal() {
    return new SurveillanceCache(8, SurveillanceModel::of);
  }

  /** The sections of this view, evaluated now or taken from an earlier view of the same content. */
  Result<List<SurveillanceModel.Section>> sections(SurveillanceView view, SignalConfig config) {
    return kept.get(new Key(view, config), () -> {
      Result<List<SurveillanceModel.Section>> r = evaluate.apply(view, config);
      return r.isOk() ? Result.ok(List.copyOf(r.value())) : r;
    }, Result::isOk);
  }
}
