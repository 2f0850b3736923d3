package org.datenraum.broker.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.datenraum.broker.BrokerConfig;
import org.datenraum.federation.v1.RequestDocument;
import org.datenraum.federation.v1.RequestView;
import org.datenraum.federation.v1.SiteResult;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StatusUpdate;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.WireJson;

/**
 * The request lifecycle: submission to every active site, delivery by long polling, status
 * changes reported by sites, results, expiry and the merged view. Every change is one database
 * transaction with its audit entry. Thread-safe.
 */
public final class RequestLedger {

  /**
   * A request handed to a poll whose caller never confirmed it (no status change since) is handed
   * out again after this long: the poll's connection may have died before the node read the answer.
   */
  static final Duration REDELIVER = Duration.ofSeconds(3);

  private final Database db;
  private final Clock clock;
  private final BrokerConfig config;
  private final Principals principals;
  private final SiteLabels labels;
  private final AuditTable audit;
  private final Signals signals = new Signals();

  public RequestLedger(Database db, Clock clock, BrokerConfig config, Principals principals, SiteLabels labels,
      AuditTable audit) {
    this.db = db;
    this.clock = clock;
    this.config = config;
    this.principals = principals;
    this.labels = labels;
    this.audit = audit;
  }

  /**
   * Accepts a valid submission within the researcher's quota; a refused one does not count. The
   * quota check and the insert are one transaction under the database's write lock, with the time
   * read under that lock, so parallel submissions cannot all pass the check.
   */
  RequestView submit(Caller researcher, Submission s) {
    SubmissionCheck.check(s);
    List<String> sites = principals.activeSites();
    String id = UUID.randomUUID().toString();
    db.transaction(c -> {
      Instant now = now();
      Instant expires = now.plus(s.expiresInSeconds() == null ? config.expiry() : Duration.ofSeconds(s.expiresInSeconds()));
      checkQuota(c, researcher, now);
      Database.update(c, "INSERT INTO request (id, researcher, submission, created, expires, type)"
          + " VALUES (?, ?, ?, ?, ?, ?)", id, researcher.name(), WireJson.write(s),
          now.toEpochMilli(), expires.toEpochMilli(), s.type().wire());
      for (String site : sites) {
        Database.update(c, "INSERT INTO site_request VALUES (?, ?, 'queued', ?, NULL, NULL)", id, site, now.toEpochMilli());
      }
      audit.append(c, now, researcher.name(), "request.submitted", id, "type=" + s.type().wire()
          + " strata=" + s.stratify() + " sites=" + sites.size() + " query-sha256=" + Principals.hash(s.query().toString()));
      return null;
    });
    sites.forEach(site -> signals.fire("site:" + site));
    return read(id);
  }

  private void checkQuota(Connection c, Caller researcher, Instant now) throws SQLException {
    List<Instant> earlier = Database.query(c, "SELECT created FROM request WHERE researcher = ? AND created > ?",
        rs -> Instant.ofEpochMilli(rs.getLong(1)), researcher.name(), now.minus(Duration.ofDays(8)).toEpochMilli());
    var wait = config.quota().waitBefore(earlier, now);
    if (wait.isPresent()) {
      long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
      throw ApiProblem.tooMany("Quota exhausted (" + config.quota().perMinute() + " per minute, "
          + config.quota().perWeek() + " per week): try again in " + seconds + " s.", Duration.ofSeconds(seconds));
    }
  }

  /**
   * Queues a request of the broker's own (a surveillance round) for the given sites, without a
   * researcher's quota; returns false when a request with this id exists already.
   */
  boolean enqueue(String actor, String id, Submission s, List<String> sites, Instant expires) {
    Instant now = now();
    boolean added = db.transaction(c -> {
      if (!Database.query(c, "SELECT id FROM request WHERE id = ?", rs -> 1, id).isEmpty()) {
        return false;
      }
      Database.update(c, "INSERT INTO request (id, researcher, submission, created, expires, type)"
          + " VALUES (?, ?, ?, ?, ?, ?)", id, actor, WireJson.write(s),
          now.toEpochMilli(), expires.toEpochMilli(), s.type().wire());
      for (String site : sites) {
        Database.update(c, "INSERT INTO site_request VALUES (?, ?, 'queued', ?, NULL, NULL)", id, site, now.toEpochMilli());
      }
      audit.append(c, now, actor, "request.submitted", id, "type=" + s.type().wire() + " sites=" + sites.size()
          + " query=" + s.query());
      return true;
    });
    if (added) {
      sites.forEach(site -> signals.fire("site:" + site));
    }
    return added;
  }

  /** The requests queued for the site, once there are some or {@code wait} has passed; holds no thread meanwhile. */
  CompletableFuture<List<RequestDocument>> poll(Caller site, Duration wait, boolean resume) {
    return signals.await("site:" + site.name(), wait, () -> {
      List<RequestDocument> docs = take(site, resume);
      return docs.isEmpty() ? Optional.empty() : Optional.of(docs);
    }, List::of);
  }

