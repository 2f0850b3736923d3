package org.datenraum.app.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.datenraum.registry.icu.Figures;

/** The lines of the ICU report's table, shared by the HTML and the PDF renderings. */
final class IcuReportRows {

  /** A line: its label, the path of its figure, and whether the figure is a share. */
  record Row(String label, List<String> path, boolean share) {
    Row {
      path = List.copyOf(path);
    }
  }

  static final List<Row> ROWS = List.of(
      row("ICU stays", false, "stays"),
      row("ICU hours", false, "icuHours"),
      row("Invasively ventilated stays", false, "ventilation", "invasivelyVentilatedStays"),
      row("Invasive episodes", false, "ventilation", "invasiveEpisodes"),
      row("Invasive episode hours", false, "ventilation", "invasiveHours"),
      row("Median hours per invasive episode", false, "ventilation", "medianInvasiveHours"),
      row("Stays invasively ventilated > 96 h", false, "ventilation", "staysInvasiveOver96h"),
      row("Non-invasive episodes", false, "ventilation", "nonInvasiveEpisodes"),
      row("High-flow episodes", false, "ventilation", "highFlowEpisodes"),
      row("Re-intubations within 48 h", false, "ventilation", "reintubations48h"),
      row("Re-intubations per extubation", true, "ventilation", "reintubationShare"),
      row("Invasive hours with tidal volume and height", false, "lungProtective", "hoursWithTidalVolume"),
      row("Share ≤ 8 ml/kg PBW", true, "lungProtective", "shareAtMost8mlPerKg"),
      row("Share lung-protective (≤ 6 ml/kg with ARDS)", true, "lungProtective", "shareLungProtective"),
      row("Ventilated stays without height", false, "lungProtective", "ventilatedStaysWithoutHeight"),
      row("Hours with tidal volume but no height", false, "lungProtective", "hoursWithTidalVolumeWithoutHeight"),
      row("Share plateau ≤ 30 cmH2O", true, "lungProtective", "sharePlateauAtMost30"),
      row("Median max SOFA", false, "sofa", "medianMaxSofa"),
      row("Stays with RASS every 8 h", true, "sedation", "shareOfStaysWithRassEvery8h"),
      row("Hours deeply sedated (RASS < −2)", true, "sedation", "shareOfHoursDeeplySedated"),
      row("Stays with P/F < 150 under invasive ventilation", false, "pronePositioning",
          "staysInvasiveWithPaO2FiO2Below150"),
      row("… of them proned", true, "pronePositioning", "shareProned"),
      row("Stays with catecholamines", false, "circulation", "staysWithVasopressor"),
      row("Median max norepinephrine equivalent (µg/kg/min)", false, "circulation",
          "medianMaxNorepinephrineEquivalentUgPerKgMin"));

  private IcuReportRows() {}

  private static Row row(String label, boolean share, String... path) {
    return new Row(label, List.of(path), share);
  }

  /** A figure as the report shows it: a share in per cent, a median with two decimals. */
  static String text(Figures f, Row row) {
    Object v = f.get(row.path().toArray(String[]::new));
    if (v == null) {
      return "–";
    }
    if (row.share()) {
      return String.format(Locale.ROOT, "%.1f %%", 100 * ((Number) v).doubleValue());
    }
    if (v instanceof Double d) {
      return String.format(Locale.ROOT, "%.2f", d);
    }
    return String.format(Locale.ROOT, "%,d", ((Number) v).longValue());
  }

  /** The max SOFA histogram, scores 0..24. */
  static int[] histogram(Figures f) {
    @SuppressWarnings("unchecked")
    Map<String, Integer> h = (Map<String, Integer>) f.get("sofa", "maxSofaHistogram");
    int[] out = new int[25];
    for (int i = 0; i < out.length; i++) {
      out[i] = h.getOrDefault(Integer.toString(i), 0);
    }
    return out;
  }
}
