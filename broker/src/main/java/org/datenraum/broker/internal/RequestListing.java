package org.datenraum.broker.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.datenraum.federation.v1.RequestPage;
import org.datenraum.federation.v1.RequestSummary;
import org.datenraum.federation.v1.RequestType;

/**
 * A researcher's own requests, newest first, a page at a time: never another researcher's. The
 * cursor is the id of the last request of the previous page. Thread-safe.
 */
final class RequestListing {

  static final int DEFAULT_LIMIT = 20;
  static final int MAX_LIMIT = 100;

  private static final String SELECT = "SELECT r.id, r.type, r.created, r.expires, count(s.site) AS sites,"
      + " coalesce(sum(CASE WHEN s.status IN ('completed', 'rejected', 'failed', 'expired') THEN 1 ELSE 0 END), 0)"
      + " AS final FROM request r LEFT JOIN site_request s ON s.request_id = r.id WHERE r.researcher = ?";
  private static final String ORDER = " GROUP BY r.id ORDER BY r.created DESC, r.id DESC LIMIT ?";

  private final Database db;

  RequestListing(Database db) {
    this.db = db;
  }

  /**
   * One page of the caller's requests.
   *
   * @param limitText the {@code limit} query parameter, or null for the default
   * @param before    the {@code before} query parameter, or null for the newest page
   */
  RequestPage page(Caller researcher, String limitText, String before) {
    int limit = limit(limitText);
    List<RequestSummary> rows = db.transaction(c -> {
      if (before == null) {
        return Database.query(c, SELECT + ORDER, RequestListing::summary, researcher.name(), limit + 1);
      }
      List<Long> at = Database.query(c, "SELECT created FROM request WHERE id = ? AND researcher = ?",
          rs -> rs.getLong(1), before, researcher.name());
      if (at.isEmpty()) {
        throw ApiProblem.invalid("before", "`before` `" + before + "` is not one of your requests: pass the `next`"
            + " of the previous page.");
      }
      return Database.query(c, SELECT + " AND (r.created < ? OR (r.created = ? AND r.id < ?))" + ORDER,
          RequestListing::summary, researcher.name(), at.get(0), at.get(0), before, limit + 1);
    });
    boolean more = rows.size() > limit;
    List<RequestSummary> page = more ? new ArrayList<>(rows.subList(0, limit)) : rows;
    return new RequestPage(page, more ? page.get(limit - 1).id() : null);
  }

  private static int limit(String text) {
    if (text == null || text.isBlank()) {
      return DEFAULT_LIMIT;
    }
    try {
      int n = Integer.parseInt(text);
      if (n >= 1 && n <= MAX_LIMIT) {
        return n;
      }
    } catch (NumberFormatException e) {
      // refused below
    }
    throw ApiProblem.invalid("limit", "Query parameter `limit` `" + text + "` must be a whole number from 1 to "
        + MAX_LIMIT + ".");
  }

  private static RequestSummary summary(ResultSet rs) throws SQLException {
    int sites = rs.getInt("sites");
    int done = rs.getInt("final");
    return new RequestSummary(rs.getString("id"), RequestType.ofWire(rs.getString("type")),
        Instant.ofEpochMilli(rs.getLong("created")), Instant.ofEpochMilli(rs.getLong("expires")), done == sites, sites,
        done);
  }
}
