package org.datenraum.surveillance.syndromic;

import java.time.ZoneId;
import java.util.List;

/**
 * What syndromic surveillance reads from a site: its emergency department visits and the
 * microbiology results of the pathogens' tests, each dated by calendar day in one time zone.
 * An ED visit is an encounter of class EMER; its complaints are CEDIS codes, its diagnoses the
 * ICD-10-GM codes recorded for it, and it counts as admitted when an inpatient encounter of the
 * same patient admitted from the emergency department (admission source code {@code N}, exactly)
 * starts between the arrival and {@value #ADMISSION_HOURS} hours after the departure. Records
 * entered in error or cancelled are left out. Implementations hold no identifier in what they
 * return.
 */
public interface SyndromicRecords {

  /** Hours after the ED departure within which an inpatient admission counts as from the ED. */
  int ADMISSION_HOURS = 24;

  /** The time zone in which times become calendar days. */
  ZoneId zone();

  /** Every ED visit. */
  List<EdVisit> visits();

  /** The results of the tests (LOINC codes) the pathogens are defined by. */
  List<LabResult> results(List<PathogenDefinition> pathogens);
}
