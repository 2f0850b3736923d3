package org.datenraum.broker.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import org.datenraum.federation.v1.NewPrincipal;
import org.datenraum.federation.v1.NewSavedQuery;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.Role;
import org.datenraum.federation.v1.SiteOverview;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;

/** The /v1 HTTP routes; refusals become problem documents in {@link HttpErrors}. */
public final class Api {

  private static final Duration MAX_WAIT = Duration.ofSeconds(60);
  static final String JSON = "application/json; charset=utf-8";

  private final Principals principals;
  private final RequestLedger ledger;
  private final RequestListing listing;
  private final SavedQueries saved;
  private final String openapi;

  public Api(Principals principals, RequestLedger ledger, Database db) {
    this.principals = principals;
    this.ledger = ledger;
    this.listing = new RequestListing(db);
    this.saved = new SavedQueries(db, ledger.clock());
    this.openapi = resource("/org/datenraum/broker/openapi.json");
  }

  /** Registers the routes and error mapping on the server. */
  public void routes(Javalin app) {
    app.before(RequestBody::checkAnnounced);
    app.get("/v1/openapi.json", ctx -> ctx.contentType(JSON).result(openapi.getBytes(StandardCharsets.UTF_8)));
    app.post("/v1/requests", this::submit);
    app.get("/v1/requests", ctx -> json(ctx, 200, listing.page(require(ctx, Role.RESEARCHER), ctx.queryParam("limit"),
        ctx.queryParam("before"))));
    app.get("/v1/requests/{id}", this::view);
    app.get("/v1/saved-queries", ctx -> json(ctx, 200, saved.list(require(ctx, Role.RESEARCHER))));
    app.post("/v1/saved-queries", ctx -> {
      Caller c = require(ctx, Role.RESEARCHER);
      var kept = saved.add(c, WireJson.read(RequestBody.text(ctx), NewSavedQuery.class));
      ctx.header("Location", "/v1/saved-queries/" + kept.id());
      json(ctx, 201, kept);
    });
    app.get("/v1/saved-queries/{id}", ctx -> json(ctx, 200, saved.get(require(ctx, Role.RESEARCHER),
        ctx.pathParam("id"))));
    app.delete("/v1/saved-queries/{id}", ctx -> {
      saved.delete(require(ctx, Role.RESEARCHER), ctx.pathParam("id"));
      ctx.status(204);
    });
    app.get("/v1/node/requests", this::poll);
    app.post("/v1/node/requests/{id}/status", this::status);
    app.put("/v1/node/requests/{id}/result", this::result);
    app.post("/v1/admin/sites", ctx -> addPrincipal(ctx, Role.SITE));
    app.post("/v1/admin/researchers", ctx -> addPrincipal(ctx, Role.RESEARCHER));
    app.delete("/v1/admin/principals/{name}", this::revoke);
    app.get("/v1/me", ctx -> {
      Caller c = require(principals, ctx, Set.of(Role.values()));
      json(ctx, 200, principals.one(c.name()));
    });
    app.get("/v1/admin/sites", ctx -> {
      require(ctx, Role.ADMIN);
      json(ctx, 200, sites());
    });
    app.get("/v1/admin/principals", ctx -> {
      require(ctx, Role.ADMIN);
      json(ctx, 200, principals.list());
    });
    HttpErrors.register(app);
  }

  private void submit(Context ctx) {
    Caller c = require(ctx, Role.RESEARCHER);
    Submission s = WireJson.read(RequestBody.text(ctx), Submission.class);
    if (s.type() == RequestType.SURVEILLANCE) {
      throw ApiProblem.invalid("type", "Surveillance rounds are the broker's standing request: read the series with"
          + " GET /v1/surveillance.");
    }
    var view = ledger.submit(c, s);
    ctx.header("Location", "/v1/requests/" + view.id());
    json(ctx, 201, view);
  }

  private void view(Context ctx) {
    Caller c = require(ctx, Role.RESEARCHER);
    var view = ledger.view(c, ctx.pathParam("id"), waitParam(ctx));
    ctx.future(() -> view.thenAccept(v -> json(ctx, 200, v)));
  }

  /** A long poll: answered when work arrives or the wait ends, without holding a thread meanwhile. */
  private void poll(Context ctx) {
    Caller c = require(ctx, Role.SITE);
    boolean resume = "true".equals(ctx.queryParam("resume"));
    var docs = ledger.poll(c, waitParam(ctx), resume);
    ctx.future(() -> docs.thenAccept(d -> json(ctx, 200, d)));
  }

  private void status(Context ctx) {
    Caller c = require(ctx, Role.SITE);
    ledger.status(c, ctx.pathParam("id"), WireJson.read(RequestBody.text(ctx), StatusUpdate.class));
    ctx.status(204);
  }

  private void result(Context ctx) {
    Caller c = require(ctx, Role.SITE);
    boolean fresh = ledger.result(c, ctx.pathParam("id"), WireJson.read(RequestBody.text(ctx), SiteResult.class));
    ctx.status(fresh ? 201 : 200);
  }

  private void addPrincipal(Context ctx, Role role) {
    Caller c = require(ctx, Role.ADMIN);
    NewPrincipal p = WireJson.read(RequestBody.text(ctx), NewPrincipal.class);
    json(ctx, 201, principals.add(c.name(), p.name(), role));
  }

  private void revoke(Context ctx) {
    Caller c = require(ctx, Role.ADMIN);
    String name = ctx.pathParam("name");
    if (name.equals(c.name())) {
      throw ApiProblem.invalid("name", "The operator cannot revoke its own key.");
    }
    ledger.changed(principals.revoke(c.name(), name));
    ctx.status(204);
  }

  private java.util.List<SiteOverview> sites() {
    java.util.Map<String, Integer> open = ledger.openPerSite();
    return principals.list().stream().filter(p -> p.role() == Role.SITE)
        .map(p -> new SiteOverview(p.name(), p.revoked(), p.created(), principals.lastContact(p.name()).orElse(null),
            open.getOrDefault(p.name(), 0))).toList();
  }

  private Caller require(Context ctx, Role role) {
    return require(principals, ctx, Set.of(role));
  }

  /**
   * The caller of this request, which must hold one of these roles; its name is recorded for the
   * request log.
   */
  static Caller require(Principals principals, Context ctx, Set<Role> roles) {
    Caller c = principals.authenticate(ctx.header("Authorization"));
    ctx.attribute(RequestLog.PRINCIPAL, c.name());
    if (!roles.contains(c.role())) {
      String needed = roles.size() == 1 ? roles.iterator().next().wire()
          : roles.stream().map(Role::wire).sorted().toList().toString();
      throw ApiProblem.forbidden("This call needs the `" + needed + "` role; the key belongs to a `"
          + c.role().wire() + "`.");
    }
    return c;
  }

  private static Duration waitParam(Context ctx) {
    String w = ctx.queryParam("wait");
    if (w == null || w.isBlank()) {
      return Duration.ZERO;
    }
    try {
      Duration d = w.endsWith("ms") ? Duration.ofMillis(Long.parseLong(w.substring(0, w.length() - 2)))
          : Duration.ofSeconds(Long.parseLong(w));
      if (d.isNegative()) {
        throw new NumberFormatException();
      }
      return d.compareTo(MAX_WAIT) > 0 ? MAX_WAIT : d;
    } catch (NumberFormatException e) {
      throw ApiProblem.invalid("wait", "Query parameter `wait` `" + w + "` must be seconds (`25`) or milliseconds (`500ms`).");
    }
  }

  static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType(JSON).result(WireJson.write(body).getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) {
    try (InputStream in = Api.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
