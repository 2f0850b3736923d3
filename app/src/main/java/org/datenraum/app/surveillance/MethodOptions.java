package org.datenraum.app.surveillance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.surveillance.syndromic.SignalConfig;
import picocli.CommandLine.Option;

/** The options that choose the signal method. */
final class MethodOptions {

  @Option(names = "--method", defaultValue = SignalConfig.DEFAULT_METHOD,
      description = "farrington-flexible (weekly), farrington (weekly), ears-c1, ears-c2,"
          + " ears-c3 (daily) or cusum (weekly) (default: ${DEFAULT-VALUE}).")
  String method;

  @Option(names = "--control", paramLabel = "NAME=VALUE",
      description = "A control of the method as in R, e.g. b=2, alpha=0.01 (default: the"
          + " package's, except b: the whole years of data, at most 5).")
  List<String> controls = new ArrayList<>();

  @Option(names = "--monitor-from", paramLabel = "YYYY-MM-DD",
      description = "Report only signals of epochs starting on or after this day.")
  LocalDate monitorFrom;

  Result<SignalConfig> config() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String c : controls) {
      int eq = c.indexOf('=');
      if (eq <= 0) {
        return Result.fail(Problem.invalid("DR-6004", "Control `" + c + "` has no value:"
            + " write it as NAME=VALUE, e.g. `--control b=2`."));
      }
      map.put(c.substring(0, eq).trim(), c.substring(eq + 1).trim());
    }
    SignalConfig config = SignalConfig.of(method, map);
    return Result.ok(monitorFrom == null ? config : config.monitoringFrom(monitorFrom));
  }
}
