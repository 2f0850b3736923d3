package org.datenraum.broker.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.datenraum.federation.v1.Count;
import org.datenraum.federation.v1.MergedResult;
import org.datenraum.federation.v1.Shown;
import org.datenraum.federation.v1.SiteCount;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.privacy.NetworkDisclosure;

/**
 * Adds the sites' protected answers and applies the network's rules: hidden small totals and
 * cells, and a breakdown under random labels only from enough large sites. Strata, tables and
 * cells keep the order in which the sites give them (their domain order: age bands ascending,
 * a report's own order), not the alphabet's, which would put {@code 100+} before {@code 20-29}.
 * Stateless.
 */
final class Merge {

  private Merge() {}

  /**
   * @param results the completed sites' answers, by site name
   * @param label   the random label of a site for this request
   */
  static MergedResult of(NetworkDisclosure rules, Map<String, SiteResult> results, Function<String, String> label) {
    long sum = 0;
    int reporting = 0;
    int suppressed = 0;
    Map<String, Long> perSite = new TreeMap<>();
    for (Map.Entry<String, SiteResult> e : results.entrySet()) {
      Count total = e.getValue().total();
      if (total.isSuppressed()) {
        suppressed++;
      } else {
        reporting++;
        sum += total.value();
        perSite.put(e.getKey(), total.value());
      }
    }
    boolean showTotal = rules.showsTotal(sum);
    Shown total = showTotal ? Shown.number(sum) : Shown.hidden(rules.suppressedText());
    return new MergedResult(total, reporting, suppressed, breakdown(rules, perSite, label, showTotal),
        strata(rules, results, showTotal));
  }

  private static List<SiteCount> breakdown(NetworkDisclosure rules, Map<String, Long> perSite,
      Function<String, String> label, boolean showTotal) {
    long[] counts = perSite.values().stream().mapToLong(Long::longValue).toArray();
    if (!showTotal || !rules.showsBreakdown(counts)) {
      return List.of();
    }
    List<SiteCount> out = new ArrayList<>();
    perSite.forEach((site, c) -> {
      if (rules.listsSite(c)) {
        out.add(new SiteCount(label.apply(site), c));
      }
    });
    out.sort(Comparator.comparing(SiteCount::label));
    return out;
  }

  private static Map<String, Map<String, Shown>> strata(NetworkDisclosure rules, Map<String, SiteResult> results,
      boolean showTotal) {
    Map<String, Map<String, Long>> sums = new LinkedHashMap<>();
    for (SiteResult r : results.values()) {
      r.strata().forEach((stratum, cells) -> cells.forEach((cell, count) -> {
        Map<String, Long> s = sums.computeIfAbsent(stratum, k -> new LinkedHashMap<>());
        s.merge(cell, count.isSuppressed() ? 0L : count.value(), Long::sum);
      }));
    }
    Map<String, Map<String, Shown>> out = new LinkedHashMap<>();
    sums.forEach((stratum, cells) -> {
      Map<String, Shown> shown = new LinkedHashMap<>();
      cells.forEach((cell, sum) -> shown.put(cell, showTotal && rules.showsTotal(sum)
          ? Shown.number(sum) : Shown.hidden(rules.suppressedText())));
      out.put(stratum, shown);
    });
    return out;
  }
}
