package org.datenraum.app.surveillance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import org.datenraum.surveillance.syndromic.AgeGroup;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.ReleasedCell;
import org.datenraum.surveillance.syndromic.ReleasedCounts;
import org.datenraum.surveillance.syndromic.SiteCounts;

/** Writes released counts as CSV or JSON, and a per-indicator summary for people. */
final class CountsOutput {

  private CountsOutput() {}

  static void csv(ReleasedCounts counts, Path file) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("site,day,kind,indicator,age_group,count,denominator,suppressed\n");
      for (ReleasedCell c : counts.cells()) {
        w.write(CsvText.field(counts.site()) + "," + c.day() + "," + c.indicator().kind().label()
            + "," + c.indicator().id() + "," + c.ageGroup().label() + "," + text(c.count()) + ","
            + text(c.denominator()) + ","
            + (c.count().isEmpty() || c.denominator().isEmpty()) + "\n");
      }
    }
  }

  static ObjectNode json(ReleasedCounts counts) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("site", counts.site());
    root.put("first", counts.first().toString());
    root.put("last", counts.last().toString());
    root.put("minimumCellSize", counts.minimumCellSize().minimum());
    root.put("suppressedCounts", counts.suppressedCounts());
    ArrayNode cells = root.putArray("cells");
    for (ReleasedCell c : counts.cells()) {
      ObjectNode o = cells.addObject();
      o.put("day", c.day().toString());
      o.put("kind", c.indicator().kind().label());
      o.put("indicator", c.indicator().id());
      o.put("ageGroup", c.ageGroup().label());
      put(o, "count", c.count());
      put(o, "denominator", c.denominator());
    }
    return root;
  }

  /** Totals of the period per indicator and age group, with the share of the denominator. */
  static void summary(SiteCounts counts, PrintWriter out) {
    out.printf("%s, %s to %s (%d days), exact counts before disclosure control%n",
        counts.site(), counts.first(), counts.last(), counts.days());
    out.printf("%-10s %-9s", "indicator", "kind");
    for (AgeGroup g : AgeGroup.values()) {
      out.printf(" %15s", g.label());
    }
    out.println();
    for (Indicator i : counts.indicators()) {
      out.printf("%-10s %-9s", i.id(), i.kind().label());
      for (AgeGroup g : AgeGroup.values()) {
        long c = sum(counts.counts(i, g));
        long n = sum(counts.denominators(i, g));
        out.printf(" %7d (%4.1f%%)", c, n == 0 ? 0.0 : 100.0 * c / n);
      }
      out.println();
    }
    out.println("Shares: of all ED visits (syndromes), of patients tested (pathogens).");
  }

  private static long sum(int[] values) {
    long s = 0;
    for (int v : values) {
      s += v;
    }
    return s;
  }

  private static String text(OptionalInt v) {
    return v.isPresent() ? Integer.toString(v.getAsInt()) : "";
  }

  private static void put(ObjectNode o, String name, OptionalInt v) {
    if (v.isPresent()) {
      o.put(name, v.getAsInt());
    } else {
      o.putNull(name);
    }
  }
}
