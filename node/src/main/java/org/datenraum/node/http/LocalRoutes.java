package org.datenraum.node.http;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where contributions add routes to the node's local port. {@link #add} routes require a site-local
 * key of one of the given roles ({@code Authorization: Bearer KEY}); the handler finds the caller
 * with {@link #principal(Context)}. {@link #open} routes authenticate by themselves (e.g. pages with
 * a session that began with {@link #keys()}), and must do so before acting.
 */
public final class LocalRoutes {

  private static final String PRINCIPAL = "datenraum.local.principal";

  private final Javalin app;
  private final LocalKeys keys;

  LocalRoutes(Javalin app, LocalKeys keys) {
    this.app = app;
    this.keys = keys;
  }

  /** A route for callers holding a key of one of {@code roles}. */
  public LocalRoutes add(HandlerType method, String path, Set<LocalRole> roles, Handler handler) {
    Set<LocalRole> allowed = EnumSet.copyOf(requireNonNull(roles, "roles"));
    app.addHttpHandler(method, path, ctx -> {
      LocalPrincipal p = LocalAuth.require(ctx, keys, allowed);
      ctx.attribute(PRINCIPAL, p);
      handler.handle(ctx);
    });
    return this;
  }

  /** A route for callers holding a key of {@code role}. */
  public LocalRoutes add(HandlerType method, String path, LocalRole role, Handler handler) {
    return add(method, path, EnumSet.of(role), handler);
  }

  /** A route that authenticates by itself. */
  public LocalRoutes open(HandlerType method, String path, Handler handler) {
    app.addHttpHandler(method, path, handler);
    return this;
  }

  /** The underlying server, for what routes alone cannot say (static files, before-handlers, errors). */
  public Javalin server() {
    return app;
  }

  /** The site's local keys. */
  public LocalKeys keys() {
    return keys;
  }

  /** The caller of an {@link #add} route, or a route that recorded one with {@link #recordPrincipal}. */
  public static LocalPrincipal principal(Context ctx) {
    LocalPrincipal p = ctx.attribute(PRINCIPAL);
    if (p == null) {
      throw new IllegalStateException("no authenticated caller on " + ctx.path());
    }
    return p;
  }

  /** Names the caller of an {@link #open} route for the request log. */
  public static void recordPrincipal(Context ctx, LocalPrincipal p) {
    ctx.attribute(PRINCIPAL, p);
  }

  static LocalPrincipal recorded(Context ctx) {
    return ctx.attribute(PRINCIPAL);
  }
}