  private List<RequestDocument> take(Caller site, boolean resume) {
    Instant now = now();
    String which = resume ? "s.status IN ('queued', 'retrieved', 'interaction', 'processing')"
        : "(s.status = 'queued' OR (s.status = 'retrieved' AND s.updated <= ?))";
    Object[] args = resume ? new Object[] {site.name(), now.toEpochMilli()}
        : new Object[] {site.name(), now.minus(REDELIVER).toEpochMilli(), now.toEpochMilli()};
    return db.transaction(c -> {
      List<RequestDocument> docs = Database.query(c, "SELECT r.* FROM request r JOIN site_request s ON s.request_id = r.id"
          + " WHERE s.site = ? AND " + which + " AND r.expires > ? ORDER BY r.created",
          RequestLedger::document, args);
      for (RequestDocument d : docs) {
        if (Database.update(c, "UPDATE site_request SET status = 'retrieved', updated = ? WHERE request_id = ? AND site = ?"
            + " AND status = 'queued'", now.toEpochMilli(), d.id(), site.name()) > 0) {
          audit.append(c, now, site.name(), "request.retrieved", d.id(), "");
        }
      }
      return docs;
    });
  }

  void status(Caller site, String id, StatusUpdate u) {
    Instant now = now();
    db.transaction(c -> {
      SiteRow row = current(c, site, id, now);
      if (row.status() == u.status()) {
        return null;
      }
      if (!row.status().nodeMayMoveTo(u.status())) {
        throw ApiProblem.conflict("Request `" + id + "` is `" + row.status().wire() + "` at this site and cannot become `"
            + u.status().wire() + "`.");
      }
      Database.update(c, "UPDATE site_request SET status = ?, updated = ?, message = ? WHERE request_id = ? AND site = ?",
          u.status().wire(), now.toEpochMilli(), u.message(), id, site.name());
      audit.append(c, now, site.name(), "status." + u.status().wire(), id, u.message() == null ? "" : u.message());
      return null;
    });
    signals.fire("request:" + id);
  }

  /** Stores a result; returns false when it is a repeat of the stored one. */
  boolean result(Caller site, String id, SiteResult r) {
    Instant now = now();
    String json = WireJson.write(r);
    boolean fresh = db.transaction(c -> {
      SiteRow row = current(c, site, id, now);
      ResultCheck.check(id, submission(c, id), r);
      if (row.status() == SiteStatus.COMPLETED) {
        if (json.equals(row.result())) {
          return false;
        }
        throw ApiProblem.conflict("Request `" + id + "` already has a different result from this site.");
      }
      if (row.status().terminal()) {
        throw ApiProblem.conflict("Request `" + id + "` is `" + row.status().wire() + "` at this site: no result is accepted.");
      }
      Database.update(c, "UPDATE site_request SET status = 'completed', updated = ?, result = ? WHERE request_id = ? AND site = ?",
          now.toEpochMilli(), json, id, site.name());
      audit.append(c, now, site.name(), "result.received", id, "total=" + r.total().json() + " strata=" + r.strata().keySet());
      return true;
    });
    signals.fire("request:" + id);
    return fresh;
  }

  /** The stored row, after expiring it if its time is up; 404 when the site has no such request. */
  private SiteRow current(Connection c, Caller site, String id, Instant now) throws SQLException {
    List<SiteRow> rows = Database.query(c, "SELECT s.*, r.expires FROM site_request s JOIN request r ON r.id = s.request_id"
        + " WHERE s.request_id = ? AND s.site = ?", RequestLedger::row, id, site.name());
    if (rows.isEmpty()) {
      throw ApiProblem.notFound("No request `" + id + "` for this site.");
    }
    SiteRow row = rows.get(0);
    long expires = Database.query(c, "SELECT expires FROM request WHERE id = ?", rs -> rs.getLong(1), id).get(0);
    if (!row.status().terminal() && expires <= now.toEpochMilli()) {
      expire(c, id, site.name(), now);
      return new SiteRow(id, site.name(), SiteStatus.EXPIRED, now, null, null);
    }
    return row;
  }

  private static Submission submission(Connection c, String id) throws SQLException {
    return WireJson.read(Database.query(c, "SELECT submission FROM request WHERE id = ?", rs -> rs.getString(1), id)
        .get(0), Submission.class);
  }

  /**
   * The request's view once it is done or {@code wait} has passed; holds no thread meanwhile. Each
   * site's update wakes the wait, and until every site is done only the number of open sites is
   * read: the results are read and merged once, at the end.
   */
  CompletableFuture<RequestView> view(Caller researcher, String id, Duration wait) {
    owned(researcher, id);
    return signals.await("request:" + id, wait, () -> open(id) > 0 ? Optional.empty() : Optional.of(read(id)),
        () -> read(id));
  }

