package org.datenraum.web.site;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.datenraum.core.Result;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.query.ccdl.CcdlParser;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.Dates;
import org.datenraum.web.kit.Messages;
import org.datenraum.web.research.QuerySentence;
import org.datenraum.node.LocalRequest;
import org.datenraum.node.admin.QuarantineGroup;
import org.datenraum.node.admin.RequestText;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.http.LocalPrincipal;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;

/** The handlers of the site admin pages: read the request, ask {@link SiteAdmin}, render. */
final class SitePages {

  /** Quarantined records per reason on one page. */
  static final int QUARANTINE_PAGE = 20;
  private static final int RECENT = 20;

  private final PortalKit kit;
  private final SiteAdmin admin;
  private final Function<User, LocalPrincipal> check;

  SitePages(PortalKit kit, SiteAdmin admin, Function<User, LocalPrincipal> check) {
    this.kit = kit;
    this.admin = admin;
    this.check = check;
  }

  void routes(Javalin app) {
    app.get("/site/approvals", ctx -> approvals(ctx, kit.page(ctx, "site.approvals.title")));
    app.post("/site/approvals/{id}/approve", ctx -> decide(ctx, true));
    app.post("/site/approvals/{id}/reject", ctx -> decide(ctx, false));
    app.get("/site/data", this::data);
    app.get("/site/quarantine", this::quarantine);
    app.get("/site/audit", this::audit);
  }

  private LocalPrincipal signedIn(Context ctx) {
    LocalPrincipal p = check.apply(kit.user(ctx, SitePortal.roles()));
    SitePortal.record(ctx, p);
    return p;
  }

  private void approvals(Context ctx, PageView page) {
    signedIn(ctx);
    List<PendingView> pending = admin.awaiting().stream().map(r -> pending(r, page.t())).toList();
    List<RecentView> recent = admin.all().stream().limit(RECENT).map(r -> recent(r, page.t())).toList();
    List<String> rules = admin.autoApproved().stream().map(t -> page.t().get("type." + t.wire())).sorted().toList();
    kit.render(ctx, "site/approvals.jte", page, Map.of("pending", pending, "recent", recent, "rules", rules));
  }

  private void decide(Context ctx, boolean approve) {
    LocalPrincipal p = signedIn(ctx);
    String id = ctx.pathParam("id");
    Result<LocalRequest> r = admin.decide(id, approve, p.name(), ctx.formParam("reason"));
    PageView page = kit.page(ctx, "site.approvals.title");
    if (!r.isOk()) {
      ctx.status(r.problem().category() == org.datenraum.core.Problem.Category.NOT_FOUND ? 404 : 400);
      approvals(ctx, page.withError(r.problem().text()));
      return;
    }
    approvals(ctx, page.withNotice(page.t().get(approve ? "site.approvals.approved" : "site.approvals.rejected", id)));
  }

  private void data(Context ctx) {
    signedIn(ctx);
    var stats = admin.stats();
    var quality = admin.quality();
    if (!stats.isOk() || !quality.isOk()) {
      throw new PageProblem(503, (stats.isOk() ? quality.problem() : stats.problem()).text());
    }
    kit.render(ctx, "site/data.jte", kit.page(ctx, "site.data.title"), Map.of("stats", stats.value(),
        "quality", quality.value(), "lastLoad", admin.lastLoad().map(Dates::minute).orElse("")));
  }

  private void quarantine(Context ctx) {
    signedIn(ctx);
    int page = pageNumber(ctx.queryParam("page"));
    Result<List<QuarantineGroup>> groups = admin.quarantine(page, QUARANTINE_PAGE);
    if (!groups.isOk()) {
      throw new PageProblem(503, groups.problem().text());
    }
    boolean more = groups.value().stream().anyMatch(g -> g.count() > (long) (page + 1) * QUARANTINE_PAGE);
    kit.render(ctx, "site/quarantine.jte", kit.page(ctx, "site.quarantine.title"), Map.of("groups", groups.value(),
        "pageNumber", page, "more", more));
  }

  private void audit(Context ctx) {
    signedIn(ctx);
    kit.render(ctx, "site/audit.jte", kit.page(ctx, "site.audit.title"), Map.of("audit", admin.audit(100)));
  }

  static int pageNumber(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    try {
      int n = Integer.parseInt(text.strip());
      if (n >= 0 && n <= 1_000_000) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw PageProblem.invalid("DR-7143 page `" + text + "` is not a page number: give 0 or more.");
  }

  private static PendingView pending(LocalRequest r, Messages t) {
    var d = r.request();
    return new PendingView(d.id(), t.get("type." + d.type().wire()), d.researcher(), d.created(), d.expires(),
        readable(d, t), RequestText.json(d));
  }

  /** The request in words of the page's language: the query's sentence and strata, or what kind of request it is. */
  static String readable(RequestDocument d, Messages t) {
    if (d.type() != RequestType.FEASIBILITY && d.type() != RequestType.STRATIFIED) {
      return t.get("site.approvals.other", t.get("type." + d.type().wire()));
    }
    Result<CcdlQuery> q = CcdlParser.read(d.query());
    if (!q.isOk()) {
      return t.get("site.approvals.invalid", q.problem().code());
    }
    String text = QuerySentence.of(q.value(), t, TermTree.builtIn());
    if (!d.stratify().isEmpty()) {
      text += " " + t.get("site.approvals.strata", d.stratify().stream().map(s -> t.get("stratum." + s.wire()))
          .collect(Collectors.joining(", ")));
    }
    return text;
  }

  private static RecentView recent(LocalRequest r, Messages t) {
    var d = r.request();
    return new RecentView(d.id(), t.get("type." + d.type().wire()), d.researcher(), r.state().name()
        .toLowerCase(Locale.ROOT).replace('_', '-'), r.updated(), r.note());
  }
}
