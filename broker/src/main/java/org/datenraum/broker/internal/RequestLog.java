package org.datenraum.broker.internal;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per request handled: method, route template (never the path's values or the query
 * string), status, duration, the caller's principal name and the Datenraum request id where the
 * route names one. Nothing else of the request is logged.
 */
public final class RequestLog {

  /** The attribute under which a handler leaves the authenticated caller's name. */
  static final String PRINCIPAL = "datenraum.principal";

  private static final Pattern ISSUED_ID = Pattern.compile(
      "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|surveillance-(daily-)?\\d{4}-\\d{2}-\\d{2}(-[0-9a-f]{8})?");
  /** The logger's name, for configuration. */
  public static final String LOGGER = "org.datenraum.broker.requests";

  private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

  private RequestLog() {}

  /** Installs the log on the server's configuration. */
  public static void install(JavalinConfig cfg) {
    cfg.requestLogger.http(RequestLog::log);
  }

  static void log(Context ctx, Float millis) {
    if (!LOG.isInfoEnabled()) {
      return;
    }
    String principal = ctx.attribute(PRINCIPAL);
    String id = route(ctx).contains("{id}") ? issued(ctx.pathParamMap().get("id")) : null;
    LOG.info("{} {} {} {} ms{}{}", ctx.method(), route(ctx), ctx.statusCode(), Math.round(millis),
        principal == null ? "" : " principal=" + principal, id == null ? "" : " request=" + id);
  }

  /** The id when it has the form of an id the broker issues; a caller's free text is not logged. */
  private static String issued(String id) {
    return id != null && ISSUED_ID.matcher(id).matches() ? id : "(not an id)";
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
