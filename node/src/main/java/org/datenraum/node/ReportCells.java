package org.datenraum.node;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A registry report's exact content at one site, before disclosure control: the records the report
 * counts ({@code population}, e.g. the month's emergency visits) and per table, per cell, the
 * records in that cell. Records are pseudonyms (of patients, visits, stays or specimens), so that
 * the cell key of each count depends on what was counted only. Every cell the report defines is
 * present, empty or not, so that an answer's shape tells nothing about the data. Exact counts; this
 * never leaves the node but through {@link org.datenraum.privacy.DisclosureControl}. Immutable.
 *
 * @param population the records the report is about
 * @param tables     table name to cell name to the records counted in that cell, in the report's order
 */
public record ReportCells(Set<String> population, Map<String, Map<String, Set<String>>> tables) {

  public ReportCells {
    population = Set.copyOf(requireNonNull(population, "population"));
    Map<String, Map<String, Set<String>>> copy = new LinkedHashMap<>();
    requireNonNull(tables, "tables").forEach((table, cells) -> {
      Map<String, Set<String>> c = new LinkedHashMap<>();
      requireNonNull(cells, "cells of " + table).forEach((cell, records) -> c.put(requireNonNull(cell, "cell"),
          Set.copyOf(requireNonNull(records, "records of " + cell))));
      copy.put(requireNonNull(table, "table"), Collections.unmodifiableMap(c));
    });
    tables = Collections.unmodifiableMap(copy);
  }
}
