package org.datenraum.app.federation;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.datenraum.app.emergency.CdaHttpRoute;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.node.admin.SiteAdmin;
import org.datenraum.node.http.NodeHttpRoutes;
import org.datenraum.store.SiteStore;
import org.datenraum.web.site.SitePortal;

/** The contributions served on a node's local HTTP port; a module that serves there is added here. */
public final class NodeHttpWiring {

  private NodeHttpWiring() {}

  /**
   * The routes of a site's local port: the site admin pages over {@code admin}, titled {@code brand},
   * and AKTIN's CDA import endpoint.
   */
  public static List<NodeHttpRoutes> routes(SiteDirectory site, SiteAdmin admin, String brand) {
    return List.of(new SitePortal(admin, brand, Clock.systemUTC(), new SecureRandom()), CdaHttpRoute.of(site));
  }

  /** The same routes over a site store this process holds open (the demo's nodes). */
  public static List<NodeHttpRoutes> routes(SiteDirectory site, SiteStore held, SiteAdmin admin, String brand) {
    return List.of(new SitePortal(admin, brand, Clock.systemUTC(), new SecureRandom()), CdaHttpRoute.held(site, held));
  }
}
