package org.datenraum.federation.v1;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One daily count series as a site releases it: a syndrome or pathogen in one age group, one
 * value per day of the enclosing {@link DailyCounts}; {@code null} where the site's minimum cell
 * size withheld the value. Immutable.
 *
 * @param kind         {@code syndrome} or {@code pathogen}
 * @param indicator    the definition's id, e.g. {@code GI}
 * @param label        the definition's label
 * @param ageGroup     {@code 0-4}, {@code 5-14}, {@code 15-34}, {@code 35-59}, {@code 60+} or {@code all}
 * @param counts       cases per day, null where withheld
 * @param denominators ED visits (syndromes) or patients tested (pathogens) per day, null where withheld
 */
public record DailySeries(String kind, String indicator, String label, String ageGroup, List<Integer> counts,
    List<Integer> denominators) {

  public DailySeries {
    if (!"syndrome".equals(Fields.text(kind, "kind")) && !"pathogen".equals(kind)) {
      throw Fields.invalid("kind", "`kind` `" + kind + "` must be `syndrome` or `pathogen`.");
    }
    Fields.text(indicator, "indicator");
    Fields.text(label, "label");
    Fields.text(ageGroup, "ageGroup");
    counts = values(counts, "counts");
    denominators = values(denominators, "denominators");
    if (counts.size() != denominators.size()) {
      throw Fields.invalid("denominators", "`denominators` must have one value per day, as `counts` ("
          + counts.size() + "), not " + denominators.size() + ".");
    }
  }

  /** The series' key: kind, indicator and age group. */
  public String key() {
    return kind + "/" + indicator + "/" + ageGroup;
  }

  static List<Integer> values(List<Integer> values, String field) {
    List<Integer> copy = new ArrayList<>(Fields.required(values, field));
    for (int i = 0; i < copy.size(); i++) {
      if (copy.get(i) != null && copy.get(i) < 0) {
        throw Fields.invalid(field, "`" + field + "[" + i + "]` must not be negative.");
      }
    }
    return Collections.unmodifiableList(copy);
  }
}
