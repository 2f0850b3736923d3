package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What every set of pages shares, installed on a Javalin: the layout's model, texts in German
 * (default) and English, server-side sessions behind an HttpOnly SameSite=Strict cookie, a CSRF
 * token required on every POST, sign-in with a key and sign-out, bundled assets, and refusals
 * shown as pages. The broker's portal and a node's site pages each make one. Thread-safe.
 */
public final class PortalKit {

  /**
   * How the pages are set up.
   *
   * @param brand        the name in the header
   * @param bundles      message bundle base names, later ones first (each with a German base file and {@code _en})
   * @param pages        which paths are pages (others, such as an API, are left alone)
   * @param secureCookie whether cookies carry {@code Secure} (the server speaks HTTPS)
   */
  public record Config(String brand, List<String> bundles, Predicate<String> pages, boolean secureCookie) {
    public Config {
      requireNonNull(brand, "brand");
      bundles = List.copyOf(bundles);
      requireNonNull(pages, "pages");
    }
  }

  /** The kit's own texts; name it first in {@link Config#bundles()}. */
  public static final String BUNDLE = "org.datenraum.web.kit.messages";
  public static final String SESSION_COOKIE = "dr_session";
  public static final String LANG_COOKIE = "lang";
  public static final String CSRF_FIELD = "_csrf";
  public static final String CSRF_HEADER = "X-CSRF-Token";

  private static final String SESSION = "portal.session";
  private static final String EXPIRED = "portal.expired";
  private static final String LANG = "portal.lang";
  private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

  private final Config config;
  private final Access access;
  private final Sessions sessions;
  private final Assets assets = new Assets();

  public PortalKit(Config config, Access access, Sessions sessions) {
    this.config = requireNonNull(config, "config");
    this.access = requireNonNull(access, "access");
    this.sessions = requireNonNull(sessions, "sessions");
  }

  /** Installs assets, sessions, the CSRF check, the sign-in pages and the refusal pages. */
  public void install(Javalin app) {
    assets.routes(app);
    app.before(this::before);
    app.exception(PageProblem.class, (e, ctx) -> refusal(ctx, e.status(), e.getMessage()));
    app.exception(SignInNeeded.class, (e, ctx) -> toSignIn(ctx, e.expired()));
    new SignInPages(this, access).routes(app);
  }

  public Sessions sessions() {
    return sessions;
  }

  private void before(Context ctx) {
    if (!config.pages().test(ctx.path()) || ctx.path().startsWith(Assets.PREFIX)) {
      return;
    }
    String id = ctx.cookie(SESSION_COOKIE);
    Optional<Session> found = sessions.find(id);
    Session s = found.orElseGet(sessions::open);
    if (found.isEmpty()) {
      setSessionCookie(ctx, s);
    }
    ctx.attribute(SESSION, s);
    ctx.attribute(EXPIRED, id != null && found.isEmpty());
    ctx.attribute(LANG, language(ctx));
    securityHeaders(ctx);
    if (!SAFE.contains(ctx.method().name())) {
      checkToken(ctx, s, id != null && found.isEmpty());
    }
  }

  private void checkToken(Context ctx, Session s, boolean expired) {
    if (expired) {
      throw new SignInNeeded(true);
    }
    String sent = ctx.header(CSRF_HEADER);
    if (sent == null) {
      sent = ctx.formParam(CSRF_FIELD);
    }
    if (sent == null || !MessageDigest.isEqual(sent.getBytes(StandardCharsets.UTF_8),
        s.csrf().getBytes(StandardCharsets.UTF_8))) {
      throw PageProblem.forbidden(messages(ctx).get("kit.csrf"));
    }
  }

  private String language(Context ctx) {
    String asked = ctx.queryParam("lang");
    if (asked != null && Messages.LANGUAGES.contains(asked)) {
      Cookie c = new Cookie(LANG_COOKIE, asked, "/", 365 * 24 * 3600, config.secureCookie(), 0, false, null, null,
          SameSite.STRICT);
      ctx.cookie(c);
      return asked;
    }
    String kept = ctx.cookie(LANG_COOKIE);
    return kept != null && Messages.LANGUAGES.contains(kept) ? kept : Messages.GERMAN;
  }

