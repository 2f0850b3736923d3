package org.datenraum.app.surveillance;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a surveillance report shows, as plain values that serialise to JSON: the web portal can
 * render the same model. The groups are written flat (the JSON has the single values at the top).
 * Missing numbers are null. Immutable.
 *
 * @param heading     title, site and period
 * @param evaluation  the signal method and its controls
 * @param aggregation {@code DAILY} or {@code WEEKLY}
 * @param definitions the case and finding definitions
 * @param overview    the all-ages series of every indicator
 * @param signals     the signals, numbered from 1
 * @param details     the series of every signal, by series name
 * @param notes       series the method could not evaluate, with the reason
 */
record ReportModel(@JsonUnwrapped Heading heading, @JsonUnwrapped MethodUsed evaluation, String aggregation,
    List<Definition> definitions, List<Chart> overview, List<SignalRow> signals, List<Chart> details,
    List<String> notes) {

  ReportModel {
    requireNonNull(heading, "heading");
    requireNonNull(evaluation, "evaluation");
    requireNonNull(aggregation, "aggregation");
    definitions = List.copyOf(definitions);
    overview = List.copyOf(overview);
    signals = List.copyOf(signals);
    details = List.copyOf(details);
    notes = List.copyOf(notes);
  }

  String title() {
    return heading.title();
  }

  String first() {
    return heading.first();
  }

  String last() {
    return heading.last();
  }

  String generated() {
    return heading.generated();
  }

  String method() {
    return evaluation.method();
  }

  Map<String, String> parameters() {
    return evaluation.parameters();
  }

  /**
   * Title, site and period of a report.
   *
   * @param title     page title
   * @param site      site name (or the network)
   * @param first     first day of the period
   * @param last      last day of the period
   * @param generated day the report was made
   */
  record Heading(String title, String site, String first, String last, String generated) {
    Heading {
      requireNonNull(title, "title");
      requireNonNull(site, "site");
    }
  }

  /** A signal method with its controls, sorted by name. */
  record MethodUsed(String method, Map<String, String> parameters) {
    MethodUsed {
      requireNonNull(method, "method");
      parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
    }
  }

  /** A syndrome or pathogen definition in words. */
  record Definition(String kind, String id, String label, String criteria, String source) {}

  /** Which series a chart or a signal belongs to. */
  record SeriesLabel(String series, String kind, String indicator, String label, String ageGroup) {
    SeriesLabel {
      requireNonNull(series, "series");
    }
  }

  /** One series to draw. */
  record Chart(String series, String kind, String indicator, String label, String ageGroup,
      List<Point> points) {
    Chart {
      requireNonNull(series, "series");
      points = List.copyOf(points);
    }
  }

  /** One epoch of a chart; expected and upperBound are null where the method gave none. */
  record Point(String start, String epoch, double observed, double denominator, Double expected,
      Double upperBound, boolean alarm, boolean monitored) {}

  /** The epoch a signal fell in and what was seen and expected there (null where the method gave none). */
  record Reading(String epoch, String start, double observed, Double expected, Double upperBound,
      double denominator) {
    Reading {
      requireNonNull(epoch, "epoch");
      requireNonNull(start, "start");
    }
  }

  /** One signal with its evidence, written flat. */
  record SignalRow(int number, @JsonUnwrapped SeriesLabel name, @JsonUnwrapped Reading reading,
      @JsonUnwrapped MethodUsed evaluation) {

    SignalRow {
      requireNonNull(name, "name");
      requireNonNull(reading, "reading");
      requireNonNull(evaluation, "evaluation");
    }

    String series() {
      return name.series();
    }

    String kind() {
      return name.kind();
    }

    String label() {
      return name.label();
    }

    String ageGroup() {
      return name.ageGroup();
    }

    String epoch() {
      return reading.epoch();
    }

    String start() {
      return reading.start();
    }

    double observed() {
      return reading.observed();
    }

    Double expected() {
      return reading.expected();
    }

    Double upperBound() {
      return reading.upperBound();
    }

    double denominator() {
      return reading.denominator();
    }

    String method() {
      return evaluation.method();
    }

    Map<String, String> parameters() {
      return evaluation.parameters();
    }
  }
}
