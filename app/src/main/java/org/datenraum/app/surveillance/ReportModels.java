package org.datenraum.app.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.surveillance.Alarm;
import org.datenraum.surveillance.syndromic.AgeGroup;
import org.datenraum.surveillance.syndromic.EpochEvidence;
import org.datenraum.surveillance.syndromic.EpochLabels;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.PathogenDefinition;
import org.datenraum.surveillance.syndromic.SeriesEvaluation;
import org.datenraum.surveillance.syndromic.Signal;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.datenraum.surveillance.syndromic.SyndromeDefinition;

/** Builds the {@link ReportModel} of a site from its counts and signal evaluation. */
final class ReportModels {

  private ReportModels() {}

  static ReportModel of(SiteOptions.Loaded site, SignalEvaluation evaluation, LocalDate today) {
    List<ReportModel.Chart> overview = new ArrayList<>();
    for (Indicator i : site.counts().indicators()) {
      overview.add(chart(evaluation.series(i, AgeGroup.ALL)));
    }
    List<ReportModel.SignalRow> rows = new ArrayList<>();
    Map<String, ReportModel.Chart> details = new LinkedHashMap<>();
    for (Signal s : evaluation.signals()) {
      double denominator = evaluation.series(s.indicator(), s.ageGroup()).epochs()
          .get(s.epochIndex() - 1).denominator();
      rows.add(row(rows.size() + 1, s, denominator));
      details.computeIfAbsent(s.series(),
          name -> chart(evaluation.series(s.indicator(), s.ageGroup())));
    }
    Set<String> notes = new LinkedHashSet<>();
    for (SeriesEvaluation s : evaluation.series()) {
      s.skipped().ifPresent(reason -> notes.add(s.series() + ": " + reason));
    }
    return new ReportModel(new ReportModel.Heading("Syndromic and pathogen surveillance: " + site.counts().site(),
        site.counts().site(), site.counts().first().toString(), site.counts().last().toString(),
        today.toString()), new ReportModel.MethodUsed(evaluation.method(), evaluation.parameters()),
        evaluation.aggregation().name(), definitions(site), overview, rows,
        List.copyOf(details.values()), List.copyOf(notes));
  }

  static ReportModel.SignalRow row(int number, Signal s, double denominator) {
    return new ReportModel.SignalRow(number, new ReportModel.SeriesLabel(s.series(), s.indicator().kind().label(),
        s.indicator().id(), s.indicator().label(), s.ageGroup().label()), new ReportModel.Reading(s.epochLabel(),
        s.epoch().toString(), s.observed(), number(s.expected()), number(s.upperBound()), denominator),
        new ReportModel.MethodUsed(s.method(), s.parameters()));
  }

  private static ReportModel.Chart chart(SeriesEvaluation s) {
    List<ReportModel.Point> points = new ArrayList<>();
    for (EpochEvidence e : s.epochs()) {
      points.add(new ReportModel.Point(e.start().toString(),
          EpochLabels.label(e.start(), s.aggregation()), e.observed(), e.denominator(),
          number(e.expected()), number(e.upperBound()), e.alarm() == Alarm.RAISED,
          e.monitored()));
    }
    return new ReportModel.Chart(s.series(), s.indicator().kind().label(), s.indicator().id(),
        s.indicator().label(), s.ageGroup().label(), points);
  }

  private static List<ReportModel.Definition> definitions(SiteOptions.Loaded site) {
    List<ReportModel.Definition> out = new ArrayList<>();
    for (SyndromeDefinition d : site.syndromes()) {
      out.add(new ReportModel.Definition("syndrome", d.id(), d.label(), criteria(d), d.source()));
    }
    for (PathogenDefinition p : site.pathogens()) {
      out.add(new ReportModel.Definition("pathogen", p.id(), p.label(),
          "positive result of LOINC " + String.join(", ", new java.util.TreeSet<>(p.loinc())),
          "microbiology observations"));
    }
    return out;
  }

  private static String criteria(SyndromeDefinition d) {
    List<String> parts = new ArrayList<>();
    if (!d.diagnoses().isEmpty()) {
      parts.add("ICD-10-GM " + String.join(", ", d.diagnoses()));
    }
    if (!d.complaints().isEmpty()) {
      parts.add("CEDIS " + String.join(", ", new java.util.TreeSet<>(d.complaints())));
    }
    String joined = String.join(d.combination() == SyndromeDefinition.Combination.ANY
        ? " or " : " and ", parts);
    return d.admissionRequired() ? "(" + joined + ") and admitted from the ED" : joined;
  }

  private static Double number(double v) {
    return Double.isFinite(v) ? v : null;
  }
}
