package org.datenraum.federation.v1;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What a request asks of the sites. */
public enum RequestType {
  /** The number of patients matching a CCDL cohort. */
  FEASIBILITY,
  /** The counts of a CCDL cohort by sex, 10-year age band and/or year of a chosen fact. */
  STRATIFIED,
  /**
   * A round of the broker's standing surveillance request: the site's released daily syndromic
   * and pathogen counts of the days it has not sent yet ({@link SurveillanceRound} as the query).
   */
  SURVEILLANCE,
  /**
   * A registry report ({@link ReportQuery} as the query): each site answers with the report's
   * population as {@code total} and its tables as strata, every cell under disclosure control.
   */
  REPORT;

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static RequestType ofWire(String text) {
    for (RequestType t : values()) {
      if (t.wire().equals(text)) {
        return t;
      }
    }
    throw new IllegalArgumentException("`" + text + "` is not a request type: expected `feasibility`, `stratified`, `surveillance` or `report`.");
  }
}
