package org.datenraum.node.http;

import io.javalin.http.Context;
import org.datenraum.node.Node;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per call to the local port, in the node's request log: method, route template (never
 * the path's values or the query string), status, duration and the caller's key name.
 */
final class LocalRequestLog {

  private static final Logger LOG = LoggerFactory.getLogger(Node.REQUEST_LOG);

  private LocalRequestLog() {}

  static void log(Context ctx, Float millis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    LocalPrincipal p = LocalRoutes.recorded(ctx);
    LOG.info("http {} {} {} {} ms{}", ctx.method(), route(ctx), ctx.statusCode(), Math.round(millis),
        p == null ? "" : " principal=" + p.name());
  }

  private static String route(Context ctx) {
    try {
      String path = ctx.endpointHandlerPath();
      return path.isEmpty() || path.equals("*") ? "(no route)" : path;
    } catch (RuntimeException noRoute) {
      return "(no route)";
    }
  }
}
