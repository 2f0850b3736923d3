package org.datenraum.registry.emergency;

import java.util.Base64;
import java.util.List;

/** The report as one self-contained HTML page: charts as embedded PNG images, tables beside them. Stateless. */
public final class ReportHtml {

  private ReportHtml() {}

  public static String of(MonthlyEmergencyReport r, String site) {
    StringBuilder s = new StringBuilder("<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\">"
        + "<title>Monatsbericht Notaufnahme " + r.month() + "</title><style>"
        + "body{font-family:sans-serif;max-width:1200px;margin:1em auto;color:#222}"
        + "section{display:flex;gap:1.5em;align-items:flex-start;margin:1.5em 0;border-top:1px solid #ddd;padding-top:1em}"
        + "table{border-collapse:collapse;font-size:13px}td,th{padding:2px 8px;border-bottom:1px solid #eee;text-align:left}"
        + "td:nth-child(n+2){text-align:right}img{max-width:640px}</style></head><body>");
    s.append("<h1>Monatsbericht Notaufnahme ").append(escape(site)).append(", ").append(r.month()).append("</h1>");
    s.append("<p>Zeiten wie dokumentiert. Zeiten unter 0 oder über 24 Stunden gelten als fehlend; Triage später als ")
        .append(MonthlyReports.TRIAGE_LIMIT).append(" und Arztkontakt später als ").append(MonthlyReports.PHYSICIAN_LIMIT)
        .append(" Minuten nach Aufnahme sind in deren Statistik ausgelassen.</p>");
    for (ReportSections.Section sec : ReportSections.of(r)) {
      s.append("<h2>").append(escape(sec.heading())).append("</h2><section>");
      if (sec.chart() != null) {
        s.append("<img alt=\"").append(escape(sec.heading())).append("\" src=\"data:image/png;base64,")
            .append(Base64.getEncoder().encodeToString(sec.chart())).append("\">");
      }
      table(s, sec.table());
      s.append("</section>");
    }
    return s.append("</body></html>").toString();
  }

  private static void table(StringBuilder s, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return;
    }
    s.append("<table>");
    for (int i = 0; i < rows.size(); i++) {
      s.append("<tr>");
      for (String cell : rows.get(i)) {
        s.append(i == 0 ? "<th>" : "<td>").append(escape(cell)).append(i == 0 ? "</th>" : "</td>");
      }
      s.append("</tr>");
    }
    s.append("</table>");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
