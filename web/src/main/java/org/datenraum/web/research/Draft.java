package org.datenraum.web.research;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.datenraum.query.ccdl.CcdlQuery;
import org.datenraum.query.ccdl.CcdlWriter;
import org.datenraum.query.ccdl.Criterion;

/**
 * The query being built in the editor: inclusion groups (AND between groups, OR within) and
 * exclusion groups (OR between groups, AND within). Empty until the first criterion. Immutable.
 */
public record Draft(Optional<CcdlQuery> query) {

  /** Where a criterion goes: into a new group, or into group {@code index} (0-based) of its kind. */
  public record Place(boolean exclusion, int index) {
    /** A new group. */
    public static final int NEW = -1;

    /** Reads {@code in:new}, {@code in:2}, {@code ex:new}, {@code ex:0}; anything else is a new inclusion group. */
    public static Place parse(String text) {
      if (text == null || !text.matches("(in|ex):(new|\\d{1,3})")) {
        return new Place(false, NEW);
      }
      String[] p = text.split(":");
      return new Place(p[0].equals("ex"), p[1].equals("new") ? NEW : Integer.parseInt(p[1]));
    }
  }

  public Draft {
    requireNonNull(query, "query");
  }

  public static Draft empty() {
    return new Draft(Optional.empty());
  }

  public static Draft of(CcdlQuery q) {
    return new Draft(Optional.of(q));
  }

  public boolean isEmpty() {
    return query.isEmpty();
  }

  public List<List<Criterion>> inclusion() {
    return query.map(CcdlQuery::inclusion).orElse(List.of());
  }

  public List<List<Criterion>> exclusion() {
    return query.map(CcdlQuery::exclusion).orElse(List.of());
  }

  /** The draft with the criterion added at the place; an exclusion needs an inclusion first. */
  public Result<Draft> with(Criterion c, Place at) {
    if (query.isEmpty() && at.exclusion()) {
      return Result.fail(Problem.invalid("DR-7027", "An exclusion needs at least one inclusion criterion first:"
          + " add what the patients must have, then what they must not have."));
    }
    List<List<Criterion>> in = mutable(inclusion());
    List<List<Criterion>> ex = mutable(exclusion());
    List<List<Criterion>> groups = at.exclusion() ? ex : in;
    if (at.index() == Place.NEW || at.index() >= groups.size()) {
      groups.add(new ArrayList<>(List.of(c)));
    } else {
      groups.get(at.index()).add(c);
    }
    String version = query.map(CcdlQuery::version).orElse(CcdlWriter.VERSION);
    return Result.ok(Draft.of(new CcdlQuery(version, query.map(CcdlQuery::display).orElse(null), in, ex)));
  }

  /** The draft without criterion {@code i} of group {@code g}; an emptied group goes, an emptied query is empty. */
  public Draft without(boolean exclusion, int g, int i) {
    List<List<Criterion>> in = mutable(inclusion());
    List<List<Criterion>> ex = mutable(exclusion());
    List<List<Criterion>> groups = exclusion ? ex : in;
    if (g < 0 || g >= groups.size() || i < 0 || i >= groups.get(g).size()) {
      return this;
    }
    groups.get(g).remove(i);
    if (groups.get(g).isEmpty()) {
      groups.remove(g);
    }
    if (in.isEmpty()) {
      return empty();
    }
    return Draft.of(new CcdlQuery(query.get().version(), query.get().display(), in, ex));
  }

  private static List<List<Criterion>> mutable(List<List<Criterion>> groups) {
    List<List<Criterion>> out = new ArrayList<>();
    groups.forEach(g -> out.add(new ArrayList<>(g)));
    return out;
  }
}
