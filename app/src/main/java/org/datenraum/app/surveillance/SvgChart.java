package org.datenraum.app.surveillance;

import java.util.List;
import java.util.Locale;

/**
 * Draws one series as inline SVG: observed counts as a line, the threshold band (expected count
 * to upper bound) shaded where the method monitored, the upper bound as a dashed line, signals as
 * red dots, and optionally one highlighted epoch.
 */
final class SvgChart {

  private static final int WIDTH = 900;
  private static final int HEIGHT = 220;
  private static final int LEFT = 44;
  private static final int RIGHT = 12;
  private static final int TOP = 12;
  private static final int BOTTOM = 28;

  private SvgChart() {}

  static String render(ReportModel.Chart chart, String highlightStart) {
    List<ReportModel.Point> pts = chart.points();
    StringBuilder svg = new StringBuilder();
    svg.append("<svg class=\"chart\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"").append(Html.escape(chart.series()))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\">");
    if (pts.isEmpty()) {
      return svg.append("<text x=\"50\" y=\"50\">no complete epoch</text></svg>").toString();
    }
    double max = niceMax(pts);
    axes(svg, pts, max);
    band(svg, pts, max);
    upperLine(svg, pts, max);
    observedLine(svg, pts, max);
    markers(svg, pts, max, highlightStart);
    return svg.append("</svg>").toString();
  }

  /** The axis maximum: four ticks of at least 1 and 1, 2, 2.5 or 5 times a power of ten. */
  private static double niceMax(List<ReportModel.Point> pts) {
    double max = 1;
    for (ReportModel.Point p : pts) {
      max = Math.max(max, p.observed());
      if (p.upperBound() != null) {
        max = Math.max(max, p.upperBound());
      }
    }
    double raw = max / 4;
    if (raw <= 1) {
      return 4;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 2.5, 5}) {
      if (m * power >= raw) {
        return 4 * m * power;
      }
    }
    return 40 * power;
  }

  private static double x(int i, int n) {
    return LEFT + (n == 1 ? 0 : (double) i * (WIDTH - LEFT - RIGHT) / (n - 1));
  }

  private static double y(double v, double max) {
    return TOP + (HEIGHT - TOP - BOTTOM) * (1 - v / max);
  }

  private static void axes(StringBuilder svg, List<ReportModel.Point> pts, double max) {
    for (int k = 0; k <= 4; k++) {
      double v = max * k / 4;
      double yy = y(v, max);
      svg.append(line(LEFT, yy, WIDTH - RIGHT, yy, "grid"));
      svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%d\" y=\"%.1f\""
          + " text-anchor=\"end\">%s</text>", LEFT - 4, yy + 4, format(v)));
    }
    String lastYear = "";
    for (int i = 0; i < pts.size(); i++) {
      String year = pts.get(i).start().substring(0, 4);
      if (!year.equals(lastYear)) {
        double xx = x(i, pts.size());
        svg.append(line(xx, TOP, xx, HEIGHT - BOTTOM, "year"));
        svg.append(String.format(Locale.ROOT, "<text class=\"tick\" x=\"%.1f\" y=\"%d\">%s"
            + "</text>", xx + 2, HEIGHT - BOTTOM + 16, year));
        lastYear = year;
      }
    }
  }

  private static void band(StringBuilder svg, List<ReportModel.Point> pts, double max) {
    StringBuilder upper = new StringBuilder();
    StringBuilder lower = new StringBuilder();
    for (int i = 0; i <= pts.size(); i++) {
      ReportModel.Point p = i < pts.size() ? pts.get(i) : null;
      boolean inBand = p != null && p.monitored() && p.upperBound() != null;
      if (inBand) {
        double low = p.expected() != null ? Math.min(p.expected(), p.upperBound()) : 0;
        upper.append(point(x(i, pts.size()), y(p.upperBound(), max)));
        lower.insert(0, point(x(i, pts.size()), y(low, max)));
      } else if (upper.length() > 0) {
        svg.append("<polygon class=\"band\" points=\"").append(upper).append(lower)
            .append("\"/>");
        upper.setLength(0);
        lower.setLength(0);
      }
    }
  }

  private static void upperLine(StringBuilder svg, List<ReportModel.Point> pts, double max) {
    StringBuilder path = new StringBuilder();
    boolean open = false;
    for (int i = 0; i < pts.size(); i++) {
      Double u = pts.get(i).upperBound();
      if (u == null || !pts.get(i).monitored()) {
        open = false;
        continue;
      }
      path.append(open ? " L" : " M").append(point(x(i, pts.size()), y(u, max)).trim());
      open = true;
    }
    if (path.length() > 0) {
      svg.append("<path class=\"upper\" d=\"").append(path.toString().trim()).append("\"/>");
    }
  }

  private static void observedLine(StringBuilder svg, List<ReportModel.Point> pts, double max) {
    svg.append("<polyline class=\"observed\" points=\"");
    for (int i = 0; i < pts.size(); i++) {
      svg.append(point(x(i, pts.size()), y(pts.get(i).observed(), max)));
    }
    svg.append("\"/>");
  }

  private static void markers(StringBuilder svg, List<ReportModel.Point> pts, double max,
      String highlightStart) {
    for (int i = 0; i < pts.size(); i++) {
      ReportModel.Point p = pts.get(i);
      double xx = x(i, pts.size());
      if (p.start().equals(highlightStart)) {
        svg.append(line(xx, TOP, xx, HEIGHT - BOTTOM, "highlight"));
      }
      if (p.alarm()) {
        svg.append(String.format(Locale.ROOT, "<circle class=\"signal\" cx=\"%.1f\" cy=\"%.1f\""
            + " r=\"4\"><title>%s: %s observed, upper bound %s</title></circle>", xx,
            y(p.observed(), max), Html.escape(p.epoch()), format(p.observed()),
            p.upperBound() == null ? "NA" : format(p.upperBound())));
      }
    }
  }

  private static String line(double x1, double y1, double x2, double y2, String cls) {
    return String.format(Locale.ROOT, "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\""
        + " y2=\"%.1f\"/>", cls, x1, y1, x2, y2);
  }

  private static String point(double x, double y) {
    return String.format(Locale.ROOT, "%.1f,%.1f ", x, y);
  }

  static String format(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
