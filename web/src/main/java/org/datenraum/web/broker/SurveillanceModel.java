package org.datenraum.web.broker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.Alarm;
import org.datenraum.surveillance.syndromic.AgeGroup;
import org.datenraum.surveillance.syndromic.Aggregation;
import org.datenraum.surveillance.syndromic.EpochEvidence;
import org.datenraum.surveillance.syndromic.EpochLabels;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.NetworkSeries;
import org.datenraum.surveillance.syndromic.SeriesEvaluation;
import org.datenraum.surveillance.syndromic.Signal;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.datenraum.surveillance.syndromic.SignalEvaluator;

/**
 * The surveillance page's content from the broker's view, as {@code surveillance network} and
 * {@code surveillance report} compute it: the network's and every site's series through the
 * signal method, charts with the signals marked (every indicator of the network, a site's series
 * with a signal) and the signals with their evidence.
 */
public final class SurveillanceModel {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One chart: its element id, the indicator's id and English label, the age group and the JSON
   * {@code portal.js} draws; the page words the title in its language.
   */
  public record Chart(String id, String indicator, String label, String ageGroup, String json) {}

  /** One signal row. */
  public record Row(String epoch, String kind, String indicator, String ageGroup, double observed, int hidden,
      double expected, double upperBound) {}

  /** The network's or one site's part of the page. */
  public record Section(String site, boolean network, String method, int seriesCount, List<Chart> charts, List<Row> signals) {}

  private SurveillanceModel() {}

  /**
   * The signal method's results over every series of a view, network and sites. Immutable; equal
   * only to itself (the page keeps it by the view's content).
   */
  public static final class Evaluated {
    private final NetworkSeries series;
    private final List<SignalEvaluation> evaluations;

    Evaluated(NetworkSeries series, List<SignalEvaluation> evaluations) {
      this.series = series;
      this.evaluations = List.copyOf(evaluations);
    }

    /** The network's and every site's evaluation, network first. */
    List<SignalEvaluation> evaluations() {
      return evaluations;
    }
  }

  /** The page's sections of the whole view: {@link #evaluate} and {@link #sections} of every day. */
  static Result<List<Section>> of(SurveillanceView view, SignalConfig config) {
    return evaluate(view, config).map(e -> sections(e, view));
  }

  /** Runs the signal method over the network's and every site's series of the view. */
  static Result<Evaluated> evaluate(SurveillanceView view, SignalConfig config) {
    NetworkSeries series = series(view);
    List<SignalEvaluation> out = new ArrayList<>();
    for (var counts : series.all()) {
      Result<SignalEvaluation> e = SignalEvaluator.evaluate(counts, config);
      if (!e.isOk()) {
        return Result.fail(e.problem());
      }
      out.add(e.value());
    }
    return Result.ok(new Evaluated(series, out));
  }

  /**
   * The sections of {@code shown}, a view of some of the evaluated view's days (the evaluated view
   * itself, or one cut from it): the network's and each site's that sent on those days, with the
   * epochs that lie wholly within them and the signals of those epochs, as evaluated over every
   * day of the evaluated view (so an epoch's expected value, bound and alarm do not change with the
   * days shown).
   */
  static List<Section> sections(Evaluated evaluated, SurveillanceView shown) {
    Set<String> sites = new HashSet<>();
    shown.sites().forEach(c -> sites.add(c.site()));
    List<Section> out = new ArrayList<>();
    for (SignalEvaluation e : evaluated.evaluations) {
      if (e.site().equals(NetworkSeries.NETWORK) || sites.contains(e.site())) {
        out.add(section(within(e, shown.first(), shown.last()), evaluated.series, out.size()));
      }
    }
    return out;
  }

  /** The evaluation with only the epochs (and their signals) that start and end within [first, last]. */
  private static SignalEvaluation within(SignalEvaluation e, LocalDate first, LocalDate last) {
    int length = e.aggregation() == Aggregation.DAILY ? 1 : 7;
    Predicate<LocalDate> inside = start -> !start.isBefore(first)
        && !start.plusDays(length - 1L).isAfter(last);
    List<SeriesEvaluation> series = e.series().stream().map(s -> new SeriesEvaluation(s.series(), s.indicator(),
        s.ageGroup(), s.aggregation(), s.epochs().stream().filter(p -> inside.test(p.start())).toList(), s.skipped()))
        .toList();
    return new SignalEvaluation(e.site(), e.method(), e.parameters(), e.aggregation(), series,
        e.signals().stream().filter(s -> inside.test(s.epoch())).toList());
  }

  /** The broker's view in the terms of the surveillance module (as {@code surveillance network} reads it). */
  static NetworkSeries series(SurveillanceView view) {
    List<NetworkSeries.Coverage> sites = view.sites().stream()
        .map(c -> new NetworkSeries.Coverage(c.site(), c.first(), c.last())).toList();
    List<NetworkSeries.Shown> shown = view.series().stream().map(s -> new NetworkSeries.Shown(s.site(),
        new Indicator(s.kind().equals("pathogen") ? Indicator.Kind.PATHOGEN : Indicator.Kind.SYNDROME,
            s.indicator(), s.label()), s.ageGroup(), s.counts(), s.denominators(), s.hidden())).toList();
    return NetworkSeries.of(view.first(), view.last(), sites, shown);
  }

  private static Section section(SignalEvaluation e, NetworkSeries series, int index) {
    boolean network = e.site().equals(NetworkSeries.NETWORK);
    Set<String> signalled = new LinkedHashSet<>();
    List<Row> rows = new ArrayList<>();
    for (Signal s : e.signals()) {
      signalled.add(s.series());
      rows.add(new Row(s.epochLabel(), s.indicator().kind().label(), s.indicator().id(), s.ageGroup().label(),
          s.observed(), series.hidden(s.series(), s.epoch(), s.aggregation()), s.expected(), s.upperBound()));
    }
    List<Chart> charts = new ArrayList<>();
    for (SeriesEvaluation s : e.series()) {
      boolean overview = network && s.ageGroup() == AgeGroup.ALL;
      if (overview || signalled.contains(s.series())) {
        charts.add(chart("chart-" + index + "-" + charts.size(), s));
      }
    }
    return new Section(e.site(), network, e.method() + " " + e.parameters(), e.series().size(), charts, rows);
  }

  private static Chart chart(String id, SeriesEvaluation s) {
    ObjectNode root = JSON.createObjectNode();
    String title = s.indicator().label() + " (" + s.indicator().id() + ", " + s.ageGroup().label() + ")";
    root.put("title", title);
    ArrayNode labels = root.putArray("labels");
    ArrayNode observed = JSON.createArrayNode();
    ArrayNode bound = JSON.createArrayNode();
    ArrayNode alarms = JSON.createArrayNode();
    for (EpochEvidence p : s.epochs()) {
      labels.add(EpochLabels.label(p.start(), s.aggregation()));
      observed.add(p.observed());
      if (Double.isFinite(p.upperBound()) && p.monitored()) {
        bound.add(p.upperBound());
      } else {
        bound.addNull();
      }
      if (p.alarm() == Alarm.RAISED) {
        alarms.add(p.observed());
      } else {
        alarms.addNull();
      }
    }
    ArrayNode lines = root.putArray("series");
    lines.addObject().put("name", "observed").put("type", "bar").set("values", observed);
    lines.addObject().put("name", "upper bound").put("type", "line").set("values", bound);
    lines.addObject().put("name", "signal").put("type", "scatter").put("color", "#a4161a").set("values", alarms);
    return new Chart(id, s.indicator().id(), s.indicator().label(), s.ageGroup().label(), root.toString());
  }
}
