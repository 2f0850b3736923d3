package org.datenraum.node;

import java.util.Optional;
import org.datenraum.store.PatientNumbering;

/** Opens the site's data for one task of the node; the node closes it when the task ends. */
@FunctionalInterface
public interface SiteOpener {

  /** The site's data, or nothing while another process (a load, a query) holds the store. */
  Optional<SiteData> open();

  /**
   * The patient numbering of data this opener holds open across tasks (one store held read-only),
   * so that what is kept by number can be made before the first task; none by default.
   */
  default Optional<PatientNumbering> heldNumbering() {
    return Optional.empty();
  }

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
