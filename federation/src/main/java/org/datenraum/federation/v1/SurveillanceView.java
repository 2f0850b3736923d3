package org.datenraum.federation.v1;

import java.time.LocalDate;
import java.util.List;

/**
 * The network's surveillance series as the broker shows them to researchers. Immutable.
 *
 * @param standing       the standing request, with the minimum cell size applied
 * @param first          the first day of every series
 * @param last           the last day (inclusive); before {@code first} when nothing has arrived
 * @param sites          what each site has sent
 * @param sitesReporting per day, how many sites sent that day
 * @param series         the network series and every site's series
 */
public record SurveillanceView(StandingSurveillance standing, LocalDate first, LocalDate last,
    List<Coverage> sites, List<Integer> sitesReporting, List<ShownSeries> series) {

  public SurveillanceView {
    Fields.required(standing, "standing");
    Fields.required(first, "first");
    Fields.required(last, "last");
    sites = Fields.list(sites);
    sitesReporting = DailySeries.values(sitesReporting, "sitesReporting");
    series = Fields.list(series);
  }

  /**
   * The days one site has sent. Immutable.
   *
   * @param site        the site's name
   * @param first       its first day
   * @param last        its last day
   * @param minimumCell the site's own minimum cell size
   */
  public record Coverage(String site, LocalDate first, LocalDate last, int minimumCell) {
    public Coverage {
      Fields.text(site, "site");
      Fields.required(first, "first");
      Fields.required(last, "last");
    }
  }
}
