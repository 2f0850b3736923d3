package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.Map;
import org.datenraum.federation.v1.RequestPage;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;

/** The researcher's pages: the query editor, the requests with their live status, saved queries. */
final class ResearcherPages {

  private final PortalKit kit;
  private final BrokerCalls calls;

  ResearcherPages(PortalKit kit, BrokerCalls calls) {
    this.kit = kit;
    this.calls = calls;
  }

  void routes(Javalin app) {
    app.get("/research/requests", this::requests);
  }

  private void requests(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.researcher());
    String before = ctx.queryParam("before");
    RequestPage page = calls.call(u, c -> c.requests(20, before == null || before.isBlank() ? null : before));
    kit.render(ctx, "broker/requests.jte", kit.page(ctx, "requests.title"), Map.of("requests", page));
  }
}
