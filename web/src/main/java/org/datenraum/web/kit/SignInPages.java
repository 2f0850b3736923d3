package org.datenraum.web.kit;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Map;
import org.datenraum.core.Result;

/** {@code GET/POST /signin} and {@code POST /signout}. */
final class SignInPages {

  private final PortalKit kit;
  private final Access access;

  SignInPages(PortalKit kit, Access access) {
    this.kit = kit;
    this.access = access;
  }

  void routes(Javalin app) {
    app.get("/signin", ctx -> show(ctx, kit.page(ctx, "kit.signin"), 200));
    app.post("/signin", this::signIn);
    app.post("/signout", ctx -> {
      kit.signOut(ctx);
      ctx.redirect("/signin?out=1", HttpStatus.SEE_OTHER);
    });
  }

  private void show(Context ctx, PageView page, int status) {
    Messages t = page.t();
    if (ctx.queryParam("expired") != null) {
      page = page.withError(t.get("kit.expired"));
    }
    if (ctx.queryParam("out") != null) {
      page = page.withNotice(t.get("kit.signedOut"));
    }
    ctx.status(status);
    kit.render(ctx, "kit/signin.jte", page, Map.of("next", safeNext(ctx.queryParam("next"))));
  }

  private void signIn(Context ctx) {
    String key = ctx.formParam("key");
    PageView page = kit.page(ctx, "kit.signin");
    if (key == null || key.isBlank()) {
      ctx.status(400);
      kit.render(ctx, "kit/signin.jte", page.withError(page.t().get("kit.keyMissing")),
          Map.of("next", safeNext(ctx.formParam("next"))));
      return;
    }
    Result<User> r = access.signIn().signIn(key.strip());
    if (!r.isOk()) {
      ctx.status(401);
      kit.render(ctx, "kit/signin.jte", page.withError(r.problem().text()),
          Map.of("next", safeNext(ctx.formParam("next"))));
      return;
    }
    User u = kit.signedIn(ctx, r.value());
    String next = safeNext(ctx.formParam("next"));
    ctx.redirect(next.isEmpty() ? kit.home(u) : next, HttpStatus.SEE_OTHER);
  }

  /** A path on this server only (no scheme, no host): anything else is dropped. */
  static String safeNext(String next) {
    if (next == null || !next.startsWith("/") || next.startsWith("//") || next.contains("\\") || next.contains("\n")
        || next.startsWith("/signin")) {
      return "";
    }
    return next;
  }
}
