package org.datenraum.broker.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.datenraum.federation.v1.AuditHead;

/**
 * The latest audit head each site has reported, kept so that a site's log cannot lose entries the
 * broker has seen: a head behind the held one, or another seal at the same entry, is refused and
 * the held head stays. Thread-safe.
 */
public final class SiteAuditHeads {

  private final Database db;
  private final Clock clock;

  public SiteAuditHeads(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  /** The head held for the site. */
  Optional<AuditHead> held(String site) {
    return db.transaction(c -> Database.query(c, "SELECT seq, mac FROM site_audit_head WHERE site = ?",
        rs -> new AuditHead(rs.getLong(1), rs.getString(2)), site)).stream().findFirst();
  }

  /** Keeps the reported head unless it is behind or differs from the held one (then 409). */
  void report(String site, AuditHead reported) {
    db.transaction(c -> {
      List<AuditHead> found = Database.query(c, "SELECT seq, mac FROM site_audit_head WHERE site = ?",
          rs -> new AuditHead(rs.getLong(1), rs.getString(2)), site);
      if (!found.isEmpty()) {
        refuseIfBehind(site, found.get(0), reported);
        if (found.get(0).equals(reported)) {
          return null;
        }
      }
      Database.update(c, "INSERT OR REPLACE INTO site_audit_head VALUES (?, ?, ?, ?)", site, reported.seq(),
          reported.mac(), clock.millis());
      return null;
    });
  }

  private static void refuseIfBehind(String site, AuditHead held, AuditHead reported) {
    if (reported.seq() < held.seq()) {
      throw conflict("Audit head `" + reported.seq() + "` is behind entry " + held.seq() + ", which the broker holds"
          + " as site `" + site + "`'s head: the site's audit log lost entries; check it with `datenraum audit verify`.");
    }
    if (reported.seq() == held.seq() && !reported.mac().equals(held.mac())) {
      throw conflict("Audit head entry `" + reported.seq() + "` carries another MAC than the one the broker holds for"
          + " site `" + site + "`: the site's audit log was rewritten; check it with `datenraum audit verify`.");
    }
  }

  private static ApiProblem conflict(String detail) {
    return new ApiProblem(409, "Audit head behind", "DR-5906", detail, null, null);
  }
}
