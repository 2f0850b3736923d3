package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.Reply;
import org.datenraum.federation.v1.AuditPage;
import org.datenraum.federation.v1.IssuedKey;
import org.datenraum.federation.v1.NewPrincipal;
import org.datenraum.federation.v1.Principal;
import org.datenraum.federation.v1.Role;
import org.datenraum.federation.v1.SiteOverview;
import org.datenraum.web.kit.PageView;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;

/** The operator's pages: sites with their last contact, researchers, new and revoked keys, the audit log. */
final class OperatorPages {

  private final PortalKit kit;
  private final BrokerCalls calls;

  OperatorPages(PortalKit kit, BrokerCalls calls) {
    this.kit = kit;
    this.calls = calls;
  }

  void routes(Javalin app) {
    app.get("/operator/principals", ctx -> principals(ctx, kit.page(ctx, "principals.title"), 200));
    app.post("/operator/principals", this::add);
    app.post("/operator/principals/{name}/revoke", this::revoke);
    app.get("/operator/audit", this::audit);
  }

  private void principals(Context ctx, PageView page, int status) {
    User u = kit.user(ctx, BrokerPortal.operator());
    List<SiteOverview> sites = calls.call(u, c -> c.sites());
    List<Principal> researchers = calls.call(u, c -> c.principals()).stream()
        .filter(p -> p.role() == Role.RESEARCHER).toList();
    String revoked = ctx.queryParam("revoked");
    if (revoked != null) {
      page = page.withNotice(page.t().get("principals.revokedNotice", revoked));
    }
    ctx.status(status);
    kit.render(ctx, "broker/principals.jte", page, Map.of("sites", sites, "researchers", researchers,
        "issued", java.util.Objects.requireNonNullElse(ctx.<String>attribute("issued"), ""),
        "issuedName", java.util.Objects.requireNonNullElse(ctx.<String>attribute("issuedName"), "")));
  }

  private void add(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.operator());
    String name = ctx.formParam("name") == null ? "" : ctx.formParam("name").strip();
    boolean site = "site".equals(ctx.formParam("role"));
    PageView page = kit.page(ctx, "principals.title");
    try {
      new NewPrincipal(name);
    } catch (IllegalArgumentException e) {
      principals(ctx, page.withError(page.t().get("principals.badName", name)), 400);
      return;
    }
    Reply<IssuedKey> r = calls.reply(u, c -> site ? c.addSite(name) : c.addResearcher(name));
    if (!r.isOk()) {
      principals(ctx, page.withError(r.problem().text()), r.status());
      return;
    }
    ctx.attribute("issued", r.value().key());
    ctx.attribute("issuedName", r.value().name());
    principals(ctx, page.withNotice(page.t().get("principals.added", r.value().name())), 201);
  }

  private void revoke(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.operator());
    String name = ctx.pathParam("name");
    Reply<Void> r = calls.reply(u, c -> c.revoke(name));
    if (!r.isOk()) {
      PageView page = kit.page(ctx, "principals.title");
      principals(ctx, page.withError(r.problem().text()), r.status());
      return;
    }
    ctx.redirect("/operator/principals?revoked=" + URLEncoder.encode(name, StandardCharsets.UTF_8),
        HttpStatus.SEE_OTHER);
  }

  private void audit(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.operator());
    Long before = parse(ctx.queryParam("before"));
    AuditPage entries = calls.call(u, c -> c.audit(50, before));
    PageView page = kit.page(ctx, "audit.title");
    var verified = calls.reply(u, c -> c.verifyAudit());
    page = verified.isOk()
        ? page.withNotice(page.t().get("audit.intact", verified.value().path("entries").asLong()))
        : page.withError(page.t().get("audit.broken", page.t().problem(verified.problem().text())));
    kit.render(ctx, "broker/audit.jte", page, Map.of("audit", entries));
  }

  private static Long parse(String s) {
    try {
      return s == null || s.isBlank() ? null : Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
