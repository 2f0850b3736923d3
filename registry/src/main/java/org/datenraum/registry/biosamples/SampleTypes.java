package org.datenraum.registry.biosamples;

import org.datenraum.core.Coding;
import org.datenraum.core.SampleKinds;

/** How a specimen type coding is named in an availability answer. */
public final class SampleTypes {

  /** The resource type of specimens. */
  public static final String SPECIMEN = "Specimen";
  /** SNOMED CT, whose specimen types are named by their code alone. */
  public static final String SNOMED = "http://snomed.info/sct";

  private SampleTypes() {}

  /**
   * The SNOMED CT code itself ({@code 119364003}); a sample-locator kind as the SNOMED CT type it
   * counts as ({@code blood-serum} as {@code 119364003}); any other coding as {@code system|code}.
   */
  public static String key(Coding type) {
    return SampleKinds.table().snomedOf(type).orElse(type.system() + "|" + type.code());
  }

  /**
   * The sample-locator kinds of a specimen with these type codings: the kinds it is coded with,
   * else the kinds its SNOMED CT types fall under; empty when neither names one.
   */
  public static java.util.Set<String> kinds(java.util.Collection<Coding> types) {
    java.util.Set<String> own = new java.util.TreeSet<>();
    java.util.Set<String> bySnomed = new java.util.TreeSet<>();
    for (Coding t : types) {
      if (t.system().equals(SampleKinds.SYSTEM) && SampleKinds.table().kind(t.code()).isPresent()) {
        own.add(t.code());
      } else if (t.system().equals(SNOMED)) {
        SampleKinds.table().ofSnomed(t.code()).ifPresent(k -> bySnomed.add(k.code()));
      }
    }
    return own.isEmpty() ? bySnomed : own;
  }
}
