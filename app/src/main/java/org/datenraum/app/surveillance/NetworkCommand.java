package org.datenraum.app.surveillance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.surveillance.syndromic.Indicator;
import org.datenraum.surveillance.syndromic.NetworkSeries;
import org.datenraum.surveillance.syndromic.SignalConfig;
import org.datenraum.surveillance.syndromic.Signal;
import org.datenraum.surveillance.syndromic.SignalEvaluation;
import org.datenraum.surveillance.syndromic.SignalEvaluator;
import org.datenraum.surveillance.syndromic.SiteCounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code datenraum surveillance network}: signals of the network's series and of every site's, from the broker. */
@Command(name = "network", mixinStandardHelpOptions = true,
    description = "Reads the network's daily counts from the broker (as its surveillance disclosure policy shows"
        + " them) and runs the network series and every site's series through the method; lists the signals"
        + " with their evidence. Values with hidden site cells are lower bounds (each hidden cell counts as 1).")
final class NetworkCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin BrokerOptions broker = new BrokerOptions();

  @Mixin MethodOptions method = new MethodOptions();

  @Option(names = "--from", paramLabel = "YYYY-MM-DD", description = "First day read (default: the first sent).")
  LocalDate from;

  @Option(names = "--to", paramLabel = "YYYY-MM-DD", description = "Last day read (default: the last sent).")
  LocalDate to;

  @Option(names = "--json", description = "Print the signals as JSON.")
  boolean json;

  /** The broker's view with the evaluation of the network and of every site. */
  record Evaluated(SurveillanceView view, NetworkSeries series, List<SiteCounts> counts,
      List<SignalEvaluation> evaluations) {
    Evaluated {
      java.util.Objects.requireNonNull(view, "view");
      java.util.Objects.requireNonNull(series, "series");
      counts = List.copyOf(counts);
      evaluations = List.copyOf(evaluations);
    }
  }

  @Override
  public Integer call() {
    Result<Evaluated> result = evaluate(broker, method, from, to);
    if (!result.isOk()) {
      spec.commandLine().getErr().println("datenraum surveillance network: " + result.problem().text());
      return 1;
    }
    Evaluated e = result.value();
    PrintWriter out = spec.commandLine().getOut();
    if (json) {
      out.println(json(e));
      return 0;
    }
    out.printf("Network surveillance %s..%s, %d site(s), minimum cell size %d%n", e.view().first(), e.view().last(),
        e.view().sites().size(), e.view().standing().minimumCell());
    for (SignalEvaluation s : e.evaluations()) {
      out.printf("%s: %d signals from %d series (%s, %s)%n", s.site(), s.signals().size(), s.series().size(),
          s.method(), s.parameters());
      for (Signal g : s.signals()) {
        int hidden = e.series().hidden(g.series(), g.epoch(), g.aggregation());
        out.printf("  %-10s %-9s %-6s %-10s observed %s%4.0f%s  expected %6.2f  upper bound %6.2f%n",
            g.epochLabel(), g.indicator().kind().label(), g.ageGroup().label(), g.indicator().id(),
            hidden > 0 ? ">=" : "", g.observed(), hidden > 0 ? " (" + hidden + " hidden cells)" : "", g.expected(),
            g.upperBound());
      }
    }
    return 0;
  }

  static Result<Evaluated> evaluate(BrokerOptions broker, MethodOptions method, LocalDate from, LocalDate to) {
    Result<SignalConfig> config = method.config();
    if (!config.isOk()) {
      return Result.fail(config.problem());
    }
    Reply<SurveillanceView> reply = broker.client().surveillance(from, to);
    if (!reply.isOk()) {
      return Result.fail(Problem.notFound(reply.problem().code(), reply.problem().detail()));
    }
    NetworkSeries series = series(reply.value());
    List<SiteCounts> counts = series.all();
    if (counts.isEmpty()) {
      return Result.fail(Problem.notFound("DR-6332", "the broker holds no daily counts yet: sites send them in the"
          + " rounds of the standing request (`datenraum surveillance round`)."));
    }
    List<SignalEvaluation> evaluations = new ArrayList<>();
    for (SiteCounts c : counts) {
      Result<SignalEvaluation> e = SignalEvaluator.evaluate(c, config.value());
      if (!e.isOk()) {
        return Result.fail(e.problem());
      }
      evaluations.add(e.value());
    }
    return Result.ok(new Evaluated(reply.value(), series, counts, evaluations));
  }

  /** The broker's view in the terms of the surveillance module. */
  static NetworkSeries series(SurveillanceView view) {
    List<NetworkSeries.Coverage> sites = view.sites().stream()
        .map(c -> new NetworkSeries.Coverage(c.site(), c.first(), c.last())).toList();
    List<NetworkSeries.Shown> shown = view.series().stream().map(s -> new NetworkSeries.Shown(s.site(),
        new Indicator(s.kind().equals("pathogen") ? Indicator.Kind.PATHOGEN : Indicator.Kind.SYNDROME,
            s.indicator(), s.label()), s.ageGroup(), s.counts(), s.denominators(), s.hidden())).toList();
    return NetworkSeries.of(view.first(), view.last(), sites, shown);
  }

  static ObjectNode json(Evaluated e) {
    ObjectMapper m = new ObjectMapper();
    ObjectNode root = m.createObjectNode();
    root.put("first", e.view().first().toString());
    root.put("last", e.view().last().toString());
    root.put("minimumCell", e.view().standing().minimumCell());
    ArrayNode sites = root.putArray("sites");
    e.view().sites().forEach(c -> sites.addObject().put("site", c.site()).put("first", c.first().toString())
        .put("last", c.last().toString()).put("minimumCell", c.minimumCell()));
    ArrayNode evaluations = root.putArray("evaluations");
    for (SignalEvaluation s : e.evaluations()) {
      ObjectNode node = SignalsCommand.json(s);
      for (JsonNode row : node.get("signals")) {
        Signal g = s.signals().get(row.get("number").asInt() - 1);
        ((ObjectNode) row).put("hiddenCells", e.series().hidden(g.series(), g.epoch(), g.aggregation()));
      }
      evaluations.add(node);
    }
    return root;
  }
}
