package org.datenraum.app.surveillance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import org.datenraum.core.Result;
import org.datenraum.surveillance.syndromic.PathogenDefinitions;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.datenraum.surveillance.syndromic.SignalEvaluator;
import org.datenraum.surveillance.syndromic.SiteCounts;
import org.datenraum.surveillance.syndromic.SyndromeDefinitions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance report}: a self-contained HTML page of a site's surveillance. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "Writes one HTML page of a site (--site) or of the network (--broker, --key-file) (inline SVG, no external resources): time series of every"
        + " syndrome and pathogen with the threshold band and signals, the signal list and the"
        + " evidence of every signal.")
final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin SiteOptions site = new SiteOptions();

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Mixin MethodOptions method = new MethodOptions();

  @Option(names = "--out", required = true, paramLabel = "FILE.html", description = "Output file.")
  Path out;

  @Option(names = "--model", paramLabel = "FILE.json",
      description = "Also write the report model as JSON (what the page shows).")
  Path model;

  @Override
  public Integer call() throws IOException {
    Result<SiteOptions.Loaded> loaded;
    Result<SignalEvaluation> evaluation;
    if (broker.given()) {
      Result<NetworkCommand.Evaluated> network = NetworkCommand.evaluate(broker, method, site.from, site.to);
      loaded = network.map(n -> network(n.counts().get(0)));
      evaluation = network.map(n -> n.evaluations().get(0));
    } else {
      loaded = site.load();
      evaluation = loaded.flatMap(l -> method.config()
          .flatMap(c -> SignalEvaluator.evaluate(l.counts(), c)));
    }
    if (!evaluation.isOk()) {
      spec.commandLine().getErr().println("datenraum surveillance report: "
          + evaluation.problem().text());
      return 1;
    }
    ReportModel m = ReportModels.of(loaded.value(), evaluation.value(),
        LocalDate.now(Clock.systemUTC()));
    Files.writeString(out, ReportHtml.render(m), StandardCharsets.UTF_8);
    if (model != null) {
      Files.writeString(model, ReportHtml.json(m), StandardCharsets.UTF_8);
    }
    spec.commandLine().getOut().printf("datenraum surveillance report: %d signals, %d series,"
        + " written to %s%n", m.signals().size(), evaluation.value().series().size(), out);
    return 0;
  }

  /** The network's counts with those built-in definitions whose series the sites sent. */
  private static SiteOptions.Loaded network(SiteCounts counts) {
    Set<String> ids = new HashSet<>();
    counts.indicators().forEach(i -> ids.add(i.id()));
    return new SiteOptions.Loaded(counts,
        SyndromeDefinitions.builtIn().stream().filter(d -> ids.contains(d.id())).toList(),
        PathogenDefinitions.builtIn().stream().filter(d -> ids.contains(d.id())).toList());
  }
}
