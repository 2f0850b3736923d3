package org.datenraum.app.surveillance;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.datenraum.surveillance.Alarm;
import org.datenraum.surveillance.Detection;
import org.datenraum.surveillance.WeekResult;

/** Writes detection results in the column layout of the shared reference outputs. */
final class ResultCsv {

  /** The results of one series together with its input columns. */
  record Block(SeriesCsv.Series series, Detection detection) {
    long alarms() {
      return detection.weeks().stream().filter(w -> w.alarm() == Alarm.RAISED).count();
    }
  }

  private ResultCsv() {}

  static void write(Path file, Iterable<Block> blocks) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("\"series\",\"epoch_index\",\"date\",\"year\",\"week\",\"observed\","
          + "\"upperbound\",\"alarm\"\n");
      for (Block b : blocks) {
        for (WeekResult w : b.detection().weeks()) {
          int i = w.epoch() - 1;
          String date = b.series().dates().get(i);
          out.write(String.join(",",
              CsvLine.quote(b.series().counts().name()),
              String.valueOf(w.epoch()),
              date.equals("NA") ? "NA" : CsvLine.quote(date),
              b.series().years().get(i),
              b.series().weeks().get(i),
              number(w.observed()),
              number(w.upperBound()),
              alarm(w.alarm())));
          out.write('\n');
        }
      }
    }
  }

  /** Shortest round-trip decimal, without exponent; integers without a fraction; NaN as NA. */
  static String number(double value) {
    if (Double.isNaN(value)) {
      return "NA";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return String.valueOf((long) value);
    }
    return BigDecimal.valueOf(value).toPlainString();
  }

  private static String alarm(Alarm alarm) {
    return switch (alarm) {
      case RAISED -> "TRUE";
      case NONE -> "FALSE";
      case UNDETERMINED -> "NA";
    };
  }
}
