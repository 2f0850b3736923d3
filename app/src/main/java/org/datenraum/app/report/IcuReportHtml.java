package org.datenraum.app.report;

import java.util.List;
import java.util.Locale;
import org.datenraum.registry.icu.Figures;
import org.datenraum.registry.icu.IcuReport;

/** The ICU report as one self-contained HTML page (inline SVG, no external resources). */
final class IcuReportHtml {

  private IcuReportHtml() {}

  static String render(IcuReport r) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Intensive care report</title><style>")
        .append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
        .append("td,th{padding:.25em .75em;border-bottom:1px solid #ddd;text-align:right}")
        .append("td:first-child,th:first-child{text-align:left}h2{margin-top:1.5em}")
        .append("</style></head><body><h1>Intensive care report</h1><p>")
        .append(period(r)).append("</p><h2>Indicators</h2><table><tr><th></th><th>all</th>")
        .append("<th>adults</th><th>children</th></tr>");
    List<Figures> groups = List.of(r.all(), r.adults(), r.children());
    for (IcuReportRows.Row row : IcuReportRows.ROWS) {
      h.append("<tr><td>").append(escape(row.label())).append("</td>");
      for (Figures f : groups) {
        h.append("<td>").append(escape(IcuReportRows.text(f, row))).append("</td>");
      }
      h.append("</tr>");
    }
    h.append("</table>");
    h.append("<h2>Highest SOFA per stay, adults</h2>").append(bars(IcuReportRows.histogram(r.adults())));
    h.append("<h2>Highest SOFA per stay, children</h2>").append(bars(IcuReportRows.histogram(r.children())));
    h.append("<p>Stays without a birth date (in neither group): ").append(r.staysWithoutAge())
        .append(". Definitions: docs/icu.md.</p></body></html>\n");
    return h.toString();
  }

  static String period(IcuReport r) {
    return "Stays beginning " + (r.from() == null ? "any time" : "from " + r.from())
        + (r.to() == null ? "" : " to " + r.to()) + " (UTC).";
  }

  /** A bar chart of stays per score 0..24. */
  static String bars(int[] counts) {
    int max = 1;
    for (int c : counts) {
      max = Math.max(max, c);
    }
    int w = 24;
    int height = 160;
    StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" role=\"img\">",
        counts.length * w + 40, height + 40));
    for (int i = 0; i < counts.length; i++) {
      int bar = (int) Math.round((double) counts[i] / max * height);
      s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\""
          + " fill=\"#3b6ea5\"><title>SOFA %d: %d stays</title></rect>", 20 + i * w,
          10 + height - bar, w - 4, bar, i, counts[i]));
      s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\""
          + " text-anchor=\"middle\">%d</text>", 20 + i * w + (w - 4) / 2, height + 25, i));
    }
    return s.append("</svg>").toString();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
