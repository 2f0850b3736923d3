package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.Principal;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.User;

/** The operator's pages: sites and researchers with their keys, the audit log. */
final class OperatorPages {

  private final PortalKit kit;
  private final BrokerCalls calls;

  OperatorPages(PortalKit kit, BrokerCalls calls) {
    this.kit = kit;
    this.calls = calls;
  }

  void routes(Javalin app) {
    app.get("/operator/principals", this::principals);
  }

  private void principals(Context ctx) {
    User u = kit.user(ctx, BrokerPortal.operator());
    List<Principal> all = calls.call(u, c -> c.principals());
    kit.render(ctx, "broker/principals.jte", kit.page(ctx, "principals.title"), Map.of("principals", all));
  }
}
