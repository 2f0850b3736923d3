package org.datenraum.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/**
 * English that German pages showed before their texts were worded: problem messages of the portal
 * and the broker, the approval page's sentence and raw cell and table names. A German page must
 * contain none of them.
 */
public final class EnglishLeaks {

  /** Phrases of the English messages and names, as they appeared on German pages. */
  public static final List<String> PHRASES = List.of("The key is unknown or revoked", "is a site's key",
      "is a site&#39;s key", "no longer accepted", "does not answer the portal", "The uploaded file",
      "The uploaded query names", "No file was chosen", "No request `", "of yours", "Patients with", "Counted by",
      "The query is not valid CCDL", "is not one the portal offers", "has no parameter", "needs parameter",
      "is not a value for", "needs at least one of", "is not a date", "is not a page number",
      "is not one of this site", "has the role", "was revoked", "No asset", "expected ", ">female<", ">male<",
      ">unknown<", ">other<", "resourceType", "nothing was changed", "try again");

  private EnglishLeaks() {}

  /** Fails with the phrases a German page still shows. */
  public static void assertNone(String germanPage) {
    assertThat(PHRASES.stream().filter(germanPage::contains).toList()).as("English on a German page").isEmpty();
  }
}
