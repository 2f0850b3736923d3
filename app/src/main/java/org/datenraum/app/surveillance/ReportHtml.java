package org.datenraum.app.surveillance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Locale;
import java.util.Map;

/**
 * Renders a {@link ReportModel} as one self-contained HTML page: inline CSS and SVG, no script
 * that runs; the model itself is embedded as a JSON data block ({@code id="report-model"}) for
 * tools that want the numbers.
 */
final class ReportHtml {

  private static final String CSS = """
      body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:980px}
      h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ccc}
      h3{font-size:15px;margin:18px 0 4px}table{border-collapse:collapse;margin:8px 0}
      td,th{border:1px solid #ddd;padding:3px 8px;text-align:left}td.n{text-align:right}
      .chart{width:100%;height:auto;background:#fff}
      .grid{stroke:#eee}.year{stroke:#bbb;stroke-dasharray:2 3}.tick{font-size:11px;fill:#666}
      .band{fill:#f6c667;fill-opacity:.45;stroke:none}
      .upper{fill:none;stroke:#d08a00;stroke-width:1.2;stroke-dasharray:4 3}
      .observed{fill:none;stroke:#1f5fa8;stroke-width:1.4}
      .signal{fill:#d62728;stroke:#fff;stroke-width:1}.highlight{stroke:#d62728;stroke-width:1}
      .legend span{display:inline-block;margin-right:16px}.muted{color:#666}
      """;

  private ReportHtml() {}

  static String render(ReportModel m) {
    StringBuilder h = new StringBuilder(64 * 1024);
    h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
        .append(Html.escape(m.title())).append("</title><style>").append(CSS)
        .append("</style></head><body>");
    header(h, m);
    overview(h, m);
    signalList(h, m);
    details(h, m);
    definitions(h, m);
    notes(h, m);
    h.append("<script type=\"application/json\" id=\"report-model\">").append(json(m))
        .append("</script></body></html>\n");
    return h.toString();
  }

  private static void header(StringBuilder h, ReportModel m) {
    h.append("<h1>").append(Html.escape(m.title())).append("</h1><p>Period ")
        .append(m.first()).append(" to ").append(m.last()).append(", ")
        .append(m.aggregation().equals("WEEKLY") ? "ISO weeks" : "days").append(". Method <b>")
        .append(Html.escape(m.method())).append("</b> (").append(parameters(m.parameters()))
        .append("). Report of ").append(m.generated()).append(". <b>").append(m.signals().size())
        .append(m.signals().size() == 1 ? " signal" : " signals").append("</b>.</p>")
        .append("<p class=\"legend\"><span style=\"color:#1f5fa8\">&#9473; observed</span>")
        .append("<span style=\"color:#d08a00\">&#9476; upper bound</span>")
        .append("<span style=\"background:#f6c66773\">&#160;expected to upper bound&#160;</span>")
        .append("<span style=\"color:#d62728\">&#9679; signal</span></p>")
        .append("<p class=\"muted\">No band where the method did not monitor the epoch or gave")
        .append(" no upper bound (farringtonFlexible: fewer than 5 cases in the last 4 epochs).</p>");
  }

  private static void overview(StringBuilder h, ReportModel m) {
    h.append("<h2 id=\"overview\">All ages</h2>");
    for (ReportModel.Chart c : m.overview()) {
      h.append("<h3>").append(Html.escape(c.label())).append(" <span class=\"muted\">(")
          .append(Html.escape(c.indicator())).append(", ").append(c.kind()).append(")</span></h3>")
          .append(SvgChart.render(c, ""));
    }
  }

  private static void signalList(StringBuilder h, ReportModel m) {
    h.append("<h2 id=\"signals\">Signals</h2>");
    if (m.signals().isEmpty()) {
      h.append("<p>No signal in the monitored period.</p>");
      return;
    }
    h.append("<table><tr><th>#</th><th>indicator</th><th>age group</th><th>epoch</th>")
        .append("<th>observed</th><th>expected</th><th>upper bound</th></tr>");
    for (ReportModel.SignalRow s : m.signals()) {
      h.append("<tr><td><a href=\"#signal-").append(s.number()).append("\">").append(s.number())
          .append("</a></td><td>").append(Html.escape(s.label())).append("</td><td>")
          .append(s.ageGroup()).append("</td><td>").append(s.epoch()).append("</td>")
          .append(cell(s.observed())).append(cell(s.expected())).append(cell(s.upperBound()))
          .append("</tr>");
    }
    h.append("</table>");
  }

  private static void details(StringBuilder h, ReportModel m) {
    for (ReportModel.SignalRow s : m.signals()) {
      h.append("<h3 id=\"signal-").append(s.number()).append("\">Signal ").append(s.number())
          .append(": ").append(Html.escape(s.label())).append(", ").append(s.ageGroup())
          .append(", ").append(s.epoch()).append("</h3>");
      m.details().stream().filter(c -> c.series().equals(s.series())).findFirst()
          .ifPresent(c -> h.append(SvgChart.render(c, s.start())));
      h.append("<table><tr><th>series</th><td>").append(Html.escape(s.series()))
          .append("</td></tr><tr><th>epoch</th><td>").append(s.epoch()).append(" (from ")
          .append(s.start()).append(")</td></tr><tr><th>observed</th>").append(cell(s.observed()))
          .append("</tr><tr><th>expected</th>").append(cell(s.expected()))
          .append("</tr><tr><th>upper bound</th>").append(cell(s.upperBound()))
          .append("</tr><tr><th>").append(s.kind().equals("syndrome") ? "ED visits" : "tested")
          .append("</th>").append(cell(s.denominator())).append("</tr><tr><th>method</th><td>")
          .append(Html.escape(s.method())).append(" (").append(parameters(s.parameters()))
          .append(")</td></tr></table><p><a href=\"#signals\">back to the list</a></p>");
    }
  }

  private static void definitions(StringBuilder h, ReportModel m) {
    h.append("<h2 id=\"definitions\">Definitions</h2><table><tr><th>id</th><th>name</th>")
        .append("<th>criteria</th><th>source</th></tr>");
    for (ReportModel.Definition d : m.definitions()) {
      h.append("<tr><td>").append(Html.escape(d.id())).append("</td><td>")
          .append(Html.escape(d.label())).append("</td><td>").append(Html.escape(d.criteria()))
          .append("</td><td>").append(Html.escape(d.source())).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void notes(StringBuilder h, ReportModel m) {
    if (m.notes().isEmpty()) {
      return;
    }
    h.append("<h2>Series not evaluated</h2><ul>");
    m.notes().forEach(n -> h.append("<li>").append(Html.escape(n)).append("</li>"));
    h.append("</ul>");
  }

  private static String cell(Double v) {
    return "<td class=\"n\">" + (v == null ? "NA" : format(v)) + "</td>";
  }

  private static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
  }

  private static String parameters(Map<String, String> p) {
    if (p.isEmpty()) {
      return "package defaults";
    }
    StringBuilder b = new StringBuilder();
    p.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(Html.escape(k)).append('=')
        .append(Html.escape(v)));
    return b.toString();
  }

  static String json(ReportModel m) {
    try {
      return new ObjectMapper().writeValueAsString(m).replace("</", "<\\/");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("report model is not serialisable", e);
    }
  }
}
