package org.datenraum.node;

import java.util.Optional;

/** Opens the site's data for one task of the node; the node closes it when the task ends. */
@FunctionalInterface
public interface SiteOpener {

  /** The site's data, or nothing while another process (a load, a query) holds the store. */
  Optional<SiteData> open();

  /** The site's data while it is open: the cohorts and the daily counts, read from one store opening. */
  interface SiteData extends AutoCloseable {

    Cohorts cohorts();

    DailyCountsSource daily();

    /** The registry reports, read from the same store opening; none unless the site wires them. */
    default SiteReports reports() {
      return SiteReports.none();
    }

    /** Closes the store, so that other processes can open it. */
    @Override
    void close();
  }
}
