package org.datenraum.web.broker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.SignalConfig;

/**
 * The surveillance page's evaluated sections, kept for the views evaluated last: keyed by the
 * content of the broker's view (its range, sites and every series' counts, so a new round's data
 * is a new key) and the signal method's configuration. A repeated view with the same content
 * costs a lookup instead of the signal evaluation. Failures are not kept. Thread-safe; two
 * first views of the same content at once may both evaluate.
 */
final class SurveillanceCache {

  private record Key(SurveillanceView view, SignalConfig config) {}

  private final int capacity;
  private final BiFunction<SurveillanceView, SignalConfig, Result<List<SurveillanceModel.Section>>> evaluate;
  private final Map<Key, CompletableFuture<Result<List<SurveillanceModel.Section>>>> kept;

  SurveillanceCache(int capacity,
      BiFunction<SurveillanceView, SignalConfig, Result<List<SurveillanceModel.Section>>> evaluate) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity `" + capacity + "` keeps nothing: give at least 1.");
    }
    this.capacity = capacity;
    this.evaluate = evaluate;
    this.kept = new LinkedHashMap<>(16, 0.75f, true);
  }

  /** The cache the portal uses: the last eight views (ranges and rounds) through {@link SurveillanceModel}. */
  static SurveillanceCache forPortal() {
    return new SurveillanceCache(8, SurveillanceModel::of);
  }

  /** The sections of this view, evaluated now or taken from an earlier view of the same content. */
  Result<List<SurveillanceModel.Section>> sections(SurveillanceView view, SignalConfig config) {
    Key key = new Key(view, config);
    CompletableFuture<Result<List<SurveillanceModel.Section>>> mine = new CompletableFuture<>();
    CompletableFuture<Result<List<SurveillanceModel.Section>>> found;
    synchronized (kept) {
      found = kept.get(key);
      if (found == null) {
        kept.put(key, mine);
        if (kept.size() > capacity) {
          kept.remove(kept.keySet().iterator().next());
        }
      }
    }
    if (found != null) {
      return found.join();
    }
    Result<List<SurveillanceModel.Section>> r;
    try {
      r = evaluate.apply(view, config);
      r = r.isOk() ? Result.ok(List.copyOf(r.value())) : r;
    } catch (RuntimeException e) {
      forget(key, mine);
      mine.completeExceptionally(e);
      throw e;
    }
    if (!r.isOk()) {
      forget(key, mine);
    }
    mine.complete(r);
    return r;
  }

  private void forget(Key key, CompletableFuture<Result<List<SurveillanceModel.Section>>> entry) {
    synchronized (kept) {
      kept.remove(key, entry);
    }
  }
}
