package org.datenraum.surveillance.syndromic;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A broker's shown series as counts that the signal methods take: the network over the view's
 * period and each site over the days it sent. A hidden value counts as 1, its smallest possible
 * value, so every series is a lower bound where it has hidden cells; how many lie in an epoch is
 * kept beside it ({@link #hidden}). A network day that no site sent counts as 0. Immutable.
 */
public final class NetworkSeries {

  /** The name of the network's series. */
  public static final String NETWORK = "network";

  /** The days a site sent. */
  public record Coverage(String site, LocalDate first, LocalDate last) {
    public Coverage {
      requireNonNull(site, "site");
      requireNonNull(first, "first");
      requireNonNull(last, "last");
    }
  }

  /**
   * A series as shown: one value per day of the view ({@code null} where hidden) and the hidden
   * site cells in each day's value.
   *
   * @param site the site, or null for the network
   */
  public record Shown(String site, Indicator indicator, String ageGroup, List<Integer> counts,
      List<Integer> denominators, List<Integer> hidden) {
    public Shown {
      requireNonNull(indicator, "indicator");
      requireNonNull(ageGroup, "ageGroup");
      counts = Collections.unmodifiableList(new ArrayList<>(counts));
      denominators = Collections.unmodifiableList(new ArrayList<>(denominators));
      hidden = List.copyOf(hidden);
      if (counts.size() != denominators.size() || counts.size() != hidden.size()) {
        throw new IllegalArgumentException("counts, denominators and hidden differ in length");
      }
    }

    boolean network() {
      return site == null;
    }
  }

  private final LocalDate first;
  private final List<SiteCounts> all;
  private final Map<String, int[]> hidden;

  private NetworkSeries(LocalDate first, List<SiteCounts> all, Map<String, int[]> hidden) {
    this.first = first;
    this.all = List.copyOf(all);
    this.hidden = hidden;
  }

  /** The series of the view from {@code first} through {@code last}. */
  public static NetworkSeries of(LocalDate first, LocalDate last, List<Coverage> sites,
      List<Shown> series) {
    List<SiteCounts> all = new ArrayList<>();
    Map<String, int[]> hidden = new HashMap<>();
    if (!last.isBefore(first)) {
      all.add(counts(NETWORK, first, first, last, series, hidden));
      for (Coverage c : sites) {
        all.add(counts(c.site(), first, c.first(), c.last(), series, hidden));
      }
    }
    return new NetworkSeries(first, all, hidden);
  }

  /** The network's counts, then every site's; empty when the view holds no day. */
  public List<SiteCounts> all() {
    return all;
  }

  /** Hidden cells of a series (named {@code site/indicator/age group}) in the epoch starting on {@code start}. */
  public int hidden(String series, LocalDate start, Aggregation aggregation) {
    int[] h = hidden.get(series);
    if (h == null) {
      return 0;
    }
    int from = (int) ChronoUnit.DAYS.between(first, start);
    int to = Math.min(h.length, from + (aggregation == Aggregation.DAILY ? 1 : 7));
    int sum = 0;
    for (int d = Math.max(0, from); d < to; d++) {
      sum += h[d];
    }
    return sum;
  }

  private static SiteCounts counts(String site, LocalDate viewFirst, LocalDate first,
      LocalDate last, List<Shown> series, Map<String, int[]> hidden) {
    int offset = (int) ChronoUnit.DAYS.between(viewFirst, first);
    int days = (int) ChronoUnit.DAYS.between(first, last) + 1;
    Map<String, Indicator> indicators = new LinkedHashMap<>();
    List<Shown> mine = new ArrayList<>();
    for (Shown s : series) {
      if (site.equals(s.network() ? NETWORK : s.site())) {
        indicators.putIfAbsent(key(s), s.indicator());
        mine.add(s);
      }
    }
    List<String> keys = new ArrayList<>(indicators.keySet());
    int[][][] counts = new int[keys.size()][AgeGroup.values().length][days];
    int[][][] denominators = new int[keys.size()][AgeGroup.values().length][days];
    for (Shown s : mine) {
      AgeGroup group = AgeGroup.ofLabel(s.ageGroup());
      if (group == null) {
        continue;
      }
      int i = keys.indexOf(key(s));
      for (int d = 0; d < days; d++) {
        counts[i][group.ordinal()][d] = value(s.counts().get(offset + d), s.network());
        denominators[i][group.ordinal()][d] = value(s.denominators().get(offset + d), s.network());
      }
      hidden.put(site + "/" + s.indicator().id() + "/" + s.ageGroup(),
          s.hidden().stream().mapToInt(Integer::intValue).toArray());
    }
    return SiteCounts.of(site, first, last, List.copyOf(indicators.values()), counts, denominators);
  }

  private static String key(Shown s) {
    return s.indicator().kind().label() + "/" + s.indicator().id();
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
