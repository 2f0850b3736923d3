package org.datenraum.web.kit;

import org.datenraum.core.Result;

/** Turns a key typed into the sign-in form into a user, or a problem to show. */
@FunctionalInterface
public interface SignIn {

  /** The user the key belongs to; a refused key is a problem whose message the page shows. */
  Result<User> signIn(String key);
}
