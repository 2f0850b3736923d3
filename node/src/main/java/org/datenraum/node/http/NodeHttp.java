package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.util.JavalinBindException;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.datenraum.federation.v1.ProblemDocument;
import org.datenraum.federation.v1.WireJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's local HTTP port, for the site's own network only: the site admin pages and the
 * hospital systems that post documents to the node. The broker never connects here. Every call
 * but {@code GET /local/health} needs a site-local key ({@link LocalKeys}); routes come from
 * {@link NodeHttpRoutes} contributions. Stop with {@link #close()}.
 */
public final class NodeHttp implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(NodeHttp.class);
  /** Bodies larger than this are refused (413). */
  public static final long MAX_BODY_BYTES = 20L * 1024 * 1024;
  static final String PROBLEM_JSON = "application/problem+json; charset=utf-8";

  private final Javalin app;
  private final String bind;
  private final List<NodeHttpRoutes> contributions;

  private NodeHttp(Javalin app, String bind, List<NodeHttpRoutes> contributions) {
    this.app = app;
    this.bind = bind;
    this.contributions = List.copyOf(contributions);
  }

  /**
   * Starts the port with the built-in routes and the contributions'; a port in use or an address
   * not of this machine is refused with an {@link IllegalStateException} or
   * {@link IllegalArgumentException} naming it.
   */
  public static NodeHttp start(NodeHttpConfig config, LocalKeys keys, List<NodeHttpRoutes> contributions) {
    requireNonNull(keys, "keys");
    LocalBind.check(config.bind());
    Javalin app = Javalin.create(cfg -> {
      cfg.showJavalinBanner = false;
      cfg.startupWatcherEnabled = false;
      cfg.http.prefer405over404 = true;
      cfg.http.maxRequestSize = MAX_BODY_BYTES;
      cfg.requestLogger.http(LocalRequestLog::log);
    });
    errors(app);
    LocalRoutes routes = new LocalRoutes(app, keys);
    routes.open(HandlerType.GET, "/local/health", ctx -> json(ctx, 200, Map.of("status", "up")));
    routes.add(HandlerType.GET, "/local/whoami", EnumSet.allOf(LocalRole.class), ctx -> {
      LocalPrincipal p = LocalRoutes.principal(ctx);
      json(ctx, 200, Map.of("name", p.name(), "role", p.role().wire()));
    });
    contributions.forEach(c -> c.register(routes));
    try {
      app.start(config.bind(), config.port());
    } catch (JavalinBindException e) {
      app.stop();
      contributions.forEach(NodeHttpRoutes::close);
      throw new IllegalStateException("DR-7101 --http-port `" + config.port() + "` on `" + config.bind()
          + "` is in use by another process: stop it or choose another port.", e);
    }
    NodeHttp http = new NodeHttp(app, config.bind(), contributions);
    LOG.info("node's local port on {}", http.uri());
    return http;
  }

  /** The port listened on. */
  public int port() {
    return app.port();
  }

  /** The address for a browser or client, such as {@code http://127.0.0.1:8081}. */
  public URI uri() {
    String host = bind.equals("0.0.0.0") ? NodeHttpConfig.LOOPBACK : bind;
    return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port());
  }

  /** Writes {@code body} as JSON with {@code status}. */
  public static void json(Context ctx, int status, Object body) {
    ctx.status(status).contentType("application/json; charset=utf-8").result(WireJson.write(body));
  }

  private static void errors(Javalin app) {
    app.exception(LocalProblem.class, (e, ctx) -> problem(ctx, e.document()));
    app.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, byStatus(e.getStatus(), ctx)));
    app.exception(Exception.class, (e, ctx) -> {
      LOG.error("internal error on {} {}", ctx.method(), ctx.path(), e);
      problem(ctx, LocalProblem.of(500, "DR-7109", "The node failed on this call; its log names the cause.")
          .document());
    });
    app.error(404, ctx -> {
      if (ctx.result() == null) {
        problem(ctx, byStatus(404, ctx));
      }
    });
    app.error(405, ctx -> problem(ctx, byStatus(405, ctx)));
  }

  private static ProblemDocument byStatus(int status, Context ctx) {
    return switch (status) {
      case 404 -> LocalProblem.of(404, "DR-7106", "No such page or call `" + ctx.method() + " " + ctx.path()
          + "` on this node: see docs/node.md.").document();
      case 405 -> LocalProblem.of(405, "DR-7107", "`" + ctx.method() + "` is not allowed on `" + ctx.path()
          + "`: see docs/node.md for the calls this path takes.").document();
      case 413 -> LocalProblem.of(413, "DR-7108", "The body is larger than the node accepts (" + MAX_BODY_BYTES
          + " bytes): send a smaller document.").document();
      default -> LocalProblem.of(status, "DR-7109", "The node refused this call (status " + status + ").")
          .document();
    };
  }

  static void problem(Context ctx, ProblemDocument d) {
    ctx.status(d.status()).contentType(PROBLEM_JSON).result(WireJson.write(d));
  }

  @Override
  public void close() {
    try {
      app.stop();
    } finally {
      for (NodeHttpRoutes c : contributions) {
        try {
          c.close();
        } catch (RuntimeException e) {
          LOG.error("closing the routes {} failed", c.getClass().getSimpleName(), e);
        }
      }
    }
  }
}
