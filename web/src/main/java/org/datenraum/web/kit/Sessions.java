package org.datenraum.web.kit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Server-side sessions in memory: random 256-bit ids and CSRF tokens, ended after a time without
 * requests or at a fixed end, a new id at sign-in (no fixation). A restart ends every session.
 * Thread-safe.
 */
public final class Sessions {

  /** Sessions end after this long without a request. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /** Sessions end this long after they began, active or not. */
  public static final Duration LONGEST = Duration.ofHours(8);

  private final Clock clock;
  private final SecureRandom random;
  private final Duration idle;
  private final Map<String, Session> byId = new ConcurrentHashMap<>();

  public Sessions(Clock clock, SecureRandom random, Duration idle) {
    this.clock = clock;
    this.random = random;
    this.idle = idle;
  }

  /** Ended sessions are swept when this many are held. */
  static final int SWEEP_AT = 10_000;

  /** A new session without a user. */
  public Session open() {
    if (byId.size() >= SWEEP_AT) {
      sweep();
    }
    return put(Optional.empty());
  }

  /** The live session with this id, marked as seen now; empty when unknown or ended (then removed). */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Session s = byId.get(id);
    if (s == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (!now.isBefore(s.ends()) || !now.isBefore(s.lastSeen().plus(idle))) {
      byId.remove(id);
      return Optional.empty();
    }
    Session seen = s.seen(now);
    byId.put(id, seen);
    return Optional.of(seen);
  }

  /** Ends the old session and opens one with a new id and token for the user. */
  public Session signIn(Session old, User user) {
    byId.remove(old.id());
    return put(Optional.of(user));
  }

  /** Ends the session. */
  public void end(String id) {
    if (id != null) {
      byId.remove(id);
    }
  }

  /** Ends every session of this user name (its key was revoked). */
  public void endAllOf(String name) {
    byId.values().removeIf(s -> s.user().map(u -> u.name().equals(name)).orElse(false));
  }

  /** Removes ended sessions; returns how many remain. */
  public int sweep() {
    Instant now = clock.instant();
    byId.values().removeIf(s -> !now.isBefore(s.ends()) || !now.isBefore(s.lastSeen().plus(idle)));
    return byId.size();
  }

  private Session put(Optional<User> user) {
    Instant now = clock.instant();
    Session s = new Session(token(), token(), user, now, now.plus(LONGEST));
    byId.put(s.id(), s);
    return s;
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