  /** The statuses in which a site has not finished a request, as stored. */
  private static final String OPEN_STATUSES = java.util.Arrays.stream(SiteStatus.values())
      .filter(s -> !s.terminal()).map(s -> "'" + s.wire() + "'").collect(java.util.stream.Collectors.joining(", "));

  /** How many sites have not finished the request. */
  private int open(String id) {
    return db.transaction(c -> Database.query(c, "SELECT count(*) FROM site_request WHERE request_id = ? AND status IN ("
        + OPEN_STATUSES + ")", rs -> rs.getInt(1), id)).get(0);
  }

  private void owned(Caller researcher, String id) {
    List<String> owner = db.transaction(c -> Database.query(c, "SELECT researcher FROM request WHERE id = ?",
        rs -> rs.getString(1), id));
    if (owner.isEmpty() || !owner.get(0).equals(researcher.name())) {
      throw ApiProblem.notFound("No request `" + id + "` of yours: check the id printed by `datenraum submit`.");
    }
  }

  private RequestView read(String id) {
    return db.transaction(c -> {
      var request = Database.query(c, "SELECT * FROM request WHERE id = ?", RequestLedger::document, id).get(0);
      List<SiteRow> rows = Database.query(c, "SELECT * FROM site_request WHERE request_id = ? ORDER BY site",
          RequestLedger::row, id);
      List<SiteState> states = new ArrayList<>();
      Map<String, SiteResult> results = new LinkedHashMap<>();
      for (SiteRow r : rows) {
        states.add(new SiteState(r.site(), r.status(), r.updated(), r.message()));
        if (r.status() == SiteStatus.COMPLETED) {
          results.put(r.site(), WireJson.read(r.result(), SiteResult.class));
        }
      }
      boolean done = rows.stream().allMatch(r -> r.status().terminal());
      return new RequestView(id, request.type(), request.created(), request.expires(), done, states,
          Merge.of(config.disclosure(), results, site -> labels.label(id, site)));
    });
  }

  /** Per site, the requests it has not finished. */
  Map<String, Integer> openPerSite() {
    return db.transaction(c -> {
      Map<String, Integer> out = new LinkedHashMap<>();
      for (Object[] row : Database.query(c, "SELECT site, count(*) FROM site_request WHERE status IN ('queued',"
          + " 'retrieved', 'interaction', 'processing') GROUP BY site", rs -> new Object[] {rs.getString(1), rs.getInt(2)})) {
        out.put((String) row[0], (Integer) row[1]);
      }
      return out;
    });
  }

  /** The ledger's clock. */
  Clock clock() {
    return clock;
  }

  /** Wakes those waiting on these requests, after a change made elsewhere (a revoked site). */
  void changed(List<String> ids) {
    ids.forEach(id -> signals.fire("request:" + id));
  }

  /** Ends every open long poll; the broker is stopping. */
  public void close() {
    signals.close();
  }

  /** Marks every unfinished site of every request past its expiry as expired; returns how many. */
  public int expireDue() {
    Instant now = now();
    List<SiteRow> due = db.transaction(c -> {
      List<SiteRow> rows = Database.query(c, "SELECT s.* FROM site_request s JOIN request r ON r.id = s.request_id"
          + " WHERE r.expires <= ? AND s.status IN ('queued', 'retrieved', 'interaction', 'processing')",
          RequestLedger::row, now.toEpochMilli());
      for (SiteRow r : rows) {
        expire(c, r.requestId(), r.site(), now);
      }
      return rows;
    });
    due.forEach(r -> signals.fire("request:" + r.requestId()));
    return due.size();
  }

  private void expire(Connection c, String id, String site, Instant now) throws SQLException {
    Database.update(c, "UPDATE site_request SET status = 'expired', updated = ? WHERE request_id = ? AND site = ?",
        now.toEpochMilli(), id, site);
    audit.append(c, now, "broker", "status.expired", id, "site=" + site);
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  private static RequestDocument document(ResultSet rs) throws SQLException {
    Submission s = WireJson.read(rs.getString("submission"), Submission.class);
    return new RequestDocument(rs.getString("id"), rs.getString("researcher"), s.type(), s.query(), s.stratify(),
        s.yearOf(), Instant.ofEpochMilli(rs.getLong("created")), Instant.ofEpochMilli(rs.getLong("expires")));
  }

  private static SiteRow row(ResultSet rs) throws SQLException {
    return new SiteRow(rs.getString("request_id"), rs.getString("site"), SiteStatus.ofWire(rs.getString("status")),
        Instant.ofEpochMilli(rs.getLong("updated")), rs.getString("message"), rs.getString("result"));
  }
}
