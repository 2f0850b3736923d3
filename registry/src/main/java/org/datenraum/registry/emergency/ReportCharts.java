package org.datenraum.registry.emergency;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/** The report's charts, drawn with Java2D into PNG images: bars, and the weekday × hour map. Stateless. */
public final class ReportCharts {

  static final int WIDTH = 640;
  static final int HEIGHT = 320;
  private static final Color BAR = new Color(0x04, 0x6C, 0x9A);
  private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
  private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 13);

  static {
    System.setProperty("java.awt.headless", "true");
  }

  private ReportCharts() {}

  /** Vertical bars (a series: days, hours, minutes), the caption below. */
  public static byte[] columns(Table t) {
    BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, t.title(), t.caption());
    int left = 50;
    int top = 30;
    int bottom = HEIGHT - 50;
    int n = Math.max(1, t.rows().size());
    double max = Math.max(1, t.rows().stream().mapToLong(Table.Row::count).max().orElse(1));
    double w = (WIDTH - left - 10) / (double) n;
    axis(g, left, top, bottom, max);
    for (int i = 0; i < t.rows().size(); i++) {
      Table.Row r = t.rows().get(i);
      int h = (int) Math.round((bottom - top) * r.count() / max);
      g.setColor(BAR);
      g.fillRect((int) (left + i * w + 1), bottom - h, (int) Math.max(1, w - 2), h);
      if (n <= 31 && (n <= 12 || i % 2 == 0)) {
        g.setColor(Color.DARK_GRAY);
        String label = shortLabel(r.label());
        g.drawString(label, (int) (left + i * w + w / 2 - g.getFontMetrics().stringWidth(label) / 2.0), bottom + 13);
      }
    }
    return png(img, g);
  }

  /** Horizontal bars with their labels (categories), the caption below. */
  public static byte[] bars(Table t) {
    int rows = Math.max(1, t.rows().size());
    int height = Math.max(140, 50 + rows * 18 + 30);
    BufferedImage img = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, t.title(), t.caption());
    FontMetrics fm = g.getFontMetrics();
    int left = 12 + t.rows().stream().mapToInt(r -> fm.stringWidth(clip(r.label()))).max().orElse(40);
    left = Math.min(left, WIDTH / 2);
    double max = Math.max(1, t.rows().stream().mapToLong(Table.Row::count).max().orElse(1));
    for (int i = 0; i < t.rows().size(); i++) {
      Table.Row r = t.rows().get(i);
      int y = 30 + i * 18;
      g.setColor(Color.DARK_GRAY);
      g.drawString(clip(r.label()), 6, y + 12);
      int w = (int) Math.round((WIDTH - left - 60) * r.count() / max);
      g.setColor(BAR);
      g.fillRect(left, y + 2, Math.max(w, r.count() > 0 ? 1 : 0), 13);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.valueOf(r.count()), left + w + 4, y + 12);
    }
    return png(img, g);
  }

  /** Weekday (rows, Monday first) × hour (columns), darker for more visits. */
  public static byte[] heatmap(List<List<Long>> grid, String title) {
    BufferedImage img = new BufferedImage(WIDTH, 220, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = canvas(img, title, "");
    long max = Math.max(1, grid.stream().flatMap(List::stream).mapToLong(Long::longValue).max().orElse(1));
    String[] days = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"};
    int cell = (WIDTH - 40) / 24;
    for (int d = 0; d < grid.size(); d++) {
      g.setColor(Color.DARK_GRAY);
      g.drawString(days[d], 6, 42 + d * 22);
      for (int h = 0; h < 24; h++) {
        float share = (float) grid.get(d).get(h) / max;
        g.setColor(new Color(1 - share * 0.98f, 1 - share * 0.58f, 1 - share * 0.4f));
        g.fillRect(34 + h * cell, 28 + d * 22, cell - 1, 20);
      }
    }
    g.setColor(Color.DARK_GRAY);
    for (int h = 0; h < 24; h += 2) {
      g.drawString(String.format("%02d", h), 36 + h * cell, 200);
    }
    return png(img, g);
  }

  private static Graphics2D canvas(BufferedImage img, String title, String caption) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, img.getWidth(), img.getHeight());
    g.setColor(Color.BLACK);
    g.setFont(TITLE);
    g.drawString(title, 6, 17);
    g.setFont(FONT);
    g.setColor(Color.GRAY);
    g.drawString(caption, 6, img.getHeight() - 8);
    return g;
  }

  private static void axis(Graphics2D g, int left, int top, int bottom, double max) {
    g.setColor(Color.LIGHT_GRAY);
    g.setStroke(new BasicStroke(1));
    for (int i = 0; i <= 4; i++) {
      int y = bottom - (bottom - top) * i / 4;
      g.drawLine(left, y, WIDTH - 10, y);
      g.setColor(Color.DARK_GRAY);
      g.drawString(String.valueOf(Math.round(max * i / 4)), 6, y + 4);
      g.setColor(Color.LIGHT_GRAY);
    }
  }

  private static String shortLabel(String label) {
    return label.length() == 10 && label.charAt(4) == '-' ? label.substring(8) : label;
  }

  private static String clip(String label) {
    return label.length() > 44 ? label.substring(0, 43) + "…" : label;
  }

  private static byte[] png(BufferedImage img, Graphics2D g) {
    g.dispose();
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("a chart could not be encoded as PNG", e);
    }
  }
}
