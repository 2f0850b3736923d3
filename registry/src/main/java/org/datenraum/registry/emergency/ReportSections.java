package org.datenraum.registry.emergency;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's sections in AKTIN's order, each a chart with its table beside it; shared by the
 * HTML and the PDF. Stateless.
 */
public final class ReportSections {

  /** A heading, a PNG chart (or null), the rows of the table beside it (first row: the header). */
  public record Section(String heading, byte[] chart, List<List<String>> table) {
    public Section {
      table = table.stream().map(List::copyOf).toList();
    }
  }

  private ReportSections() {}

  public static List<Section> of(MonthlyEmergencyReport r) {
    long visits = r.population().visits();
    List<Section> out = new ArrayList<>();
    out.add(new Section("Fälle im " + r.month(), null, List.of(List.of("Kennzahl", "Wert"),
        List.of("Fälle", String.valueOf(visits)))));
    out.add(bars(r.population().sex(), visits));
    out.add(columns(r.population().age(), visits));
    out.add(columns(r.arrivals().perDay(), visits));
    out.add(columns(r.arrivals().perWeekday(), visits));
    out.add(columns(r.arrivals().perHour(), visits));
    out.add(new Section("Fälle nach Wochentag und Stunde",
        ReportCharts.heatmap(r.arrivals().weekdayHour(), "Fälle nach Wochentag und Stunde"), List.of()));
    out.add(bars(r.access().referral(), visits));
    out.add(bars(r.access().transport(), visits));
    out.add(bars(r.access().triage(), visits));
    out.add(time(r.times().triage(), "Triage innerhalb von 10 Minuten"));
    out.add(time(r.times().physician(), null));
    out.add(byLevel(r.times().physicianByLevel()));
    out.add(bars(r.outcomes().disposition(), visits));
    out.add(time(r.times().lengthOfStay(), null));
    out.add(present(r));
    out.add(bars(r.outcomes().diagnoses(), visits));
    out.add(bars(r.outcomes().complaints(), visits));
    out.add(bars(r.outcomes().complaintGroups(), visits));
    out.add(bars(r.outcomes().pathogens(), visits));
    out.add(bars(r.outcomes().isolation(), visits));
    return out;
  }

  private static Section bars(Table t, long visits) {
    return new Section(t.title(), ReportCharts.bars(t), rows(t, visits));
  }

  private static Section columns(Table t, long visits) {
    return new Section(t.title(), ReportCharts.columns(t), rows(t, visits));
  }

  private static List<List<String>> rows(Table t, long visits) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(t.title(), "Anzahl", "Anteil"));
    for (Table.Row r : t.rows()) {
      rows.add(List.of(r.label(), String.valueOf(r.count()), percent(r.count(), visits)));
    }
    rows.add(List.of("Fehlende Werte", String.valueOf(t.missing()), percent(t.missing(), visits)));
    if (t.leftOut() > 0) {
      rows.add(List.of("Ausgelassen", String.valueOf(t.leftOut()), percent(t.leftOut(), visits)));
    }
    return rows;
  }

  private static Section time(TimeFigure f, String target) {
    TimeFigure.Summary s = f.summary();
    List<List<String>> rows = new ArrayList<>(List.of(List.of("Kennzahl", "Wert"),
        List.of("erfasst", String.valueOf(s.n())), List.of("fehlend", String.valueOf(f.bins().missing())),
        List.of("ausgelassen", String.valueOf(f.bins().leftOut())), List.of("Mittelwert", minutes(s.mean())),
        List.of("Median", minutes(s.median())), List.of("1. Quartil", minutes(s.q1())),
        List.of("3. Quartil", minutes(s.q3())), List.of("Maximum", s.n() == 0 ? "–" : s.max() + " min")));
    if (target != null) {
      rows.add(List.of(target, f.withinTarget() + " (" + percent(f.withinTarget(), s.n()) + ")"));
    }
    return new Section(f.bins().title(), ReportCharts.columns(f.bins()), rows);
  }

  private static Section byLevel(Map<String, TimeFigure.Summary> byLevel) {
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Triagestufe", "erfasst", "Median", "Mittelwert"));
    byLevel.forEach((level, s) -> rows.add(List.of(Labels.TRIAGE.getOrDefault(level, "ohne Triage"),
        String.valueOf(s.n()), minutes(s.median()), minutes(s.mean()))));
    return new Section("Zeit bis Arztkontakt nach Triagestufe", null, rows);
  }

  private static Section present(MonthlyEmergencyReport r) {
    int days = r.month().lengthOfMonth();
    long[] mean = new long[24];
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of("Uhrzeit", "Mittelwert", "Maximum"));
    for (int h = 0; h < 24; h++) {
      long sum = r.times().presentSum().count(String.valueOf(h));
      mean[h] = Math.round((double) sum / days);
      rows.add(List.of(String.format("%02d:00", h), String.format(Locale.GERMANY, "%.2f", (double) sum / days),
          String.valueOf(r.times().presentMax().count(String.valueOf(h)))));
    }
    Table chart = Tables.numbered("Anwesende Patienten (Mittelwert)", mean, i -> String.format("%02d", i),
        r.times().presentSum().missing(), 0);
    return new Section("Anwesende Patienten je Stunde", ReportCharts.columns(chart), rows);
  }

  private static String minutes(double m) {
    return Double.isNaN(m) ? "–" : String.format(Locale.GERMANY, "%.1f min", m);
  }

  private static String percent(long n, long of) {
    return of == 0 ? "–" : String.format(Locale.GERMANY, "%.1f %%", 100.0 * n / of);
  }
}
