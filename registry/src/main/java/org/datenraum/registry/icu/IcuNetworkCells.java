package org.datenraum.registry.icu;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.datenraum.core.Problem;
import org.datenraum.core.Result;

/**
 * The intensive care report's cells for the network: per table, per cell, the records counted
 * there (stay ids, episode ids {@code stay#hour}, hour ids {@code stay@hour}), so that a node can
 * put every cell through disclosure control. Shares and medians do not merge across sites; the
 * network report gives their numerators and denominators, and histograms (max SOFA, invasive
 * episode length) instead of medians. Every cell is present, empty or not. Not thread-safe: one
 * report fills it.
 */
public final class IcuNetworkCells {

  /** The report's name on the wire. */
  public static final String NAME = "icu";
  /** Bounds (hours, exclusive upper) of the invasive episode length classes. */
  static final int[] EPISODE_BOUNDS = {24, 48, 96, 168};

  private final Map<String, Map<String, Set<String>>> tables = new LinkedHashMap<>();
  private final Set<String> population = new HashSet<>();

  public IcuNetworkCells() {
    table("stays", List.of("adult", "paediatric", "unknown-age"));
    table("ventilation", List.of("invasively-ventilated-stays", "invasive-episodes",
        "stays-invasive-over-96h", "non-invasive-episodes", "high-flow-episodes",
        "reintubations-48h", "extubations"));
    List<String> lengths = new ArrayList<>();
    lengths.add("0-" + (EPISODE_BOUNDS[0] - 1) + "h");
    for (int i = 0; i + 1 < EPISODE_BOUNDS.length; i++) {
      lengths.add(EPISODE_BOUNDS[i] + "-" + (EPISODE_BOUNDS[i + 1] - 1) + "h");
    }
    lengths.add(EPISODE_BOUNDS[EPISODE_BOUNDS.length - 1] + "h-or-more");
    table("invasiveEpisodeLength", lengths);
    List<String> scores = new ArrayList<>();
    for (int s = 0; s <= 24; s++) {
      scores.add(Integer.toString(s));
    }
    table("maxSofa", scores);
    table("lungProtective", List.of("hours-with-tidal-volume", "hours-at-most-8ml-per-kg",
        "hours-lung-protective", "hours-with-tidal-volume-without-height",
        "ventilated-stays-without-height", "ards-stays"));
    table("sedation", List.of("stays-of-8h-or-more", "stays-with-rass-every-8h",
        "hours-with-rass", "hours-deeply-sedated"));
    table("pronePositioning", List.of("stays-invasive-with-pf-below-150", "stays-proned"));
    table("circulation", List.of("stays-with-vasopressor", "vasopressor-hours"));
  }

  private void table(String name, List<String> cells) {
    Map<String, Set<String>> t = new LinkedHashMap<>();
    cells.forEach(c -> t.put(c, new HashSet<>()));
    tables.put(name, t);
  }

  /**
   * The period of the parameters {@code from} and {@code to} (YYYY-MM-DD, both optional), or the
   * problem of a parameter this report does not take or a malformed date.
   */
  public static Result<LocalDate[]> period(Map<String, String> parameters) {
    LocalDate[] out = new LocalDate[2];
    for (Map.Entry<String, String> p : parameters.entrySet()) {
      int i = p.getKey().equals("from") ? 0 : p.getKey().equals("to") ? 1 : -1;
      if (i < 0) {
        return Result.fail(Problem.invalid("DR-7301", "The report `icu` takes the parameters"
            + " `from` and `to`, not `" + p.getKey() + "`: leave it out."));
      }
      try {
        out[i] = LocalDate.parse(p.getValue());
      } catch (DateTimeParseException e) {
        return Result.fail(Problem.invalid("DR-7302", "The parameter `" + p.getKey() + "` is `"
            + p.getValue() + "`, not a date: write it as YYYY-MM-DD, e.g. `2025-01-31`."));
      }
    }
    if (out[0] != null && out[1] != null && out[1].isBefore(out[0])) {
      return Result.fail(Problem.invalid("DR-7300", "`to` `" + out[1] + "` lies before `from` `"
          + out[0] + "`: give a `to` on or after `from`."));
    }
    return Result.ok(out);
  }

