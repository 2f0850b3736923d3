package org.datenraum.app.surveillance;

import java.util.List;
import java.util.Map;

/**
 * What a surveillance report shows, as plain values that serialise to JSON: the web portal can
 * render the same model. Missing numbers are null. Immutable.
 *
 * @param title page title
 * @param site site name (or the network)
 * @param first first day of the period
 * @param last last day of the period
 * @param generated day the report was made
 * @param method signal method
 * @param parameters the method's controls
 * @param aggregation {@code DAILY} or {@code WEEKLY}
 * @param definitions the case and finding definitions
 * @param overview the all-ages series of every indicator
 * @param signals the signals, numbered from 1
 * @param details the series of every signal, by series name
 * @param notes series the method could not evaluate, with the reason
 */
record ReportModel(String title, String site, String first, String last, String generated,
    String method, Map<String, String> parameters, String aggregation,
    List<Definition> definitions, List<Chart> overview, List<SignalRow> signals,
    List<Chart> details, List<String> notes) {

  /** A syndrome or pathogen definition in words. */
  record Definition(String kind, String id, String label, String criteria, String source) {}

  /** One series to draw. */
  record Chart(String series, String kind, String indicator, String label, String ageGroup,
      List<Point> points) {}

  /** One epoch of a chart; expected and upperBound are null where the method gave none. */
  record Point(String start, String epoch, double observed, double denominator, Double expected,
      Double upperBound, boolean alarm, boolean monitored) {}

  /** One signal with its evidence. */
  record SignalRow(int number, String series, String kind, String indicator, String label,
      String ageGroup, String epoch, String start, double observed, Double expected,
      Double upperBound, double denominator, String method, Map<String, String> parameters) {}
}
