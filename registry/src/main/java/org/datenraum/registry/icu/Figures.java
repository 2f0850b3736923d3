package org.datenraum.registry.icu;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datenraum.registry.icu.SofaScore.Component;

/**
 * The indicators of one age group as the report's JSON object: nested maps of counts, shares
 * (null when the denominator is 0) and medians (null without values), keys in a fixed order.
 * Immutable.
 */
public final class Figures {

  private final Map<String, Object> tree;

  private Figures(Map<String, Object> tree) {
    this.tree = Collections.unmodifiableMap(tree);
  }

  static Figures of(GroupTally t) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("stays", t.stays);
    out.put("icuHours", t.hours);
    out.put("ventilation", ventilation(t));
    out.put("lungProtective", lung(t));
    out.put("sofa", sofa(t));
    out.put("sedation", sedation(t));
    Map<String, Object> prone = new LinkedHashMap<>();
    prone.put("staysInvasiveWithPaO2FiO2Below150", t.proneEligible);
    prone.put("shareProned", share(t.proned, t.proneEligible));
    out.put("pronePositioning", prone);
    Map<String, Object> circ = new LinkedHashMap<>();
    circ.put("staysWithVasopressor", t.maxNee.size());
    circ.put("vasopressorHours", t.vasopressorHours);
    circ.put("medianMaxNorepinephrineEquivalentUgPerKgMin", median(t.maxNee));
    circ.put("administrationsWithUnusableRate", t.unusableRates);
    out.put("circulation", circ);
    return new Figures(out);
  }

  private static Map<String, Object> ventilation(GroupTally t) {
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("invasivelyVentilatedStays", t.invasiveStays);
    v.put("invasiveEpisodes", t.episodes[VentilationStatus.INVASIVE.ordinal()]);
    v.put("invasiveHours", t.invasiveEpisodeHours.stream().mapToLong(Integer::longValue).sum());
    v.put("hoursWithInvasiveStatus", t.invasiveStatusHours);
    v.put("nonInvasiveEpisodes", t.episodes[VentilationStatus.NON_INVASIVE.ordinal()]);
    v.put("highFlowEpisodes", t.episodes[VentilationStatus.HIGH_FLOW.ordinal()]);
    v.put("oxygenEpisodes", t.episodes[VentilationStatus.OXYGEN.ordinal()]);
    v.put("reintubations48h", t.reintubations);
    v.put("extubations", t.extubations);
    v.put("reintubationShare", share(t.reintubations, t.extubations));
    v.put("medianInvasiveHours", median(t.invasiveEpisodeHours));
    v.put("staysInvasiveOver96h", t.staysOver96h);
    return v;
  }

  private static Map<String, Object> lung(GroupTally t) {
    Map<String, Object> l = new LinkedHashMap<>();
    l.put("hoursWithTidalVolume", t.tidalVolumeHours);
    l.put("shareAtMost8mlPerKg", share(t.atMost8, t.tidalVolumeHours));
    l.put("shareLungProtective", share(t.protective, t.tidalVolumeHours));
    l.put("ardsStays", t.ardsStays);
    l.put("hoursWithTidalVolumeWithoutHeight", t.withoutHeightHours);
    l.put("ventilatedStaysWithoutHeight", t.ventilatedWithoutHeight);
    l.put("hoursWithPlateauPressure", t.plateauHours);
    l.put("sharePlateauAtMost30", share(t.plateauAtMost30, t.plateauHours));
    return l;
  }

  private static Map<String, Object> sofa(GroupTally t) {
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Integer> histogram = new LinkedHashMap<>();
    for (int score = 0; score <= 24; score++) {
      histogram.put(Integer.toString(score), 0);
    }
    for (int m : t.maxSofa) {
      histogram.merge(Integer.toString(m), 1, Integer::sum);
    }
    s.put("maxSofaHistogram", histogram);
    s.put("medianMaxSofa", median(t.maxSofa));
    Map<String, Object> without = new LinkedHashMap<>();
    for (Component c : Component.values()) {
      without.put(c.name().toLowerCase(Locale.ROOT), share(t.missingSofaHours[c.ordinal()], t.hours));
    }
    s.put("shareOfHoursWithout", without);
    return s;
  }

  private static Map<String, Object> sedation(GroupTally t) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("staysOf8hOrMore", t.sedationStays);
    s.put("shareOfStaysWithRassEvery8h", share(t.sedationEvery8h, t.sedationStays));
    s.put("hoursWithRass", t.rassHours);
    s.put("shareOfHoursDeeplySedated", share(t.deepHours, t.rassHours));
    return s;
  }

  static Double share(long part, long whole) {
    return whole == 0 ? null : (double) part / whole;
  }

  static <T extends Number> Double median(List<T> values) {
    if (values.isEmpty()) {
      return null;
    }
    List<Double> sorted = new ArrayList<>();
    values.forEach(v -> sorted.add(v.doubleValue()));
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The figures as nested maps (values: Integer, Long, Double or null, Map). */
  public Map<String, Object> tree() {
    return tree;
  }

  /** A figure by its path of keys, e.g. {@code ("ventilation", "invasiveEpisodes")}. */
  public Object get(String... path) {
    Object at = tree;
    for (String key : path) {
      at = at instanceof Map<?, ?> m ? m.get(key) : null;
    }
    return at;
  }
}
