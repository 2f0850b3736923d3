package org.datenraum.web.site;

import static java.util.Objects.requireNonNull;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.http.LocalKeys;
import org.datenraum.node.http.LocalPrincipal;
import org.datenraum.node.http.LocalRole;
import org.datenraum.node.http.LocalRoutes;
import org.datenraum.node.http.NodeHttpRoutes;
import org.datenraum.web.broker.BrokerPortal;
import org.datenraum.web.kit.Access;
import org.datenraum.web.kit.NavLink;
import org.datenraum.web.kit.PageProblem;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.Sessions;
import org.datenraum.web.kit.User;
import io.javalin.http.Context;

/**
 * The site admin pages on a node's local port: sign in with a {@code site-admin} key, then the
 * approval queue, ingest statistics and data quality, quarantine and the audit log. Everything
 * shown stays on the site's own network.
 */
public final class SitePortal implements NodeHttpRoutes {

  /** The pages' own texts. */
  public static final String BUNDLE = "org.datenraum.web.site.messages";
  /** The ingests' quarantine reasons worded by problem code. */
  public static final String QUARANTINE_BUNDLE = "org.datenraum.web.site.quarantine";
  static final String ROLE = LocalRole.SITE_ADMIN.wire();

  private final SiteAdmin admin;
  private final String brand;
  private final Clock clock;
  private final SecureRandom random;

  public SitePortal(SiteAdmin admin, String brand, Clock clock, SecureRandom random) {
    this.admin = requireNonNull(admin, "admin");
    this.brand = requireNonNull(brand, "brand");
    this.clock = requireNonNull(clock, "clock");
    this.random = requireNonNull(random, "random");
  }

  @Override
  public void register(LocalRoutes routes) {
    LocalKeys keys = routes.keys();
    Access access = new Access(key -> signIn(keys, key), u -> nav(), u -> "/site/approvals");
    List<String> bundles = List.of(PortalKit.BUNDLE, BrokerPortal.LABELS, BrokerPortal.BUNDLE, QUARANTINE_BUNDLE, BUNDLE);
    PortalKit kit = new PortalKit(new PortalKit.Config(brand, bundles, SitePortal::page, false), access, new Sessions(clock, random, Sessions.IDLE));
    Javalin app = routes.server();
    kit.install(app);
    app.get("/", ctx -> ctx.redirect(kit.session(ctx).user().isPresent() ? "/site/approvals" : "/signin",
        HttpStatus.SEE_OTHER));
    new SitePages(kit, admin, u -> check(kit, keys, u)).routes(app);
  }

  /** Paths the kit treats as pages: everything but the local API and the import routes of other modules. */
  static boolean page(String path) {
    return path.equals("/") || path.startsWith("/site/") || path.startsWith("/signin") || path.startsWith("/signout")
        || path.startsWith("/assets/");
  }

  static Result<User> signIn(LocalKeys keys, String key) {
    Optional<LocalPrincipal> p = keys.authenticate(key == null ? null : key.strip());
    if (p.isEmpty()) {
      return Result.fail(Problem.invalid("DR-7140", "The key is not one of this site's local keys (mistyped or"
          + " revoked): ask the site's administrator for a key from `datenraum node add-key`."));
    }
    if (p.get().role() != LocalRole.SITE_ADMIN) {
      return Result.fail(Problem.invalid("DR-7141", "The key of `" + p.get().name() + "` has the role `"
          + p.get().role().wire() + "`: the site admin pages need a `site-admin` key."));
    }
    return Result.ok(new User(p.get().name(), ROLE, key.strip()));
  }

  /** The signed-in user's key must still be valid: a key revoked meanwhile ends every session of its holder. */
  private static LocalPrincipal check(PortalKit kit, LocalKeys keys, User u) {
    Optional<LocalPrincipal> p = keys.authenticate(u.credential());
    if (p.isEmpty() || p.get().role() != LocalRole.SITE_ADMIN) {
      kit.forget(u);
      throw new PageProblem(401, "DR-7142 The key of `" + u.name() + "` was revoked: sign in with a valid key.");
    }
    return p.get();
  }

  static List<NavLink> nav() {
    return List.of(new NavLink("/site/approvals", "site.nav.approvals"), new NavLink("/site/data", "site.nav.data"),
        new NavLink("/site/quarantine", "site.nav.quarantine"), new NavLink("/site/audit", "site.nav.audit"));
  }

  static Set<String> roles() {
    return Set.of(ROLE);
  }

  static void record(Context ctx, LocalPrincipal p) {
    LocalRoutes.recordPrincipal(ctx, p);
  }
}
