package org.datenraum.generator;

import static org.datenraum.generator.Profiles.SNOMED;

import java.util.SplittableRandom;

/**
 * The hospital's biobank: primary samples of an inpatient stay in the MII biobank profile (type,
 * collection with body site and fasting status, container with the remaining quantity, storage
 * temperature) and their aliquots, each a Specimen of its own that names its parent. Draws from a
 * random stream of its own, so that the rest of a patient's record does not depend on it.
 */
final class Biobank {

  static final String TEMPERATURE = Profiles.MII + "ext/modul-biobank/StructureDefinition/Temperaturbedingungen";
  private static final String FASTING = "http://terminology.hl7.org/CodeSystem/v2-0916";
  private static final long ALIQUOTS = 1L << 62;

  /** A sample kind: SNOMED CT type, tube volume and the share of it that is the sample, in ml. */
  private record Kind(String code, String display, double tube, double yield, boolean aliquoted) {}

  private static final Kind[] KINDS = {
    new Kind("119364003", "Serum specimen", 7.5, 0.45, true),
    new Kind("119361006", "Plasma specimen", 9.0, 0.5, true),
    new Kind("122555007", "Venous blood specimen", 9.0, 1.0, false)};

  private Biobank() {}

  /** The first {@code n} sample kinds of one blood draw at {@code time}. */
  static void collect(PatientContext p, long time, int n) {
    SplittableRandom rng = new SplittableRandom(p.key ^ (time * 0x9E3779B97F4A7C15L));
    boolean fasting = rng.nextDouble() < 0.6;
    String arm = rng.nextBoolean() ? "368208006" : "368209003";
    for (int i = 0; i < n; i++) {
      Kind k = KINDS[i];
      double volume = Math.min(k.tube(), k.tube() * k.yield() * (0.8 + 0.4 * rng.nextDouble()));
      String parent = p.nextId();
      int aliquots = k.aliquoted() ? 2 + rng.nextInt(5) : 0;
      double each = volume >= 3 ? 0.5 : 0.25;
      double left = Math.max(0, volume - aliquots * each);
      specimen(p, parent, null, k, time, left, fasting, arm, aliquots > 0 ? -20 : 4);
      for (int a = 0; a < aliquots; a++) {
        String id = Ids.uuid(p.key, ALIQUOTS | ((time & 0xFFFFFFFFFL) << 10) | ((long) i << 5) | a);
        double remaining = rng.nextDouble() < 0.25 ? Math.round(each * rng.nextDouble() * 100) / 100.0 : each;
        specimen(p, id, parent, k, time + 3600, remaining, fasting, arm, -80);
      }
    }
  }

  private static void specimen(PatientContext p, String id, String parent, Kind k, long time, double ml,
      boolean fasting, String arm, int celsius) {
    FhirOut o = p.out(ResourceType.Specimen).begin("Specimen", id, Profiles.SPECIMEN);
    o.array("identifier").open(null).sym("system", p.site.system("bioproben"))
        .str("value", "BP-" + id.substring(0, 13)).close().closeArray();
    o.sym("status", ml > 0 ? "available" : "unavailable");
    o.concept("type", SNOMED, k.code(), k.display());
    o.ref("subject", "Patient", p.id);
    if (parent != null) {
      o.array("parent").open(null).sym("reference", "Specimen/" + parent).close().closeArray();
    }
    o.open("collection").dateTime("collectedDateTime", time);
    o.concept("bodySite", SNOMED, arm, arm.equals("368208006") ? "Left upper arm structure" : "Right upper arm structure");
    o.concept("fastingStatusCodeableConcept", FASTING, fasting ? "F" : "NF",
        fasting ? "Patient was fasting prior to the procedure." : "The patient indicated they did not fast prior to the procedure.");
    o.close();
    o.array("processing").open(null).array("extension").open(null).sym("url", TEMPERATURE)
        .open("valueRange").quantity("low", celsius - 5, 0, "Cel", "Cel").quantity("high", celsius + 5, 0, "Cel", "Cel")
        .close().close().closeArray().close().closeArray();
    o.array("container").open(null).quantity("specimenQuantity", ml, 2, "mL", "mL").close().closeArray();
    o.end();
  }
}
