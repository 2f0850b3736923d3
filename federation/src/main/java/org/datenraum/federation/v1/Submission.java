package org.datenraum.federation.v1;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.datenraum.core.Coding;

/**
 * What a researcher submits. Immutable.
 *
 * @param type             feasibility, stratified or report
 * @param query            the CCDL cohort definition (JSON object), validated by each site; for a report, the
 *                         {@link ReportQuery}
 * @param stratify         the strata of a stratified request, empty for a feasibility count
 * @param yearOf           the code whose earliest fact gives the {@code year} stratum
 * @param expiresInSeconds how long sites may take, or null for the broker's default
 */
public record Submission(RequestType type, JsonNode query, List<Stratum> stratify, Coding yearOf,
    Long expiresInSeconds) {

  /** The longest lifetime a request may ask for: one week. */
  public static final long MAX_EXPIRY_SECONDS = 7 * 24 * 3600;

  public Submission {
    Fields.required(type, "type");
    if (Fields.required(query, "query").isNull() || !query.isObject()) {
      throw Fields.invalid("query", "`query` must be a CCDL JSON object.");
    }
    stratify = Fields.list(stratify);
    if (type == RequestType.STRATIFIED && stratify.isEmpty()) {
      throw Fields.invalid("stratify", "`stratify` must name at least one of `sex`, `age`, `year` for a stratified request.");
    }
    if (type == RequestType.FEASIBILITY && !stratify.isEmpty()) {
      throw Fields.invalid("stratify", "`stratify` must be empty for a feasibility request: use type `stratified`.");
    }
    if (type == RequestType.SURVEILLANCE && !stratify.isEmpty()) {
      throw Fields.invalid("stratify", "`stratify` must be empty for a surveillance round.");
    }
    if (type == RequestType.REPORT) {
      if (!stratify.isEmpty()) {
        throw Fields.invalid("stratify", "`stratify` must be empty for a report request: the report names its tables.");
      }
      try {
        ReportQuery.of(query);
      } catch (WireFormatException e) {
        throw Fields.invalid("query", e.getMessage());
      }
    }
    if (stratify.size() != stratify.stream().distinct().count()) {
      throw Fields.invalid("stratify", "`stratify` names a stratum twice.");
    }
    if (stratify.contains(Stratum.YEAR) && yearOf == null) {
      throw Fields.invalid("yearOf", "`yearOf` ({\"system\":..., \"code\":...}) is required for the `year` stratum.");
    }
    if (expiresInSeconds != null && (expiresInSeconds < 1 || expiresInSeconds > MAX_EXPIRY_SECONDS)) {
      throw Fields.invalid("expiresInSeconds", "`expiresInSeconds` must be between 1 and " + MAX_EXPIRY_SECONDS + ".");
    }
  }

  /** A feasibility count of a CCDL query. */
  public static Submission feasibility(JsonNode query) {
    return new Submission(RequestType.FEASIBILITY, query, List.of(), null, null);
  }

  /** A registry report asked of every site. */
  public static Submission report(ReportQuery report) {
    return new Submission(RequestType.REPORT, report.toQuery(), List.of(), null, null);
  }

  public Submission withExpiry(long seconds) {
    return new Submission(type, query, stratify, yearOf, seconds);
  }
}
