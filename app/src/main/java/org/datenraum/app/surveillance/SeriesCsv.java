package org.datenraum.app.surveillance;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.CountSeries;

/**
 * Reads the series CSV layout of the shared reference inputs: one row per series and epoch with
 * the columns series, epoch_index, date (ISO date or NA), year, week, observed (count or NA) and
 * population (optional). Several series may share a file; each must list epochs 1..n in order.
 */
final class SeriesCsv {

  /** One series with the columns that are copied to the result. */
  record Series(CountSeries counts, List<String> dates, List<String> years, List<String> weeks) {
    Series {
      java.util.Objects.requireNonNull(counts, "counts");
      dates = List.copyOf(dates);
      years = List.copyOf(years);
      weeks = List.copyOf(weeks);
    }
  }

  private static final List<String> REQUIRED = List.of("series", "epoch_index", "observed");

  private SeriesCsv() {}

  /** {@code freq=} of {@code NAME.meta.txt} beside {@code NAME.csv}, if that file exists. */
  static OptionalInt metaFrequency(Path input) throws IOException {
    String name = input.getFileName().toString();
    Path meta = input.resolveSibling(name.replaceFirst("\\.csv$", "") + ".meta.txt");
    if (!Files.isRegularFile(meta)) {
      return OptionalInt.empty();
    }
    for (String line : Files.readAllLines(meta, StandardCharsets.UTF_8)) {
      if (line.startsWith("freq=")) {
        try {
          return OptionalInt.of(Integer.parseInt(line.substring(5).trim()));
        } catch (NumberFormatException e) {
          return OptionalInt.empty();
        }
      }
    }
    return OptionalInt.empty();
  }

  static Result<List<Series>> read(Path file, int frequency) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null) {
        return fail(file, 1, "the file is empty; expected a header with the columns "
            + String.join(", ", REQUIRED));
      }
      Map<String, Integer> columns = new LinkedHashMap<>();
      List<String> names = CsvLine.split(header);
      for (int i = 0; i < names.size(); i++) {
        columns.put(names.get(i).trim(), i);
      }
      for (String required : REQUIRED) {
        if (!columns.containsKey(required)) {
          return fail(file, 1, "column `" + required + "` is missing; the header needs "
              + String.join(", ", REQUIRED) + " (and optionally date, year, week, population)");
        }
      }
      Map<String, Builder> series = new LinkedHashMap<>();
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        List<String> fields = CsvLine.split(line);
        if (fields.size() != names.size()) {
          return fail(file, lineNo, "the row has " + fields.size() + " fields but the header "
              + names.size() + "; write one value per column");
        }
        Row row = new Row(file, lineNo, columns, fields);
        Builder b = series.computeIfAbsent(row.text("series"), Builder::new);
        Problem problem = b.add(row);
        if (problem != null) {
          return Result.fail(problem);
        }
      }
      List<Series> out = new ArrayList<>();
      for (Builder b : series.values()) {
        Result<Series> s = b.build(file, frequency);
        if (!s.isOk()) {
          return Result.fail(s.problem());
        }
        out.add(s.value());
      }
      return Result.ok(out);
    }
  }

  static <T> Result<T> fail(Path file, int line, String message) {
    return Result.fail(Problem.invalid("DR-6201", "`" + file + "` line " + line + ": " + message
        + "."));
  }

  /** One data row with access by column name. */
  record Row(Path file, int line, Map<String, Integer> columns, List<String> fields) {
    Row {
      java.util.Objects.requireNonNull(file, "file");
      columns = Map.copyOf(columns);
      fields = List.copyOf(fields);
    }

    String text(String column) {
      Integer i = columns.get(column);
      return i == null ? "NA" : fields.get(i).trim();
    }

    Problem problem(String column, String message) {
      return Problem.invalid("DR-6202", "`" + file + "` line " + line + ", column `" + column
          + "`: " + message + ".");
    }
  }

  private static final class Builder {
    private final String name;
    private final List<Double> observed = new ArrayList<>();
    private final List<Double> population = new ArrayList<>();
    private final List<String> dates = new ArrayList<>();
    private final List<String> years = new ArrayList<>();
    private final List<String> weeks = new ArrayList<>();
    private int firstLine;

    Builder(String name) {
      this.name = name;
    }

    Problem add(Row row) {
      if (firstLine == 0) {
        firstLine = row.line();
      }
      String epoch = row.text("epoch_index");
      if (!epoch.equals(String.valueOf(observed.size() + 1))) {
        return row.problem("epoch_index", "`" + epoch + "` found where epoch "
            + (observed.size() + 1) + " of series `" + name + "` was expected; list the epochs"
            + " of every series as 1, 2, 3, ... in order");
      }
      String count = row.text("observed");
      double value = count.equals("NA") ? Double.NaN : parse(count);
      if (!count.equals("NA") && !(value >= 0 && value == Math.rint(value))) {
        return row.problem("observed", "`" + count + "` is not a count; write a non-negative"
            + " integer or NA");
      }
      String pop = row.text("population");
      double p = pop.equals("NA") ? 1 : parse(pop);
      if (!(p > 0)) {
        return row.problem("population", "`" + pop + "` is not a positive number; write the"
            + " population of the epoch, or leave out the column");
      }
      String date = row.text("date");
      if (!date.equals("NA")) {
        try {
          LocalDate.parse(date);
        } catch (DateTimeParseException e) {
          return row.problem("date", "`" + date + "` is not a date; write YYYY-MM-DD or NA");
        }
      }
      observed.add(value);
      population.add(p);
      dates.add(date);
      years.add(row.text("year"));
      weeks.add(row.text("week"));
      return null;
    }

    Result<Series> build(Path file, int frequency) {
      long dated = dates.stream().filter(d -> !d.equals("NA")).count();
      if (dated != 0 && dated != dates.size()) {
        return fail(file, firstLine, "series `" + name + "` has dates for some epochs only;"
            + " give a date for every epoch or NA for all");
      }
      List<LocalDate> parsed = dated == 0 ? List.of() : dates.stream().map(LocalDate::parse).toList();
      CountSeries counts = new CountSeries(name, frequency, unbox(observed), unbox(population),
          parsed);
      return Result.ok(new Series(counts, dates, years, weeks));
    }

    private static double parse(String s) {
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        return Double.NaN;
      }
    }

    private static double[] unbox(List<Double> values) {
      return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
  }
}
