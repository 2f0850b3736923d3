package org.datenraum.broker.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.datenraum.federation.SurveillanceCut;
import org.datenraum.federation.v1.DailyCounts;
import org.datenraum.federation.v1.RequestType;
import org.datenraum.federation.v1.SiteState;
import org.datenraum.federation.v1.SiteStatus;
import org.datenraum.federation.v1.StandingSurveillance;
import org.datenraum.federation.v1.StartedRound;
import org.datenraum.federation.v1.Submission;
import org.datenraum.federation.v1.SurveillanceDays;
import org.datenraum.federation.v1.SurveillanceRound;
import org.datenraum.federation.v1.SurveillanceView;
import org.datenraum.federation.v1.WireJson;

/**
 * The standing surveillance request: its settings, the daily rounds it spawns (ordinary requests
 * of type {@code surveillance} that sites answer by rule), the daily counts the sites upload, and
 * the merged series under the surveillance disclosure policy. Everything is kept in the broker's
 * database. Thread-safe.
 */
public final class SurveillanceLedger {

  static final String SETTING = "surveillance.standing";
  /** A round is open until shortly before the next day's round. */
  static final Duration ROUND_LIFETIME = Duration.ofHours(23);
  /** The earliest first day of the standing request. */
  static final LocalDate EARLIEST_START = LocalDate.of(2000, 1, 1);
  /** How far ahead of today the standing request may start. */
  static final int LATEST_START_DAYS = 366;

  private final Database db;
  private final Clock clock;
  private final RequestLedger requests;
  private final Principals principals;
  private final AuditTable audit;
  /** Bumped after every committed change of the stored cells or the standing request. */
  private final AtomicLong version = new AtomicLong();
  private final SurveillanceViews views = new SurveillanceViews(8);
  private volatile Runnable changed = () -> { };
  private volatile Whole whole;

  public SurveillanceLedger(Database db, Clock clock, RequestLedger requests, Principals principals,
      AuditTable audit) {
    this.db = db;
    this.clock = clock;
    this.requests = requests;
    this.principals = principals;
    this.audit = audit;
  }

  /** Runs {@code then} after every committed change of the stored cells or the standing request. */
  public void onChange(Runnable then) {
    this.changed = java.util.Objects.requireNonNull(then, "then");
  }

  /** The standing request, if the operator has set one. */
  public Optional<StandingSurveillance> standing() {
    return db.transaction(c -> Database.query(c, "SELECT value FROM setting WHERE name = ?",
        rs -> WireJson.read(rs.getString(1), StandingSurveillance.class), SETTING)).stream().findFirst();
  }

  void setStanding(Caller admin, StandingSurveillance s) {
    LocalDate latest = today(s).plusDays(LATEST_START_DAYS);
    if (s.start().isBefore(EARLIEST_START) || s.start().isAfter(latest)) {
      throw dateRefused("$.start", "`start` `" + s.start() + "` must lie between " + EARLIEST_START + " and " + latest
          + " (a year from today): give the first day the network collects.");
    }
    db.transaction(c -> {
      Database.update(c, "INSERT OR REPLACE INTO setting VALUES (?, ?)", SETTING, WireJson.write(s));
      audit.append(c, now(), admin.name(), "surveillance.standing", "", WireJson.write(s));
      return null;
    });
    version.incrementAndGet();
    changed.run();
  }

  /** Starts a round for the days through {@code through} (default: yesterday in the standing zone). */
  StartedRound start(Caller admin, LocalDate through) {
    StandingSurveillance s = standing().orElseThrow(() -> ApiProblem.conflict("No standing surveillance request:"
        + " set one first with PUT /v1/admin/surveillance (`datenraum surveillance standing`)."));
    LocalDate last = through != null ? through : today(s).minusDays(1);
    if (last.isBefore(s.start()) || last.isAfter(today(s))) {
      throw dateRefused("through", "`through` `" + last + "` must lie between the standing request's start "
          + s.start() + " and today, " + today(s) + ".");
    }
    String id = "surveillance-" + last + "-" + UUID.randomUUID().toString().substring(0, 8);
    queue(admin.name(), id, new SurveillanceRound(s.start(), last));
    return round(id);
  }

