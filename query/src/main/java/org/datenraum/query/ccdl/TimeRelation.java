package org.datenraum.query.ccdl;

import java.util.List;

/**
 * A Datenraum extension of CCDL: the criterion's time must lie between {@code minDays} and
 * {@code maxDays} days after the time of a fact of the same patient that matches any of the
 * related criteria (negative days: before it; either bound may be open). Immutable.
 *
 * @param criteria the related criteria (synonyms: any matches), without references or relations
 * @param minDays  the least offset in days, or null
 * @param maxDays  the greatest offset in days, or null
 */
public record TimeRelation(List<Criterion> criteria, Double minDays, Double maxDays) {

  public TimeRelation {
    criteria = List.copyOf(criteria);
    if (criteria.isEmpty()) {
      throw new IllegalArgumentException("criteria is empty");
    }
    if (minDays == null && maxDays == null) {
      throw new IllegalArgumentException("neither minDays nor maxDays");
    }
  }
}
