package org.datenraum.app.federation;

import java.util.List;
import org.datenraum.app.site.SiteDirectory;
import org.datenraum.node.http.NodeHttpRoutes;

/** The contributions served on a node's local HTTP port; a module that serves there is added here. */
public final class NodeHttpWiring {

  private NodeHttpWiring() {}

  public static List<NodeHttpRoutes> routes(SiteDirectory site) {
    return List.of();
  }
}
