package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.function.Function;

/**
 * Who may use the pages and what they see first.
 *
 * @param signIn how a key becomes a user
 * @param nav    the navigation a user sees (no user: the sign-in page only)
 * @param home   where a user lands after signing in
 */
public record Access(SignIn signIn, Function<User, List<NavLink>> nav, Function<User, String> home) {

  public Access {
    requireNonNull(signIn, "signIn");
    requireNonNull(nav, "nav");
    requireNonNull(home, "home");
  }
}
