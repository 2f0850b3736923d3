package org.datenraum.app.surveillance;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.AgeGroup;
import org.datenraum.surveillance.syndromic.Aggregation;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.SiteCounts;

/**
 * The broker's shown series as counts that the signal methods take: the network over the view's
 * period and each site over the days it sent. A hidden value counts as 1, its smallest possible
 * value, so every series is a lower bound where it has hidden cells; how many lie in an epoch is
 * kept beside it ({@link #hidden}). A network day that no site sent counts as 0. Immutable.
 */
final class NetworkSeries {

  /** The name of the network's series. */
  static final String NETWORK = "network";

  private final SurveillanceView view;
  private final Map<String, int[]> hidden = new HashMap<>();

  NetworkSeries(SurveillanceView view) {
    this.view = view;
  }

  /** The network's counts, then every site's; empty when the broker holds no day. */
  List<SiteCounts> all() {
    List<SiteCounts> out = new ArrayList<>();
    if (view.last().isBefore(view.first())) {
      return out;
    }
    out.add(counts(NETWORK, view.first(), view.last()));
    for (SurveillanceView.Coverage c : view.sites()) {
      out.add(counts(c.site(), c.first(), c.last()));
    }
    return out;
  }

  /** Hidden cells of a series (named {@code site/indicator/age group}) in the epoch starting on {@code start}. */
  int hidden(String series, LocalDate start, Aggregation aggregation) {
    int[] h = hidden.get(series);
    if (h == null) {
      return 0;
    }
    int from = (int) ChronoUnit.DAYS.between(view.first(), start);
    int sum = 0;
    for (int d = Math.max(0, from); d < Math.min(h.length, from + (aggregation == Aggregation.DAILY ? 1 : 7)); d++) {
      sum += h[d];
    }
    return sum;
  }

  private SiteCounts counts(String site, LocalDate first, LocalDate last) {
    int offset = (int) ChronoUnit.DAYS.between(view.first(), first);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    Map<String, Indicator> indicators = new LinkedHashMap<>();
    List<ShownSeries> mine = new ArrayList<>();
    for (ShownSeries s : view.series()) {
      if (site.equals(s.network() ? NETWORK : s.site())) {
        indicators.putIfAbsent(s.kind() + "/" + s.indicator(), new Indicator(
            s.kind().equals("pathogen") ? Indicator.Kind.PATHOGEN : Indicator.Kind.SYNDROME, s.indicator(), s.label()));
        mine.add(s);
      }
    }
    List<String> keys = new ArrayList<>(indicators.keySet());
    int[][][] counts = new int[keys.size()][AgeGroup.values().length][days];
    int[][][] denominators = new int[keys.size()][AgeGroup.values().length][days];
    for (ShownSeries s : mine) {
      AgeGroup group = AgeGroup.ofLabel(s.ageGroup());
      if (group == null) {
        continue;
      }
      int i = keys.indexOf(s.kind() + "/" + s.indicator());
      for (int d = 0; d < days; d++) {
        counts[i][group.ordinal()][d] = value(s.counts().get(offset + d), s.network());
        denominators[i][group.ordinal()][d] = value(s.denominators().get(offset + d), s.network());
      }
      hidden.put(site + "/" + s.indicator() + "/" + s.ageGroup(), s.hidden().stream().mapToInt(Integer::intValue)
          .toArray());
    }
    return SiteCounts.of(site, first, last, List.copyOf(indicators.values()), counts, denominators);
  }

  /**
   * A shown value; else, within a site's days, 1 for its hidden value; a network value is missing
   * only where no site sent the day (its hidden parts are already counted in), so 0.
   */
  private static int value(Integer shown, boolean network) {
    if (shown != null) {
      return shown;
    }
    return network ? 0 : 1;
  }
}
