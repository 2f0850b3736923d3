package org.datenraum.web.kit;

import static java.util.Objects.requireNonNull;

/**
 * Who is signed in: a name, a role as the pages name it, and the credential the pages act with
 * (the key, kept on the server only). Immutable; {@link #toString()} leaves the credential out.
 *
 * @param name       the principal's name
 * @param role       the role, e.g. {@code researcher}, {@code admin}
 * @param credential the key the pages use on this user's behalf
 */
public record User(String name, String role, String credential) {

  public User {
    requireNonNull(name, "name");
    requireNonNull(role, "role");
    requireNonNull(credential, "credential");
  }

  @Override
  public String toString() {
    return "User[" + name + ", " + role + ", credential redacted]";
  }
}