  /**
   * Starts today's round if the standing request's time of day has passed and it has not been
   * started yet; returns its id when it did.
   */
  public Optional<String> startDailyRoundIfDue() {
    Optional<StandingSurveillance> standing = standing();
    if (standing.isEmpty()) {
      return Optional.empty();
    }
    StandingSurveillance s = standing.get();
    ZonedDateTime now = clock.instant().atZone(s.zoneId());
    if (now.toLocalTime().isBefore(s.time())) {
      return Optional.empty();
    }
    String id = "surveillance-daily-" + now.toLocalDate();
    return queue("broker", id, new SurveillanceRound(s.start(), now.toLocalDate().minusDays(1)))
        ? Optional.of(id) : Optional.empty();
  }

  private boolean queue(String actor, String id, SurveillanceRound round) {
    Submission s = new Submission(RequestType.SURVEILLANCE, round.toQuery(), List.of(), null, null);
    return requests.enqueue(actor, id, s, principals.activeSites(), now().plus(ROUND_LIFETIME));
  }

  StartedRound round(String id) {
    return db.transaction(c -> {
      List<String> query = Database.query(c, "SELECT submission FROM request WHERE id = ?", rs -> rs.getString(1), id);
      Submission s = query.isEmpty() ? null : WireJson.read(query.get(0), Submission.class);
      if (s == null || s.type() != RequestType.SURVEILLANCE) {
        throw ApiProblem.notFound("No surveillance round `" + id + "`.");
      }
      List<SiteState> sites = Database.query(c, "SELECT site, status, updated, message FROM site_request"
          + " WHERE request_id = ? ORDER BY site", rs -> new SiteState(rs.getString(1),
              SiteStatus.ofWire(rs.getString(2)), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4)), id);
      return new StartedRound(id, SurveillanceRound.of(s.query()), sites);
    });
  }

  /** Stores one part of a site's answer to a round that is still open at that site. */
  void receive(Caller site, String id, DailyCounts counts) {
    Instant now = now();
    db.transaction(c -> {
      DailyCountsCheck.check(id, open(c, site, id, now), counts);
      int withheld = SurveillanceCells.store(c, site.name(), counts);
      audit.append(c, now, site.name(), "surveillance.counts.received", id, "days=" + counts.first() + ".."
          + counts.last() + " series=" + counts.series().size() + " withheld=" + withheld
          + " minimum-cell=" + counts.minimumCell());
      return null;
    });
    version.incrementAndGet();
    changed.run();
  }

  /** The first and last day of daily counts stored of this site (none: both null). */
  SurveillanceDays held(Caller site) {
    return db.transaction(c -> SurveillanceCells.days(c, site.name()));
  }

  /** The round's open window; refuses with 404/409 when the site has no such open round. */
  private static SurveillanceRound open(Connection c, Caller site, String id, Instant now) throws SQLException {
    List<String[]> rows = Database.query(c, "SELECT s.status, r.submission, r.expires FROM site_request s"
        + " JOIN request r ON r.id = s.request_id WHERE s.request_id = ? AND s.site = ?",
        rs -> new String[] {rs.getString(1), rs.getString(2), Long.toString(rs.getLong(3))}, id, site.name());
    if (rows.isEmpty()) {
      throw ApiProblem.notFound("No request `" + id + "` for this site.");
    }
    String[] row = rows.get(0);
    if (WireJson.read(row[1], Submission.class).type() != RequestType.SURVEILLANCE) {
      throw ApiProblem.conflict("Request `" + id + "` is not a surveillance round: daily counts are not accepted.");
    }
    if (SiteStatus.ofWire(row[0]).terminal() || Long.parseLong(row[2]) <= now.toEpochMilli()) {
      throw ApiProblem.conflict("Round `" + id + "` is `" + row[0] + "` at this site or has expired: the next round"
          + " takes the days.");
    }
    return SurveillanceRound.of(WireJson.read(row[1], Submission.class).query());
  }

  private static ApiProblem dateRefused(String field, String detail) {
    return new ApiProblem(400, "Date out of range", "DR-5421", detail, field, null);
  }

  /**
   * The view of {@link #view} as JSON with its tag, built once per version of the stored cells and
   * the standing request, day (today bounds the view) and bounds asked; later reads of the same
   * take the built one, and a reader that already holds its tag ({@code held}) gets no JSON. A view
   * with bounds is cut from the whole view of the same version and day ({@link SurveillanceCut}),
   * which equals the view built from the cells for those bounds. The version is read before the
   * data, and bumped only after a change commits, so a kept view is never older than its tag.
   */
  SurveillanceViews.Built viewJson(LocalDate from, LocalDate to, String held) {
    long v = version.get();
    StandingSurveillance s = standing().orElse(null);
    LocalDate today = s == null ? null : today(s);
    if (from == null && to == null) {
      return views.get(new SurveillanceViews.Key(v, today, null, null), s == null ? null : held,
          () -> WireJson.write(whole(v, today)));
    }
    if (s == null) {
      view(from, to);
    }
    if (from != null && to != null && from.isAfter(to)) {
      throw dateRefused("from", "`from` " + from + " lies after `to` " + to + ": swap them.");
    }
    return views.get(new SurveillanceViews.Key(v, today, from, to), held,
        () -> WireJson.write(SurveillanceCut.of(wholeOf(v, today), from, to)));
  }

  /** The whole view of this version and day as built for {@link #viewJson}, building it when it is not kept. */
  private SurveillanceView wholeOf(long v, LocalDate today) {
    Whole w = whole;
    if (w == null || w.version() != v || !w.today().equals(today)) {
      viewJson(null, null, null);
      w = whole;
    }
    return w != null && w.version() == v && w.today().equals(today) ? w.view() : view(null, null);
  }

  private SurveillanceView whole(long v, LocalDate today) {
    SurveillanceView built = view(null, null);
    whole = new Whole(v, today, built);
    return built;
  }

  /** The whole view last built, with the version and day it was built for. */
  private record Whole(long version, LocalDate today, SurveillanceView view) {}

  /**
   * The merged series of [from, to] under the disclosure policy, within the standing request's
   * days (from its start through today): null or wider bounds mean those.
   */
  SurveillanceView view(LocalDate from, LocalDate to) {
    StandingSurveillance s = standing().orElseThrow(() -> ApiProblem.notFound("The network has no standing"
        + " surveillance request yet: the operator sets one with `datenraum surveillance standing`."));
    if (from != null && to != null && from.isAfter(to)) {
      throw dateRefused("from", "`from` " + from + " lies after `to` " + to + ": swap them.");
    }
    LocalDate lower = from != null && from.isAfter(s.start()) ? from : s.start();
    LocalDate upper = to != null && to.isBefore(today(s)) ? to : today(s);
    return db.transaction(c -> {
      List<LocalDate> span = lower.isAfter(upper) ? List.of() : SurveillanceCells.span(c, lower, upper);
      LocalDate first = span.isEmpty() ? lower : span.get(0);
      LocalDate last = span.isEmpty() ? first.minusDays(1) : span.get(1);
      SurveillanceMerge merge = new SurveillanceMerge(first, last, s.minimumCell());
      if (!span.isEmpty()) {
        SurveillanceCells.read(c, first, last, merge);
      }
      return merge.view(s, SurveillanceCells.labels(c), SurveillanceCells.minimumCells(c));
    });
  }

  private LocalDate today(StandingSurveillance s) {
    return clock.instant().atZone(s.zoneId()).toLocalDate();
  }

  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }
}