  /** Counts one stay under its id (unique at the site, e.g. the encounter's pseudonym). */
  public void add(String stay, StayResult r) {
    population.add(stay);
    put("stays", switch (r.info().group()) {
      case ADULT -> "adult";
      case PAEDIATRIC -> "paediatric";
      default -> "unknown-age";
    }, stay);
    ventilation(stay, r.ventilation());
    put("maxSofa", Integer.toString(r.sofa().max()), stay);
    StayResult.LungProtection l = r.lung();
    hours("lungProtective", "hours-with-tidal-volume", stay, l.tidalVolumeHours());
    hours("lungProtective", "hours-at-most-8ml-per-kg", stay, l.atMost8());
    hours("lungProtective", "hours-lung-protective", stay, l.protective());
    hours("lungProtective", "hours-with-tidal-volume-without-height", stay,
        l.tidalVolumeHoursWithoutHeight());
    if (l.ventilatedWithoutHeight()) {
      put("lungProtective", "ventilated-stays-without-height", stay);
    }
    if (r.info().ards()) {
      put("lungProtective", "ards-stays", stay);
    }
    StayResult.Sedation s = r.sedation();
    if (s.blocks() > 0) {
      put("sedation", "stays-of-8h-or-more", stay);
    }
    if (s.every8h()) {
      put("sedation", "stays-with-rass-every-8h", stay);
    }
    hours("sedation", "hours-with-rass", stay, s.assessedHours());
    hours("sedation", "hours-deeply-sedated", stay, s.deepHours());
    if (r.circulation().vasopressorHours() > 0) {
      put("circulation", "stays-with-vasopressor", stay);
    }
    hours("circulation", "vasopressor-hours", stay, r.circulation().vasopressorHours());
  }

  private void ventilation(String stay, StayResult.Ventilation v) {
    int invasiveHours = 0;
    for (Episode e : v.episodes()) {
      String id = stay + "#" + e.firstHour();
      switch (e.status()) {
        case INVASIVE -> {
          put("ventilation", "invasive-episodes", id);
          put("invasiveEpisodeLength", lengthClass(e.hours()), id);
          invasiveHours += e.hours();
          if (e.reintubation()) {
            put("ventilation", "reintubations-48h", id);
          }
        }
        case NON_INVASIVE -> put("ventilation", "non-invasive-episodes", id);
        case HIGH_FLOW -> put("ventilation", "high-flow-episodes", id);
        default -> { }
      }
    }
    if (v.invasive()) {
      put("ventilation", "invasively-ventilated-stays", stay);
    }
    if (invasiveHours > 96) {
      put("ventilation", "stays-invasive-over-96h", stay);
    }
    hours("ventilation", "extubations", stay + "#x", v.extubations());
    if (v.proneEligible()) {
      put("pronePositioning", "stays-invasive-with-pf-below-150", stay);
      if (v.proned()) {
        put("pronePositioning", "stays-proned", stay);
      }
    }
  }

  static String lengthClass(int hours) {
    List<String> cells = new ArrayList<>(List.of("0-" + (EPISODE_BOUNDS[0] - 1) + "h"));
    for (int i = 0; i + 1 < EPISODE_BOUNDS.length; i++) {
      cells.add(EPISODE_BOUNDS[i] + "-" + (EPISODE_BOUNDS[i + 1] - 1) + "h");
    }
    cells.add(EPISODE_BOUNDS[EPISODE_BOUNDS.length - 1] + "h-or-more");
    int i = 0;
    while (i < EPISODE_BOUNDS.length && hours >= EPISODE_BOUNDS[i]) {
      i++;
    }
    return cells.get(i);
  }

  private void put(String table, String cell, String record) {
    tables.get(table).get(cell).add(record);
  }

  /** {@code n} records {@code stay@1..n}: hours (or other events) of one stay. */
  private void hours(String table, String cell, String stay, int n) {
    Set<String> records = tables.get(table).get(cell);
    for (int i = 1; i <= n; i++) {
      records.add(stay + "@" + i);
    }
  }

  /** The stays counted. */
  public Set<String> population() {
    return Set.copyOf(population);
  }

  /** Table name to cell name to records, every cell present, in the report's order. */
  public Map<String, Map<String, Set<String>>> tables() {
    return tables;
  }
}
