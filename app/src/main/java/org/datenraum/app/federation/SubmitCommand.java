package org.datenraum.app.federation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.datenraum.app.QueryFile;
import org.datenraum.core.Coding;
import org.datenraum.core.Result;
import org.datenraum.federation.BrokerClient;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code datenraum submit}: sends a CCDL question to every site and shows the merged answer. */
@Command(name = "submit", mixinStandardHelpOptions = true,
    description = "Submit a CCDL feasibility query (or a stratified count, or a registry report) to all sites via the"
        + " broker.")
public final class SubmitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin ClientTlsOptions tls;

  @Option(names = "--broker", required = true, description = "The broker's address.")
  URI broker;

  @Option(names = "--key-file", required = true, description = "Your researcher key file.")
  Path keyFile;

  @Option(names = "--stratify", split = ",", paramLabel = "STRATUM", description = "sex, age, year")
  List<String> stratify;

  @Option(names = "--year-of", paramLabel = "SYSTEM|CODE", description = "The code whose earliest fact gives the year stratum.")
  String yearOf;

  @Option(names = "--wait", description = "Wait until every site has answered (or the timeout).")
  boolean await;

  @Option(names = "--timeout", defaultValue = "60", description = "Seconds to wait with --wait (default: ${DEFAULT-VALUE}).")
  long timeout;

  @Option(names = "--json", description = "Print one JSON object with total, sites and status.")
  boolean json;

  @Option(names = "--report", paramLabel = "NAME", description = "Ask every site for a registry report instead of"
      + " a CCDL count, e.g. inventory.")
  String report;

  @Option(names = "--param", paramLabel = "NAME=VALUE", description = "A parameter of the --report, e.g."
      + " month=2026-11; repeatable.")
  Map<String, String> parameters;

  @Parameters(index = "0", arity = "0..1", paramLabel = "QUERY.json", description = "The CCDL feasibility query"
      + " (JSON); not with --report.")
  Path query;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    Result<Submission> asked = submission();
    if (!asked.isOk()) {
      err.println("datenraum submit: " + asked.problem().text());
      return 1;
    }
    Submission s = asked.value();
    BrokerClient client = KeyFiles.client(broker, keyFile, tls.tls());
    Reply<RequestView> submitted = client.submit(s);
    if (!submitted.isOk()) {
      err.println("datenraum submit: " + submitted.problem().text());
      return 1;
    }
    RequestView view = submitted.value();
    String submittedTo = view.id() + " submitted to " + view.sites().size() + " site(s)"
        + (await ? "; waiting for the answers (at most " + timeout + " s)." : ".");
    if (json) {
      err.println("datenraum submit: request " + submittedTo);
      err.flush();
    } else {
      out.println("Request " + submittedTo);
      out.flush();
    }
    if (await) {
      view = new AnswerWait(client, broker, err).until(view, Duration.ofSeconds(timeout));
    }
    if (json) {
      out.println(json(view));
    } else {
      print(view, out);
    }
    boolean refused = view.done() && view.sites().stream().noneMatch(st -> st.status() == SiteStatus.COMPLETED);
    boolean timedOut = await && !view.done();
    if (timedOut) {
      err.println("datenraum submit: DR-5854 not every site answered within --timeout " + timeout + " s: request `"
          + view.id() + "` stays open at the broker; wait longer with a larger --timeout next time.");
    }
    return refused || timedOut ? 1 : 0;
  }

  private Result<Submission> submission() throws IOException {
    if (report != null) {
      if (query != null || stratify != null || yearOf != null) {
        throw new ParameterException(spec.commandLine(), "--report asks for a registry report: give no QUERY.json,"
            + " --stratify or --year-of with it.");
      }
      try {
        return Result.ok(Submission.report(new ReportQuery(report, parameters)));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), e.getMessage());
      }
    }
    if (query == null) {
      throw new ParameterException(spec.commandLine(), "Missing QUERY.json: give a CCDL query file, or --report NAME.");
    }
    if (parameters != null) {
      throw new ParameterException(spec.commandLine(), "--param belongs to --report: a CCDL query takes no parameters.");
    }
    Result<String> text = QueryFile.read(query);
    if (!text.isOk()) {
      return Result.fail(text.problem());
    }
    JsonNode ccdl = WireJson.mapper().readTree(text.value());
    List<Stratum> strata = new ArrayList<>();
    if (stratify != null) {
      stratify.forEach(st -> strata.add(Stratum.ofWire(st.strip())));
    }
    return Result.ok(new Submission(strata.isEmpty() ? RequestType.FEASIBILITY : RequestType.STRATIFIED, ccdl, strata,
        yearOf == null ? null : Coding.parse(yearOf), null));
  }

  private static String json(RequestView v) {
    ObjectNode o = WireJson.mapper().createObjectNode();
    o.put("id", v.id());
    o.put("done", v.done());
    o.set("total", WireJson.mapper().valueToTree(v.result().total()));
    o.set("sites", WireJson.mapper().valueToTree(v.result().sites()));
    o.set("strata", WireJson.mapper().valueToTree(v.result().strata()));
    ObjectNode status = o.putObject("status");
    v.sites().forEach(st -> status.put(st.site(), st.status().wire()));
    return o.toString();
  }

  private static void print(RequestView v, PrintWriter out) {
    out.println("Request " + v.id() + (v.done() ? " (done)" : " (sites still working)"));
    for (SiteState st : v.sites()) {
      out.printf("  %-20s %s%s%n", st.site(), st.status().wire(), st.message() == null ? "" : "  " + st.message());
    }
    out.println("Total: " + v.result().total() + " (" + v.result().sitesReporting() + " site(s) reporting, "
        + v.result().sitesSuppressed() + " below their threshold)");
    v.result().sites().forEach(c -> out.printf("  %-14s %d%n", c.label(), c.count()));
    if (StrataTable.fits(v.result().strata())) {
      StrataTable.print(v.result().strata(), out);
    } else {
      v.result().strata().forEach((k, cells) -> out.println("  by " + k + ": " + cells));
    }
  }
}
