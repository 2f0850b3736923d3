package org.datenraum.web.broker;

import io.javalin.Javalin;
import io.javalin.http.HttpStatus;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import java.util.Set;
import java.util.function.Supplier;
import org.datenraum.broker.BrokerPages;
import org.datenraum.broker.PageSessions;
import org.datenraum.query.terms.TermTree;
import org.datenraum.web.kit.Access;
import org.datenraum.web.kit.NavLink;
import org.datenraum.web.kit.PortalKit;
import org.datenraum.web.kit.Sessions;
import org.datenraum.web.kit.User;

/**
 * The portal the broker serves beside {@code /v1}: researchers' and the operator's pages. Every
 * page acts through the broker's own API with the signed-in user's key, as the command line does.
 */
public final class BrokerPortal implements BrokerPages {

  /** The portal's own texts. */
  public static final String BUNDLE = "org.datenraum.web.broker.messages";
  /** The labels of result and report cells and tables. */
  public static final String LABELS = "org.datenraum.web.broker.labels";
  /** The surveillance page's texts. */
  public static final String SURVEILLANCE_BUNDLE = "org.datenraum.web.broker.surveillance";
  static final String RESEARCHER = "researcher";
  static final String OPERATOR = "admin";

  private final Clock clock;
  private final SecureRandom random;
  private volatile SurveillancePages surveillance;

  private BrokerPortal(Clock clock, SecureRandom random) {
    this.clock = clock;
    this.random = random;
  }

  public static BrokerPortal of(Clock clock, SecureRandom random) {
    return new BrokerPortal(clock, random);
  }

  @Override
  public void routes(Javalin app, Supplier<URI> self, Optional<SSLContext> selfTls, PageSessions sessions) {
    BrokerCalls calls = new BrokerCalls(self, selfTls.orElse(null));
    boolean https = selfTls.isPresent();
    Access access = new Access(calls::signIn, BrokerPortal::nav, BrokerPortal::home);
    PortalKit kit = new PortalKit(new PortalKit.Config("Datenraum", List.of(PortalKit.BUNDLE, LABELS, BUNDLE, SURVEILLANCE_BUNDLE),
        path -> !path.startsWith("/v1/") && !path.equals("/v1"), https),
        access, new Sessions(clock, random, Sessions.IDLE, sessions));
    calls.onRevoked(kit::forget);
    kit.install(app);
    app.get("/", ctx -> ctx.redirect(kit.session(ctx).user().map(BrokerPortal::home).orElse("/signin"),
        HttpStatus.SEE_OTHER));
    new ResearcherPages(kit, calls).routes(app);
    EditorPages editor = new EditorPages(kit, TermTree.builtIn());
    editor.routes(app);
    new RequestPages(kit, calls, editor, clock).routes(app);
    new SavedPages(kit, calls, editor).routes(app);
    new ReportPages(kit, calls, clock).routes(app);
    new OperatorPages(kit, calls).routes(app);
    surveillance = new SurveillancePages(kit, calls);
    surveillance.routes(app);
  }

  /** Prepares the surveillance page's default view (its sections evaluated) from the broker's new view. */
  @Override
  public void surveillanceBuilt(String tag, byte[] json) {
    SurveillancePages pages = surveillance;
    if (pages != null) {
      pages.prepare(tag, json);
    }
  }

  static List<NavLink> nav(User u) {
    return switch (u.role()) {
      case RESEARCHER -> List.of(new NavLink("/research/query", "nav.query"),
          new NavLink("/research/requests", "nav.requests"), new NavLink("/research/saved", "nav.saved"),
          new NavLink("/research/reports", "nav.reports"),
          new NavLink("/surveillance", "nav.surveillance"));
      case OPERATOR -> List.of(new NavLink("/operator/principals", "nav.principals"),
          new NavLink("/operator/audit", "nav.audit"), new NavLink("/surveillance", "nav.surveillance"));
      default -> List.of();
    };
  }

  static String home(User u) {
    return u.role().equals(OPERATOR) ? "/operator/principals" : "/research/query";
  }

  static Set<String> researcher() {
    return Set.of(RESEARCHER);
  }

  static Set<String> operator() {
    return Set.of(OPERATOR);
  }
}
