package org.datenraum.node.http;

import io.javalin.http.Context;
import java.util.Set;
import java.util.stream.Collectors;

/** The bearer check of the local port's keyed routes. */
final class LocalAuth {

  private LocalAuth() {}

  static LocalPrincipal require(Context ctx, LocalKeys keys, Set<LocalRole> allowed) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      throw LocalProblem.of(401, "DR-7102", "This call needs a site-local key: send `Authorization: Bearer KEY`"
          + " with a key from `datenraum node keys create`.");
    }
    LocalPrincipal p = keys.authenticate(header.substring(7).strip()).orElseThrow(() -> LocalProblem.of(401,
        "DR-7103", "The key is not one of this site's local keys (revoked or mistyped): ask the site's"
            + " administrator for a key from `datenraum node keys create`."));
    if (!allowed.contains(p.role())) {
      LocalRoutes.recordPrincipal(ctx, p);
      throw LocalProblem.of(403, "DR-7104", "The key of `" + p.name() + "` has the role `" + p.role().wire()
          + "`, this call needs " + allowed.stream().map(r -> "`" + r.wire() + "`").collect(Collectors.joining(" or "))
          + ": use a key with that role.");
    }
    return p;
  }
}
