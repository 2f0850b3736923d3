package org.datenraum.broker.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.datenraum.federation.v1.IssuedKey;
import org.datenraum.federation.v1.Principal;
import org.datenraum.federation.v1.Role;

/**
 * Registered sites, researchers and operators with their API keys, of which only SHA-256 hashes
 * are stored. Thread-safe.
 */
public final class Principals {

  static final String OPERATOR = "operator";
  /** The status message of a site's requests that ended because its key was revoked. */
  static final String REVOKED = "The site's key was revoked; the request is merged from the other sites.";

  private final Database db;
  private final Clock clock;
  private final AuditTable audit;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Caller> byHash = new ConcurrentHashMap<>();
  /** Each site's last call since the broker started. */
  private final Map<String, Instant> contact = new ConcurrentHashMap<>();

  public Principals(Database db, Clock clock, AuditTable audit) {
    this.db = db;
    this.clock = clock;
    this.audit = audit;
  }

  /** Creates the operator and returns its key when no operator exists yet. */
  public Optional<String> createOperatorIfAbsent() {
    return db.transaction(c -> {
      if (!Database.query(c, "SELECT name FROM principal WHERE role = 'admin'", rs -> 1).isEmpty()) {
        return Optional.empty();
      }
      String key = newKey();
      Instant now = clock.instant();
      Database.update(c, "INSERT INTO principal VALUES (?, 'admin', ?, ?, false)", OPERATOR, hash(key), now.toEpochMilli());
      audit.append(c, now, "broker", "principal.added", "", "name=" + OPERATOR + " role=admin");
      return Optional.of(key);
    });
  }

  /**
   * The caller for an {@code Authorization: Bearer KEY} header; the scheme is matched without
   * regard to case (RFC 9110), the key exactly.
   */
  Caller authenticate(String authorization) {
    String[] parts = authorization == null ? new String[0] : authorization.strip().split("[ \\t]+", 2);
    if (parts.length != 2 || !parts[0].equalsIgnoreCase("Bearer")) {
      throw ApiProblem.unauthorized("No API key: send `Authorization: Bearer KEY` with the key from your key file.");
    }
    String h = hash(parts[1]);
    Caller cached = byHash.get(h);
    if (cached != null) {
      return seen(cached);
    }
    List<Caller> found = db.transaction(c -> Database.query(c,
        "SELECT name, role FROM principal WHERE key_hash = ? AND NOT revoked", rs ->
            new Caller(rs.getString(1), Role.ofWire(rs.getString(2))), h));
    if (found.isEmpty()) {
      throw ApiProblem.unauthorized("The API key is unknown or revoked: ask the network operator for a key.");
    }
    byHash.put(h, found.get(0));
    return seen(found.get(0));
  }

  private Caller seen(Caller c) {
    if (c.role() == Role.SITE) {
      contact.put(c.name(), clock.instant());
    }
    return c;
  }

  /** The site's last call since the broker started. */
  Optional<Instant> lastContact(String site) {
    return Optional.ofNullable(contact.get(site));
  }

  IssuedKey add(String actor, String name, Role role) {
    String key = newKey();
    db.transaction(c -> {
      List<String> taken = Database.query(c, "SELECT name FROM principal WHERE lower(name) = lower(?)",
          rs -> rs.getString(1), name);
      if (!taken.isEmpty()) {
        throw ApiProblem.conflict("`" + name + "` is already registered" + (taken.get(0).equals(name) ? ""
            : " as `" + taken.get(0) + "` (names are unique regardless of case)") + ": choose another name.");
      }
      Instant now = clock.instant();
      Database.update(c, "INSERT INTO principal VALUES (?, ?, ?, ?, false)", name, role.wire(), hash(key), now.toEpochMilli());
      audit.append(c, now, actor, "principal.added", "", "name=" + name + " role=" + role.wire());
      return null;
    });
    return new IssuedKey(name, role, key);
  }

  /**
   * Revokes a key. A site's open requests end for that site at once ({@code failed}, in the same
   * transaction), so they are merged from the other sites; returns the ids of those requests.
   */
  List<String> revoke(String actor, String name) {
    List<String> ended = db.transaction(c -> {
      List<String> role = Database.query(c, "SELECT role FROM principal WHERE name = ? AND NOT revoked",
          rs -> rs.getString(1), name);
      if (role.isEmpty()) {
        throw ApiProblem.notFound("No active principal `" + name + "`: see `datenraum admin list`.");
      }
      Instant now = clock.instant();
      Database.update(c, "UPDATE principal SET revoked = true WHERE name = ?", name);
      audit.append(c, now, actor, "principal.revoked", "", "name=" + name);
      return role.get(0).equals(Role.SITE.wire()) ? endOpenRequests(c, actor, name, now) : List.<String>of();
    });
    byHash.clear();
    return ended;
  }

  private List<String> endOpenRequests(Connection c, String actor, String site, Instant now)
      throws SQLException {
    String open = " WHERE site = ? AND status IN ('queued', 'retrieved', 'interaction', 'processing')";
    List<String> ids = Database.query(c, "SELECT request_id FROM site_request" + open, rs -> rs.getString(1), site);
    Database.update(c, "UPDATE site_request SET status = 'failed', updated = ?, message = ?" + open,
        now.toEpochMilli(), REVOKED, site);
    for (String id : ids) {
      audit.append(c, now, actor, "status.failed", id, "site=" + site + " key revoked");
    }
    return ids;
  }

  List<Principal> list() {
    return db.transaction(c -> Database.query(c, "SELECT * FROM principal ORDER BY role, name", Principals::principal));
  }

  /** The principal of this name. */
  Principal one(String name) {
    List<Principal> found = db.transaction(c -> Database.query(c, "SELECT * FROM principal WHERE name = ?",
        Principals::principal, name));
    if (found.isEmpty()) {
      throw ApiProblem.notFound("No principal `" + name + "`.");
    }
    return found.get(0);
  }

  /** The names of active sites, sorted. */
  List<String> activeSites() {
    return db.transaction(c -> Database.query(c,
        "SELECT name FROM principal WHERE role = 'site' AND NOT revoked ORDER BY name", rs -> rs.getString(1)));
  }

  private static Principal principal(ResultSet rs) throws SQLException {
    return new Principal(rs.getString("name"), Role.ofWire(rs.getString("role")),
        Instant.ofEpochMilli(rs.getLong("created")), rs.getBoolean("revoked"));
  }

  private String newKey() {
    byte[] b = new byte[32];
    random.nextBytes(b);
    return "drk_" + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }

  static String hash(String key) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from the JDK", e);
    }
  }
}
