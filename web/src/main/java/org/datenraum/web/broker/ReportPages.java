package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.datenraum.core.Result;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.ReportQuery;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.Submission;
import org.datenraum.web.kit.Dates;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;
import org.datenraum.web.research.ReportForms;

/**
 * The registry reports page: choose a report, fill its parameters, submit; the request's page shows
 * each site's status and the merged tables.
 */
final class ReportPages {

  /** Form fields holding a parameter are named {@code p.NAME}. */
  static final String PARAM = "p.";

  private final PortalKit kit;
  private final BrokerCalls calls;
  private final Clock clock;

  ReportPages(PortalKit kit, BrokerCalls calls, Clock clock) {
    this.kit = kit;
    this.calls = calls;
    this.clock = clock;
  }

  void routes(Javalin app) {
    app.get("/research/reports", this::show);
    app.post("/research/reports/submit", this::submit);
  }

  private void show(Context ctx) {
    kit.user(ctx, BrokerPortal.researcher());
    String chosen = ctx.queryParam("report");
    render(ctx, kit.page(ctx, "reports.title"), chosen == null || ReportForms.form(chosen).isEmpty() ? "inventory"
        : chosen, Map.of(), 200);
  }

  private void submit(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    String report = ctx.formParam("report");
    Map<String, String> values = new LinkedHashMap<>();
    ctx.formParamMap().forEach((k, v) -> {
      if (k.startsWith(PARAM) && !v.isEmpty()) {
        values.put(k.substring(PARAM.length()), v.get(0));
      }
    });
    Result<ReportQuery> q = ReportForms.check(report, values);
    String shown = report != null && ReportForms.form(report).isPresent() ? report : "inventory";
    if (!q.isOk()) {
      render(ctx, kit.page(ctx, "reports.title").withError(q.problem().text()), shown, values, 400);
      return;
    }
    Reply<RequestView> r = calls.reply(u, c -> c.submit(Submission.report(q.value())));
    if (r.status() == 429) {
      Duration wait = r.waitHint().orElse(Duration.ofMinutes(1));
      render(ctx, kit.page(ctx, "reports.title").withError(kit.messages(ctx).get("editor.quota",
          Dates.second(clock.instant().plus(wait)), wait.toSeconds())), shown, values, 429);
      return;
    }
    if (!r.isOk()) {
      render(ctx, kit.page(ctx, "reports.title").withError(r.problem().text()), shown, values, r.status());
      return;
    }
    ctx.redirect("/research/requests/" + r.value().id(), HttpStatus.SEE_OTHER);
  }

  private void render(Context ctx, PageView page, String report, Map<String, String> values, int status) {
    ctx.status(status);
    kit.render(ctx, "broker/reports.jte", page, Map.of("forms", ReportForms.all(), "form",
        ReportForms.form(report).orElseThrow(), "values", Map.copyOf(values)));
  }
}
