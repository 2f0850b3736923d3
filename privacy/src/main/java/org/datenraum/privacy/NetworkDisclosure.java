package org.datenraum.privacy;

/**
 * How the broker shows the sum of the sites' protected answers: a total below {@code minTotal}
 * is shown only as "&lt; minTotal"; a per-site breakdown is shown only when at least
 * {@code minSites} sites each report more than {@code minSiteCount}, and lists only those. Immutable.
 */
public record NetworkDisclosure(long minTotal, int minSites, long minSiteCount) {

  public NetworkDisclosure {
    if (minTotal < 0 || minSites < 1 || minSiteCount < 0) {
      throw new IllegalArgumentException("network disclosure settings must be non-negative and"
          + " at least one site: got minTotal " + minTotal + ", minSites " + minSites
          + ", minSiteCount " + minSiteCount + ".");
    }
  }

  /** "&lt; 20"; breakdown from 3 sites that each report more than 20. */
  public static NetworkDisclosure defaults() {
    return new NetworkDisclosure(20, 3, 20);
  }

  /** Whether a merged count may be shown as a number. */
  public boolean showsTotal(long total) {
    return total >= minTotal;
  }

  /** The text shown instead of a suppressed merged count. */
  public String suppressedText() {
    return "< " + minTotal;
  }

  /**
   * Whether a per-site breakdown may be shown: when at least {@code minSites} sites each report
   * more than {@code minSiteCount}. It then lists only those sites.
   */
  public boolean showsBreakdown(long[] siteCounts) {
    int large = 0;
    for (long c : siteCounts) {
      if (listsSite(c)) {
        large++;
      }
    }
    return large >= minSites;
  }

  /** Whether a site with this count appears in a shown breakdown. */
  public boolean listsSite(long siteCount) {
    return siteCount > minSiteCount;
  }
}
