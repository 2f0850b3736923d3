package org.datenraum.broker.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.datenraum.federation.v1.NewSavedQuery;
import org.datenraum.federation.v1.SavedQuery;

/**
 * Researchers' saved queries: each researcher reads, lists and deletes only their own; another's
 * id is answered as not found. Thread-safe.
 */
final class SavedQueries {

  /** The most queries one researcher keeps. */
  static final int MAX_PER_RESEARCHER = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Database db;
  private final Clock clock;

  SavedQueries(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  SavedQuery add(Caller researcher, NewSavedQuery q) {
    String id = UUID.randomUUID().toString();
    Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
    db.transaction(c -> {
      int kept = Database.query(c, "SELECT count(*) FROM saved_query WHERE researcher = ?", rs -> rs.getInt(1),
          researcher.name()).get(0);
      if (kept >= MAX_PER_RESEARCHER) {
        throw ApiProblem.conflict("You keep " + kept + " saved queries, the most allowed: delete some first.");
      }
      Database.update(c, "INSERT INTO saved_query VALUES (?, ?, ?, ?, ?, ?)", id, researcher.name(), q.title(),
          q.comment(), q.query().toString(), now.toEpochMilli());
      return null;
    });
    return new SavedQuery(id, q.title(), q.comment(), q.query(), now);
  }

  /** The caller's saved queries, newest first. */
  List<SavedQuery> list(Caller researcher) {
    return db.transaction(c -> Database.query(c, "SELECT * FROM saved_query WHERE researcher = ?"
        + " ORDER BY created DESC, id", SavedQueries::row, researcher.name()));
  }

  SavedQuery get(Caller researcher, String id) {
    List<SavedQuery> found = db.transaction(c -> Database.query(c, "SELECT * FROM saved_query WHERE id = ?"
        + " AND researcher = ?", SavedQueries::row, id, researcher.name()));
    if (found.isEmpty()) {
      throw notFound(id);
    }
    return found.get(0);
  }

  void delete(Caller researcher, String id) {
    int n = db.transaction(c -> Database.update(c, "DELETE FROM saved_query WHERE id = ? AND researcher = ?", id,
        researcher.name()));
    if (n == 0) {
      throw notFound(id);
    }
  }

  private static ApiProblem notFound(String id) {
    return ApiProblem.notFound("No saved query `" + id + "` of yours: see GET /v1/saved-queries.");
  }

  private static SavedQuery row(ResultSet rs) throws SQLException {
    JsonNode q;
    try {
      q = JSON.readTree(rs.getString("query"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("a saved query's JSON is unreadable", e);
    }
    return new SavedQuery(rs.getString("id"), rs.getString("title"), rs.getString("comment"), q,
        Instant.ofEpochMilli(rs.getLong("created")));
  }
}
