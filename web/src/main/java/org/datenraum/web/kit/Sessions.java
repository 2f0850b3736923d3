package org.datenraum.web.kit;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.broker.PageSessions;

/**
 * Server-side sessions: random 256-bit ids, form tokens derived from them, ended after a time
 * without requests or at a fixed end, a new id at sign-in (no fixation). Sessions before sign-in
 * live in memory; signed-in ones are kept in {@link PageSessions} (the broker's database keeps
 * them across restarts) under a hash of the id, with the user's key sealed under a key derived
 * from the id ({@link SessionSeal}). A request is noted in a kept session at most every
 * {@link #NOTE_EVERY}. Thread-safe.
 */
public final class Sessions {

  /** Sessions end after this long without a request. */
  public static final Duration IDLE = Duration.ofMinutes(30);
  /** Sessions end this long after they began, active or not. */
  public static final Duration LONGEST = Duration.ofHours(8);
  /** How often a kept session's last request is written. */
  static final Duration NOTE_EVERY = Duration.ofSeconds(30);
  /** Ended sessions are swept when this many are held before sign-in. */
  static final int SWEEP_AT = 10_000;

  private final Clock clock;
  private final SecureRandom random;
  private final Duration idle;
  private final PageSessions kept;
  private final Map<String, Session> anonymous = new ConcurrentHashMap<>();

  /** Sessions held in memory only: a restart ends them. */
  public Sessions(Clock clock, SecureRandom random, Duration idle) {
    this(clock, random, idle, new MemoryPageSessions());
  }

  /** Signed-in sessions kept in {@code kept}. */
  public Sessions(Clock clock, SecureRandom random, Duration idle, PageSessions kept) {
    this.clock = clock;
    this.random = random;
    this.idle = idle;
    this.kept = kept;
  }

  /** A new session without a user. */
  public Session open() {
    if (anonymous.size() >= SWEEP_AT) {
      sweep();
    }
    Instant now = clock.instant();
    Session s = session(token(), Optional.empty(), now, now.plus(LONGEST));
    anonymous.put(s.id(), s);
    return s;
  }

  /** The live session with this id, marked as seen now; empty when unknown or ended (then removed). */
  public Optional<Session> find(String id) {
    if (id == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    Session s = anonymous.get(id);
    if (s != null) {
      if (ended(s.lastSeen(), s.ends(), now)) {
        anonymous.remove(id);
        return Optional.empty();
      }
      Session seen = s.seen(now);
      anonymous.put(id, seen);
      return Optional.of(seen);
    }
    return signedIn(id, now);
  }

  private Optional<Session> signedIn(String id, Instant now) {
    String hash = SessionSeal.idHash(id);
    Optional<PageSessions.Kept> k = kept.find(hash);
    if (k.isEmpty()) {
      return Optional.empty();
    }
    PageSessions.Kept found = k.get();
    Optional<String> credential = SessionSeal.unseal(id, found.sealed());
    if (ended(found.lastSeen(), found.ends(), now) || credential.isEmpty()) {
      kept.delete(hash);
      return Optional.empty();
    }
    if (!now.isBefore(found.lastSeen().plus(NOTE_EVERY))) {
      kept.seen(hash, now);
    }
    return Optional.of(session(id, Optional.of(new User(found.name(), found.role(), credential.get())), now,
        found.ends()));
  }

  /** Ends the old session and opens one with a new id (and so a new token), kept, for the user. */
  public Session signIn(Session old, User user) {
    end(old.id());
    Instant now = clock.instant();
    kept.deleteEnded(now, now.minus(idle));
    Session s = session(token(), Optional.of(user), now, now.plus(LONGEST));
    kept.save(new PageSessions.Kept(SessionSeal.idHash(s.id()), user.name(), user.role(),
        SessionSeal.seal(s.id(), user.credential(), random), now, s.ends()));
    return s;
  }

  /** Ends the session. */
  public void end(String id) {
    if (id != null) {
      anonymous.remove(id);
      kept.delete(SessionSeal.idHash(id));
    }
  }

  /** Ends every session of this user name (its key was revoked). */
  public void endAllOf(String name) {
    kept.deleteAllOf(name);
  }

  /** Removes ended sessions; returns how many sessions before sign-in remain. */
  public int sweep() {
    Instant now = clock.instant();
    anonymous.values().removeIf(s -> ended(s.lastSeen(), s.ends(), now));
    kept.deleteEnded(now, now.minus(idle));
    return anonymous.size();
  }

  private boolean ended(Instant lastSeen, Instant ends, Instant now) {
    return !now.isBefore(ends) || !now.isBefore(lastSeen.plus(idle));
  }

  private static Session session(String id, Optional<User> user, Instant seen, Instant ends) {
    return new Session(id, SessionSeal.csrf(id), user, seen, ends);
  }

  private String token() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
