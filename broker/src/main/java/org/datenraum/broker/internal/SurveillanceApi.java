package org.datenraum.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.Role;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.WireJson;

/**
 * The surveillance routes: the operator sets the standing request and starts rounds, sites upload
 * their daily counts for a round, researchers read the merged series. Refusals are thrown as
 * {@link ApiProblem}s and become problem documents in {@link Api}.
 */
public final class SurveillanceApi {

  private final Principals principals;
  private final SurveillanceLedger ledger;

  public SurveillanceApi(Principals principals, SurveillanceLedger ledger) {
    this.principals = principals;
    this.ledger = ledger;
  }

  /** Registers the routes on the server. */
  public void routes(Javalin app) {
    app.put("/v1/admin/surveillance", this::standing);
    app.post("/v1/admin/surveillance/rounds", this::start);
    app.get("/v1/admin/surveillance/rounds/{id}", ctx -> {
      require(ctx, Set.of(Role.ADMIN));
      json(ctx, 200, ledger.round(ctx.pathParam("id")));
    });
    app.put("/v1/node/requests/{id}/daily-counts", this::receive);
    app.get("/v1/node/surveillance/days", ctx -> json(ctx, 200, ledger.held(require(ctx, Set.of(Role.SITE)))));
    app.get("/v1/surveillance", this::view);
  }

  private void standing(Context ctx) {
    Caller c = require(ctx, Set.of(Role.ADMIN));
    StandingSurveillance s = WireJson.read(RequestBody.text(ctx), StandingSurveillance.class);
    ledger.setStanding(c, s);
    json(ctx, 200, s);
  }

  private void start(Context ctx) {
    Caller c = require(ctx, Set.of(Role.ADMIN));
    String body = RequestBody.text(ctx);
    JsonNode round = body.isBlank() ? null : WireJson.read(body, JsonNode.class);
    if (round != null && !round.isObject()) {
      throw ApiProblem.invalid("$", "The body must be a JSON object such as {\"through\":\"2025-10-06\"}, or empty.");
    }
    JsonNode through = round == null ? null : round.get("through");
    json(ctx, 201, ledger.start(c, through == null || through.isNull() ? null : date("through", through.asText())));
  }

  private void receive(Context ctx) {
    Caller c = require(ctx, Set.of(Role.SITE));
    ledger.receive(c, ctx.pathParam("id"), WireJson.read(RequestBody.text(ctx), DailyCounts.class));
    ctx.status(204);
  }

  private void view(Context ctx) {
    require(ctx, Set.of(Role.RESEARCHER, Role.ADMIN));
    LocalDate from = ctx.queryParam("from") == null ? null : date("from", ctx.queryParam("from"));
    LocalDate to = ctx.queryParam("to") == null ? null : date("to", ctx.queryParam("to"));
    SurveillanceViews.Built view = ledger.viewJson(from, to, ctx.header("If-None-Match"));
    ctx.header("ETag", view.tag());
    if (view.json() == null) {
      ctx.status(304);
      return;
    }
    ctx.status(200).contentType(Api.JSON).result(view.json());
  }

  private Caller require(Context ctx, Set<Role> roles) {
    return Api.require(principals, ctx, roles);
  }

  private static LocalDate date(String field, String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw ApiProblem.invalid(field, "`" + field + "` `" + text + "` must be a date such as 2025-10-06.");
    }
  }

  private static void json(Context ctx, int status, Object body) {
    Api.json(ctx, status, body);
  }
}
