package org.datenraum.query.ccdl;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One criterion: a context, term codes (synonyms, any matches) and optional filters. Immutable.
 *
 * @param context          the data set module the codes belong to, e.g. {@code fdpg.mii.cds|Diagnose}
 * @param termCodes        at least one code
 * @param valueFilter      filter on the value, or null
 * @param attributeFilters filters on attributes, all must hold
 * @param timeRestriction  the interval the time must overlap, or null
 * @param timeRelation     the time relative to other facts of the patient, or null
 */
public record Criterion(
    TermCode context,
    List<TermCode> termCodes,
    Filter valueFilter,
    List<AttributeFilter> attributeFilters,
    TimeRestriction timeRestriction,
    TimeRelation timeRelation) {

  public Criterion {
    requireNonNull(context, "context");
    termCodes = List.copyOf(termCodes);
    attributeFilters = List.copyOf(attributeFilters);
    if (termCodes.isEmpty()) {
      throw new IllegalArgumentException("termCodes is empty");
    }
    if (valueFilter instanceof Filter.Reference) {
      throw new IllegalArgumentException("a value filter cannot be a reference");
    }
  }

  /** A criterion without a time relation. */
  public Criterion(TermCode context, List<TermCode> termCodes, Filter valueFilter,
      List<AttributeFilter> attributeFilters, TimeRestriction timeRestriction) {
    this(context, termCodes, valueFilter, attributeFilters, timeRestriction, null);
  }

  /** A criterion with only a context and term codes. */
  public static Criterion of(TermCode context, TermCode... termCodes) {
    return new Criterion(context, List.of(termCodes), null, List.of(), null, null);
  }
}
