package org.datenraum.app.surveillance;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.datenraum.core.Result;
import org.datenraum.surveillance.syndromic.SeriesEvaluation;
import org.datenraum.surveillance.syndromic.Signal;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.datenraum.surveillance.syndromic.SignalEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance signals}: outbreak signals of a site with their evidence. */
@Command(name = "signals", mixinStandardHelpOptions = true,
    description = "Runs every series of the site (syndromes and pathogens × age groups) through"
        + " the method and lists the signals with observed count, expected count and upper bound.")
final class SignalsCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SiteOptions site = new SiteOptions();

  @Mixin MethodOptions method = new MethodOptions();

  @Option(names = "--json", description = "Print the signals as JSON.")
  boolean json;

  @Override
  public Integer call() throws IOException {
    Result<SignalEvaluation> evaluation = evaluate(site, method);
    if (!evaluation.isOk()) {
      spec.commandLine().getErr().println("datenraum surveillance signals: "
          + evaluation.problem().text());
      return 1;
    }
    PrintWriter out = spec.commandLine().getOut();
    SignalEvaluation e = evaluation.value();
    if (json) {
      out.println(json(e));
      return 0;
    }
    out.printf("%s: %d signals from %d series (%s, %s)%n", e.site(), e.signals().size(),
        e.series().size(), e.method(), e.parameters());
    for (Signal s : e.signals()) {
      out.printf("  %-10s %-9s %-6s %-10s observed %4.0f  expected %6.2f  upper bound %6.2f%n",
          s.epochLabel(), s.indicator().kind().label(), s.ageGroup().label(), s.indicator().id(),
          s.observed(), s.expected(), s.upperBound());
    }
    e.series().stream().filter(s -> s.skipped().isPresent()).findFirst().ifPresent(s ->
        out.println("Not evaluated: " + skippedCount(e) + " series, e.g. " + s.series() + ": "
            + s.skipped().get()));
    return 0;
  }

  static Result<SignalEvaluation> evaluate(SiteOptions site, MethodOptions method)
      throws IOException {
    return site.load().flatMap(loaded -> method.config()
        .flatMap(config -> SignalEvaluator.evaluate(loaded.counts(), config)));
  }

  private static long skippedCount(SignalEvaluation e) {
    return e.series().stream().filter(s -> s.skipped().isPresent()).count();
  }

  static ObjectNode json(SignalEvaluation e) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("site", e.site());
    root.put("method", e.method());
    root.set("parameters", m.valueToTree(new java.util.TreeMap<>(e.parameters())));
    root.put("aggregation", e.aggregation().name());
    root.put("series", e.series().size());
    root.put("seriesNotEvaluated", skippedCount(e));
    ArrayNode signals = root.putArray("signals");
    int n = 0;
    for (Signal s : e.signals()) {
      SeriesEvaluation series = e.series(s.indicator(), s.ageGroup());
      double denominator = series.epochs().get(s.epochIndex() - 1).denominator();
      signals.add(m.valueToTree(ReportModels.row(++n, s, denominator)));
    }
    return root;
  }
}
