package org.datenraum.broker.internal;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.federation.audit.AuditEntry;
import org.datenraum.federation.audit.AuditReport;
import org.datenraum.federation.v1.AuditPage;
import org.datenraum.federation.v1.AuditHead;
import org.datenraum.federation.v1.Role;
import org.datenraum.federation.v1.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The audit routes: sites and the broker exchange their audit heads, and the operator verifies the
 * broker's log while it runs. Refusals are thrown as {@link ApiProblem}s and become problem
 * documents in {@link HttpErrors}.
 */
public final class AuditApi {

  private static final Logger LOG = LoggerFactory.getLogger(AuditApi.class);

  private final Principals principals;
  private final Database db;
  private final Path dataDir;
  private final SiteAuditHeads heads;

  public AuditApi(Principals principals, Database db, Path dataDir, SiteAuditHeads heads) {
    this.principals = principals;
    this.db = db;
    this.dataDir = dataDir;
    this.heads = heads;
  }

  /** Registers the routes on the server. */
  public void routes(Javalin app) {
    app.put("/v1/node/audit-head", this::exchange);
    app.get("/v1/node/audit-head", ctx -> {
      Caller c = require(ctx, Role.SITE);
      Api.json(ctx, 200, heads.held(c.name()).orElseThrow(() -> ApiProblem.notFound("The broker holds no audit head"
          + " for site `" + c.name() + "` yet: a running node sends it every few seconds.")));
    });
    app.get("/v1/admin/audit/verify", this::verify);
    app.get("/v1/admin/audit", this::page);
  }

  private void exchange(Context ctx) {
    Caller c = require(ctx, Role.SITE);
    AuditHead reported = WireJson.read(ctx.body(), AuditHead.class);
    try {
      heads.report(c.name(), reported);
    } catch (ApiProblem e) {
      LOG.warn("site {} reported audit head {}: {}", c.name(), reported.seq(), e.document().code());
      throw e;
    }
    Api.json(ctx, 200, AuditTable.head(db).orElseThrow());
  }

  private void verify(Context ctx) {
    require(ctx, Role.ADMIN);
    AuditReport r = AuditTable.verify(db, dataDir, List.of());
    if (!r.intact()) {
      throw new ApiProblem(409, "Audit log broken", r.problems().get(0).code(), "The audit log was tampered with: "
          + r.problems().get(0).message(), null, null);
    }
    Map<String, Object> intact = new LinkedHashMap<>();
    intact.put("intact", true);
    intact.put("entries", r.entries());
    Api.json(ctx, 200, intact);
  }

  private void page(Context ctx) {
    require(ctx, Role.ADMIN);
    int limit = Listing.limit(ctx.queryParam("limit"));
    Long before = Listing.before(ctx.queryParam("before"));
    List<AuditEntry> entries = AuditTable.page(db, limit + 1, before);
    boolean more = entries.size() > limit;
    List<AuditEntry> shown = more ? entries.subList(0, limit) : entries;
    Api.json(ctx, 200, new AuditPage(shown, more ? shown.get(limit - 1).seq() : null));
  }

  private Caller require(Context ctx, Role role) {
    return Api.require(principals, ctx, Set.of(role));
  }
}
