package org.datenraum.ingest.dicom.internal;

import java.util.Map;
import org.datenraum.core.Coding;

/**
 * Body Part Examined (0018,0015) defined terms to SNOMED CT body structures, as PS3.16 Annex L
 * ("Correspondence of Anatomic Region Codes and Body Part Examined Defined Terms") pairs them, for
 * the regions radiology reports most; other terms are kept as their DICOM defined term only.
 */
public final class BodyParts {

  private static final Map<String, String> SNOMED = Map.ofEntries(
      Map.entry("CHEST", "51185008"), Map.entry("THORAX", "51185008"),
      Map.entry("LUNG", "39607008"), Map.entry("HEART", "80891009"),
      Map.entry("ABDOMEN", "818981001"), Map.entry("PELVIS", "816092008"),
      Map.entry("HEAD", "69536005"), Map.entry("BRAIN", "12738006"), Map.entry("SKULL", "89546000"),
      Map.entry("NECK", "45048000"), Map.entry("CSPINE", "122494005"),
      Map.entry("TSPINE", "122495006"), Map.entry("LSPINE", "122496007"),
      Map.entry("SPINE", "421060004"), Map.entry("BREAST", "76752008"),
      Map.entry("KNEE", "72696002"), Map.entry("HIP", "24136001"), Map.entry("LIVER", "10200004"),
      Map.entry("KIDNEY", "64033007"), Map.entry("CHESTABDOMEN", "416550000"),
      Map.entry("CHESTABDPELVIS", "416775004"), Map.entry("ABDOMENPELVIS", "818982008"),
      Map.entry("WHOLEBODY", "38266002"));

  /** The system of the defined terms as the ingest keeps them. */
  public static final String DEFINED_TERMS = "urn:dicom:body-part-examined";

  private BodyParts() {}

  /** The SNOMED CT coding of a defined term, or null. */
  public static Coding snomed(String bodyPart) {
    String code = bodyPart == null ? null : SNOMED.get(bodyPart.trim().toUpperCase(java.util.Locale.ROOT));
    return code == null ? null : new Coding(Codes.SCT, code);
  }
}
