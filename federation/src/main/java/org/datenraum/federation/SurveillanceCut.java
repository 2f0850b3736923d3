package org.datenraum.federation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.datenraum.federation.v1.ShownSeries;
import org.datenraum.federation.v1.SurveillanceView;

/**
 * A surveillance view of some days cut from the view of all days, equal to the view the broker
 * builds for those days from its stored cells. Every value of a day depends only on the sites'
 * cells of that day, so cutting keeps it; what depends on the range is recomputed as the broker
 * computes it: the first and last day (the first and last day within the bounds on which any site
 * sent, or the lower bound and the day before it when none did), which series are there (a site's
 * series sent on some day within them; a network series when any site's is), and each site's
 * coverage (its first and last day sent within them). Stateless.
 */
public final class SurveillanceCut {

  private SurveillanceCut() {}

  /**
   * The days [{@code from}, {@code to}] of {@code whole}, a view of every day the standing request
   * holds; null bounds mean the standing request's start and the whole view's last day. The caller
   * checks that {@code from} is not after {@code to}.
   */
  public static SurveillanceView of(SurveillanceView whole, LocalDate from, LocalDate to) {
    LocalDate start = whole.standing().start();
    LocalDate lower = from != null && from.isAfter(start) ? from : start;
    LocalDate upper = to != null && to.isBefore(whole.last()) ? to : whole.last();
    int a = index(whole, lower.isAfter(whole.first()) ? lower : whole.first());
    int b = index(whole, upper);
    while (a <= b && whole.sitesReporting().get(a) == 0) {
      a++;
    }
    while (b >= a && whole.sitesReporting().get(b) == 0) {
      b--;
    }
    if (a > b) {
      return new SurveillanceView(whole.standing(), lower, lower.minusDays(1), List.of(), List.of(), List.of());
    }
    List<ShownSeries> sites = new ArrayList<>();
    Set<String> sent = new HashSet<>();
    for (ShownSeries s : whole.series()) {
      if (!s.network() && sentWithin(s, a, b)) {
        sites.add(cut(s, a, b));
        sent.add(key(s));
      }
    }
    List<ShownSeries> series = new ArrayList<>();
    for (ShownSeries s : whole.series()) {
      if (s.network() && sent.contains(key(s))) {
        series.add(cut(s, a, b));
      }
    }
    series.addAll(sites);
    return new SurveillanceView(whole.standing(), whole.first().plusDays(a), whole.first().plusDays(b),
        coverage(whole, sites, a), whole.sitesReporting().subList(a, b + 1), series);
  }

  private static int index(SurveillanceView v, LocalDate day) {
    return (int) (day.toEpochDay() - v.first().toEpochDay());
  }

  /** Whether the site sent this series on a day of [a, b]: a shown value, or one hidden that day. */
  private static boolean sentWithin(ShownSeries s, int a, int b) {
    for (int d = a; d <= b; d++) {
      if (sent(s, d)) {
        return true;
      }
    }
    return false;
  }

  private static boolean sent(ShownSeries s, int d) {
    return s.counts().get(d) != null || s.hidden().get(d) > 0;
  }

  private static String key(ShownSeries s) {
    return s.kind() + "\u0000" + s.indicator() + "\u0000" + s.ageGroup();
  }

  private static ShownSeries cut(ShownSeries s, int a, int b) {
    return new ShownSeries(s.site(), s.kind(), s.indicator(), s.label(), s.ageGroup(), s.counts().subList(a, b + 1),
        s.denominators().subList(a, b + 1), s.hidden().subList(a, b + 1));
  }

  /** Each site's first and last day sent within the cut, in the whole view's order of sites. */
  private static List<SurveillanceView.Coverage> coverage(SurveillanceView whole, List<ShownSeries> cut, int a) {
    List<SurveillanceView.Coverage> out = new ArrayList<>();
    for (SurveillanceView.Coverage c : whole.sites()) {
      int first = Integer.MAX_VALUE;
      int last = -1;
      for (ShownSeries s : cut) {
        if (c.site().equals(s.site())) {
          for (int d = 0; d < s.counts().size(); d++) {
            if (sent(s, d)) {
              first = Math.min(first, d);
              last = Math.max(last, d);
            }
          }
        }
      }
      if (last >= 0) {
        LocalDate day = whole.first().plusDays(a);
        out.add(new SurveillanceView.Coverage(c.site(), day.plusDays(first), day.plusDays(last), c.minimumCell()));
      }
    }
    return out;
  }
}