  private static void securityHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        + " img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'");
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("Cache-Control", "no-store");
  }

  void setSessionCookie(Context ctx, Session s) {
    ctx.cookie(new Cookie(SESSION_COOKIE, s.id(), "/", -1, config.secureCookie(), 0, true, null, null,
        SameSite.STRICT));
  }

  /** This request's session. */
  public Session session(Context ctx) {
    Session s = ctx.attribute(SESSION);
    if (s == null) {
      throw new IllegalStateException("no session on " + ctx.path() + ": is it one of the pages?");
    }
    return s;
  }

  /** The signed-in user, who must hold one of the roles; else to the sign-in page, or refused. */
  public User user(Context ctx, Set<String> roles) {
    Session s = session(ctx);
    User u = s.user().orElseThrow(() -> new SignInNeeded(Boolean.TRUE.equals(ctx.attribute(EXPIRED))));
    if (!roles.contains(u.role())) {
      throw PageProblem.forbidden(messages(ctx).get("kit.role", u.role()));
    }
    return u;
  }

  /** The texts in this request's language. */
  public Messages messages(Context ctx) {
    String lang = ctx.attribute(LANG);
    return Messages.of(lang == null ? Messages.GERMAN : lang, config.bundles());
  }

  /** The texts in a language ({@code de} or {@code en}), for work done ahead of a request. */
  public Messages messages(String lang) {
    return Messages.of(lang, config.bundles());
  }

  /** The layout's model for this request, titled by the text of {@code titleKey}. */
  public PageView page(Context ctx, String titleKey) {
    Messages t = messages(ctx);
    Session s = session(ctx);
    List<NavLink> nav = s.user().map(access.nav()).orElse(List.of());
    return new PageView(t.get(titleKey), t, config.brand(), s.user(), s.csrf(), ctx.path(), langBase(ctx), nav,
        List.of(), List.of());
  }

  /** This page's address for the language links (a POST's answer links to the start page instead). */
  private static String langBase(Context ctx) {
    if (!"GET".equals(ctx.method().name())) {
      return "/?";
    }
    String q = ctx.queryString() == null ? "" : ctx.queryString().replaceAll("(^|&)lang=[^&]*", "")
        .replaceFirst("^&", "");
    return ctx.path() + "?" + (q.isEmpty() ? "" : q + "&");
  }

  /** Renders a template with the layout model {@code page} and further parameters. */
  public void render(Context ctx, String template, PageView page, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("page", page);
    ctx.contentType("text/html; charset=utf-8").result(Templates.render(template, all));
  }

  /** Whether the request came from htmx (a fragment is answered, not a page). */
  public static boolean fragment(Context ctx) {
    return "true".equals(ctx.header("HX-Request"));
  }

  private void refusal(Context ctx, int status, String message) {
    if (ctx.attribute(SESSION) == null) {
      ctx.attribute(SESSION, sessions.open());
    }
    ctx.status(status);
    if (fragment(ctx)) {
      ctx.header("HX-Reswap", "innerHTML");
      ctx.header("HX-Retarget", "#messages");
      render(ctx, "kit/messages.jte", page(ctx, "kit.refused").withError(message), Map.of());
      return;
    }
    render(ctx, "kit/refused.jte", page(ctx, "kit.refused").withError(message), Map.of());
  }

  private void toSignIn(Context ctx, boolean expired) {
    String target = "/signin" + (expired ? "?expired=1" : "");
    if (fragment(ctx)) {
      ctx.header("HX-Redirect", target);
      ctx.status(204);
      return;
    }
    if (!expired && "GET".equals(ctx.method().name())) {
      target = "/signin?next=" + java.net.URLEncoder.encode(ctx.fullUrl().substring(ctx.fullUrl().indexOf(ctx.path())),
          StandardCharsets.UTF_8);
    }
    ctx.redirect(target, io.javalin.http.HttpStatus.SEE_OTHER);
  }

  User signedIn(Context ctx, User user) {
    Session s = sessions.signIn(session(ctx), user);
    setSessionCookie(ctx, s);
    return user;
  }

  void signOut(Context ctx) {
    sessions.end(session(ctx).id());
    ctx.removeCookie(SESSION_COOKIE, "/");
  }

  /** Where a user lands after sign-in. */
  String home(User u) {
    return access.home().apply(u);
  }

  /** Ends every session of a user whose key no longer works. */
  public void forget(User u) {
    sessions.endAllOf(u.name());
  }
}
