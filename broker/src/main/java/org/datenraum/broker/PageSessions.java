package org.datenraum.broker;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the pages beside the API keep their signed-in sessions: in the broker's database, so a
 * session survives a restart of the broker. The pages store no session id and no key in the
 * clear: a session is found by a hash of its id, and the user's key is sealed under a key derived
 * from the id, which only the browser holds. Thread-safe.
 */
public interface PageSessions {

  /** One signed-in session as kept. */
  record Kept(String idHash, String name, String role, String sealed, Instant lastSeen, Instant ends) {
    public Kept {
      requireNonNull(idHash, "idHash");
      requireNonNull(name, "name");
      requireNonNull(role, "role");
      requireNonNull(sealed, "sealed");
      requireNonNull(lastSeen, "lastSeen");
      requireNonNull(ends, "ends");
    }

    @Override
    public String toString() {
      return "Kept[" + name + ", " + role + ", until " + ends + "]";
    }
  }

  /** Keeps a new session. */
  void save(Kept session);

  /** The session with this id hash, if kept. */
  Optional<Kept> find(String idHash);

  /** Notes a request in the session. */
  void seen(String idHash, Instant at);

  /** Ends one session. */
  void delete(String idHash);

  /** Ends every session of a user. */
  void deleteAllOf(String name);

  /** Removes the sessions that ended before {@code now} or were idle since before {@code idleSince}. */
  int deleteEnded(Instant now, Instant idleSince);
}
