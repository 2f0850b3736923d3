package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One browser's session on the server: its random id (the cookie's value), the token every form
 * and POST must carry, the user once signed in, and when it ends. Immutable; {@link #toString()}
 * leaves the id and token out.
 *
 * @param id       the session cookie's value
 * @param csrf     the token forms and POSTs carry
 * @param user     the signed-in user, empty before sign-in
 * @param lastSeen the last request in this session
 * @param ends     the end regardless of activity
 */
public record Session(String id, String csrf, Optional<User> user, Instant lastSeen, Instant ends) {

  public Session {
    requireNonNull(id, "id");
    requireNonNull(csrf, "csrf");
    requireNonNull(user, "user");
    requireNonNull(lastSeen, "lastSeen");
    requireNonNull(ends, "ends");
  }

  Session seen(Instant now) {
    return new Session(id, csrf, user, now, ends);
  }

  @Override
  public String toString() {
    return "Session[" + user.map(User::name).orElse("anonymous") + ", id and token redacted]";
  }
}
