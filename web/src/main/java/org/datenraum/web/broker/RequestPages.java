package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.Stratum;
import org.datenraum.federation.v1.Submission;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.CcdlWriter;
import org.datenraum.web.kit.Dates;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;
import org.datenraum.web.research.Draft;
import org.datenraum.web.research.ResultView;

/** Submitting the editor's query, and a request's page with each site's status as it changes. */
final class RequestPages {

  private final PortalKit kit;
  private final BrokerCalls calls;
  private final EditorPages editor;
  private final Clock clock;

  RequestPages(PortalKit kit, BrokerCalls calls, EditorPages editor, Clock clock) {
    this.kit = kit;
    this.calls = calls;
    this.editor = editor;
    this.clock = clock;
  }

  void routes(Javalin app) {
    app.post("/research/query/submit", this::submit);
    app.get("/research/requests/{id}", ctx -> show(ctx, false));
    app.get("/research/requests/{id}/status", ctx -> show(ctx, true));
  }

  private void submit(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    Draft d = editor.draft(ctx, ctx.formParam("q"));
    if (d.isEmpty()) {
      editor.show(ctx, kit.page(ctx, "editor.title").withError(kit.messages(ctx).get("editor.nothingToSubmit")), d, 400);
      return;
    }
    Submission s = submission(d.query().get(), ctx.formParams("stratify"));
    Reply<RequestView> r = calls.reply(u, c -> c.submit(s));
    if (r.status() == 429) {
      Duration wait = r.waitHint().orElse(Duration.ofMinutes(1));
      String at = Dates.second(clock.instant().plus(wait));
      editor.show(ctx, kit.page(ctx, "editor.title").withError(kit.messages(ctx).get("editor.quota", at,
          wait.toSeconds())), d, 429);
      return;
    }
    if (!r.isOk()) {
      editor.show(ctx, kit.page(ctx, "editor.title").withError(r.problem().text()), d, r.status());
      return;
    }
    ctx.redirect("/research/requests/" + r.value().id(), HttpStatus.SEE_OTHER);
  }

  private static Submission submission(CcdlQuery q, List<String> strata) {
    List<Stratum> by = new ArrayList<>();
    for (String s : strata) {
      if (s.equals("sex") || s.equals("age")) {
        by.add(Stratum.ofWire(s));
      }
    }
    return by.isEmpty() ? Submission.feasibility(CcdlWriter.tree(q))
        : new Submission(RequestType.STRATIFIED, CcdlWriter.tree(q), by, null, null);
  }

  private void show(Context ctx, boolean fragment) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    String id = ctx.pathParam("id");
    RequestView v = calls.call(u, c -> c.request(id, Duration.ZERO));
    var page = kit.page(ctx, "request.title");
    kit.render(ctx, fragment ? "broker/status.jte" : "broker/request.jte", page,
        Map.of("view", ResultView.of(v, page.t())));
  }
}
