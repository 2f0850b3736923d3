package org.datenraum.web.research;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.Shown;
import org.datenraum.federation.v1.SiteCount;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.web.kit.Dates;
import org.datenraum.web.kit.Messages;

/**
 * A request as its page shows it: each site's status, the merged total under the network's
 * disclosure rules, the per-site breakdown when the rules allow one, and each stratum as a chart.
 * Immutable.
 *
 * @param id       the request id
 * @param done     whether every site reached a final status (the page stops asking)
 * @param sites    each site's status
 * @param total    the merged total as shown (a number or a text such as {@code < 20})
 * @param reporting sites that answered with a number
 * @param suppressed sites that answered below their threshold
 * @param breakdown the per-site counts under random labels, empty when not allowed
 * @param charts   one chart per stratum
 */
public record ResultView(String id, boolean done, List<Site> sites, String total, int reporting, int suppressed,
    List<SiteCount> breakdown, List<Chart> charts) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** A site's line. */
  public record Site(String name, String status, String label, String updated, String message) {}

  /** A chart: its title and its data as the JSON {@code portal.js} draws. */
  public record Chart(String title, String data, Map<String, String> cells) {}

  public static ResultView of(RequestView v, Messages t) {
    List<Site> sites = new ArrayList<>();
    for (SiteState s : v.sites()) {
      sites.add(new Site(s.site(), s.status().wire(), t.get("status." + s.status().wire()), Dates.second(s.updated()),
          s.message() == null ? "" : s.message()));
    }
    List<Chart> charts = new ArrayList<>();
    v.result().strata().forEach((stratum, cells) -> charts.add(chart(title(stratum, t), labelled(stratum, cells, t), t)));
    return new ResultView(v.id(), v.done(), sites, shown(v.result().total(), t), v.result().sitesReporting(),
        v.result().sitesSuppressed(), v.result().sites(), charts);
  }

  /** A stratum's title from the texts; a report's table the texts do not name keeps its own name. */
  private static String title(String stratum, Messages t) {
    return t.has("stratum." + stratum) ? t.get("stratum." + stratum) : stratum;
  }

  /**
   * The cells under their labels in the texts ({@code cell.TABLE.CELL}, the label catalogue), in
   * their order; a cell without a label keeps its name.
   */
  static Map<String, Shown> labelled(String table, Map<String, Shown> cells, Messages t) {
    Map<String, Shown> out = new LinkedHashMap<>();
    cells.forEach((cell, shown) -> {
      String key = "cell." + table + "." + cell;
      out.put(t.has(key) ? t.get(key) : cell, shown);
    });
    return out;
  }

  /** A count as the page's language writes numbers; a hidden one as its text ({@code < 20}). */
  static String shown(Shown s, Messages t) {
    return s.value() != null ? t.number(s.value()) : s.text();
  }

  private static Chart chart(String title, Map<String, Shown> cells, Messages t) {
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("title", title);
    data.put("labels", List.copyOf(cells.keySet()));
    data.put("values", cells.values().stream().map(s -> s.value() == null ? 0L : s.value()).toList());
    data.put("hidden", cells.values().stream().map(s -> s.value() == null ? s.text() : "").toList());
    try {
      Map<String, String> shown = new LinkedHashMap<>();
      cells.forEach((k, v) -> shown.put(k, shown(v, t)));
      return new Chart(title, JSON.writeValueAsString(data), java.util.Collections.unmodifiableMap(shown));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
