package org.datenraum.broker.internal;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.datenraum.federation.v1.ProblemDocument;
import org.datenraum.federation.v1.WireFormatException;
import org.datenraum.federation.v1.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where refusals and failures become problem documents
 * ({@code application/problem+json}, UTF-8): the broker's own refusals, malformed payloads, calls
 * to no route or with the wrong method, and failures. No message carries a class name or a
 * parser's words; unexpected failures are logged for the operator and answered with a fixed text.
 */
public final class HttpErrors {

  static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

  private static final Logger LOG = LoggerFactory.getLogger(HttpErrors.class);

  private HttpErrors() {}

  /**
   * Configures the server's own refusals: 405 rather than 404 for a known path, the body limit, and
   * problem documents from Jetty for requests that never reach a route.
   */
  public static void install(JavalinConfig cfg) {
    cfg.http.prefer405over404 = true;
    cfg.http.maxRequestSize = RequestBody.MAX_BYTES;
    cfg.jetty.modifyServer(server -> server.setErrorHandler(new JettyProblems()));
    cfg.jetty.modifyServletContextHandler(handler -> handler.setErrorHandler(new JettyProblems()));
  }

  /** Registers the mappings on the server. */
  public static void register(Javalin app) {
    app.exception(ApiProblem.class, (e, ctx) -> write(ctx, e.document(), e.retryAfter()));
    app.exception(WireFormatException.class, (e, ctx) -> write(ctx,
        ApiProblem.invalid(e.field(), e.getMessage()).document(), null));
    app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, byStatus(e.getStatus(), ctx), null));
    app.exception(BrokerStoreException.class, (e, ctx) -> {
      LOG.warn("database unavailable on {} {}: {}", ctx.method(), ctx.endpointHandlerPath(), e.getMessage());
      write(ctx, new ProblemDocument(null, "Unavailable", 503,
          "The broker cannot reach its database right now; try again shortly.", "DR-5503", null), null);
    });
    app.exception(Exception.class, (e, ctx) -> failed(ctx, e));
    app.error(404, ctx -> {
      String type = String.valueOf(ctx.res().getContentType());
      // a page's own refusal (the portal's HTML) is kept
      if (!type.startsWith("application/problem+json") && !type.startsWith("text/html")) {
        write(ctx, byStatus(404, ctx), null);
      }
    });
  }

  private static void failed(Context ctx, Exception e) {
    LOG.error("internal error on {} {}", ctx.method(), ctx.endpointHandlerPath(), e);
    write(ctx, new ProblemDocument(null, "Internal error", 500,
        "The broker failed on this call; the operator finds the cause in its log.", "DR-5500", null), null);
  }

  /** The problem for an HTTP status the broker's routes did not produce themselves. */
  static ProblemDocument byStatus(int status, Context ctx) {
    return switch (status) {
      case 404 -> ApiProblem.notFound("No such endpoint `" + ctx.method() + " " + ctx.path()
          + "`: see /v1/openapi.json.").document();
      case 405 -> new ApiProblem(405, "Method not allowed", "DR-5405", "`" + ctx.method() + "` is not allowed on `"
          + ctx.path() + "`: see /v1/openapi.json for the calls this path takes.", null, null).document();
      case 413 -> new ApiProblem(413, "Payload too large", "DR-5413", "The body is larger than the broker accepts ("
          + RequestBody.MAX_BYTES + " bytes): send a smaller document.", "$", null).document();
      default -> generic(status);
    };
  }

  /** A problem document for a status alone, for errors raised below the routes. */
  static ProblemDocument generic(int status) {
    if (status >= 500) {
      return new ProblemDocument(null, "Internal error", status,
          "The broker failed on this call; the operator finds the cause in its log.", "DR-5500", null);
    }
    return new ProblemDocument(null, "Bad request", status,
        "The broker could not read this HTTP request (status " + status + "): check the request line and headers.",
        "DR-5400", null);
  }

  /**
   * Writes the problem as the response, in UTF-8. A refused request's body may be unread: the
   * connection then closes after the answer, so the server neither reads nor waits for the rest.
   */
  static void write(Context ctx, ProblemDocument doc, Duration retryAfter) {
    if (ctx.req().getContentLengthLong() > 0 || ctx.header("Transfer-Encoding") != null) {
      ctx.header("Connection", "close");
    }
    if (retryAfter != null) {
      ctx.header("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
    }
    ctx.status(doc.status()).contentType(PROBLEM_JSON).result(WireJson.write(doc).getBytes(StandardCharsets.UTF_8));
  }
}
