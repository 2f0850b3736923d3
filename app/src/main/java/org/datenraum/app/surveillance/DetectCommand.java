package org.datenraum.app.surveillance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.Detection;
import org.datenraum.surveillance.Detector;
import org.datenraum.surveillance.Detectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance detect}: runs one method over every series of a CSV file. */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = {
        "Runs an aberration detection method over every series of SERIES.csv and writes the"
            + " upper bound and alarm of every monitored epoch.",
        "Input columns: series, epoch_index, date (or NA), year, week, observed, population;"
            + " output columns: series, epoch_index, date, year, week, observed, upperbound, alarm."})
final class DetectCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--method", required = true,
      description = "farrington-flexible, farrington, ears-c1, ears-c2, ears-c3 or cusum.")
  String method;

  @Option(names = "--control", paramLabel = "NAME=VALUE",
      description = "A control of the method as in R, e.g. b=4, limit54=5,4,"
          + " thresholdMethod=nbPlugin, range=FROM:TO (1-based epochs) (default: the package's).")
  List<String> controls = new ArrayList<>();

  @Option(names = "--frequency", paramLabel = "N",
      description = "Epochs per year (default: freq= of SERIES.meta.txt beside the input, else 52).")
  Integer frequency;

  @Option(names = "--input", required = true, paramLabel = "SERIES.csv",
      description = "The counts: a CSV with one row per epoch (as the shared test inputs).")
  Path input;

  @Option(names = "--output", required = true, paramLabel = "RESULT.csv",
      description = "Where the alarms and thresholds per epoch are written (CSV).")
  Path output;

  @Override
  public Integer call() throws IOException {
    Result<Map<String, String>> settings = settings();
    Result<Detector> detector = settings.flatMap(s -> Detectors.fromSettings(method, s));
    if (!detector.isOk()) {
      return fail(detector.problem());
    }
    if (!Files.isRegularFile(input)) {
      return fail(Problem.notFound("DR-6200", "Input file `" + input + "` does not exist:"
          + " give the path of a series CSV with --input."));
    }
    int freq = frequency != null ? frequency : SeriesCsv.metaFrequency(input).orElse(52);
    Result<List<SeriesCsv.Series>> series = SeriesCsv.read(input, freq);
    if (!series.isOk()) {
      return fail(series.problem());
    }
    List<ResultCsv.Block> blocks = new ArrayList<>();
    for (SeriesCsv.Series s : series.value()) {
      Result<Detection> detection = detector.value().detect(s.counts());
      if (!detection.isOk()) {
        return fail(detection.problem());
      }
      blocks.add(new ResultCsv.Block(s, detection.value()));
    }
    ResultCsv.write(output, blocks);
    spec.commandLine().getOut().println("datenraum surveillance detect: " + blocks.size()
        + " series, " + blocks.stream().mapToLong(ResultCsv.Block::alarms).sum()
        + " alarms, written to " + output);
    return 0;
  }

  private Result<Map<String, String>> settings() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String c : controls) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        return Result.fail(Problem.invalid("DR-6004", "Control `" + c + "` has no value:"
            + " write it as NAME=VALUE, e.g. `--control b=5`."));
      }
      map.put(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
    }
    return Result.ok(map);
  }

  private int fail(Problem problem) {
    spec.commandLine().getErr().println("datenraum surveillance detect: " + problem.text());
    return 1;
  }
}
