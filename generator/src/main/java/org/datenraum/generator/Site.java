package org.datenraum.generator;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What makes one hospital differ from another: size, case mix, intensive care capacity, home
 * town. Derived from the site name alone, so the same name always gives the same hospital.
 * Immutable.
 */
final class Site {

  final String name;
  final String slug;
  final long hash;
  final double[] caseMix;
  final double icuFactor;
  final double biobankRate;
  final int homeCity;
  final long defaultPatients;
  private final Map<String, String> systems = new ConcurrentHashMap<>();

  Site(String name, Vocabulary vocab) {
    this.name = name;
    this.slug = slug(name);
    this.hash = Draw.hash(name);
    SplittableRandom rng = new SplittableRandom(hash);
    boolean university = name.toLowerCase(Locale.ROOT).contains("uni") || rng.nextDouble() < 0.4;
    double size = university ? Draw.logNormal(rng, 60_000, 0.3) : Draw.logNormal(rng, 20_000, 0.5);
    this.defaultPatients = Math.max(1000, Math.round(size / 100) * 100);
    this.icuFactor = (university ? 0.9 : 0.6) * Draw.logNormal(rng, 1.0, 0.15);
    this.biobankRate = university ? 0.2 : 0.05;
    this.caseMix = new double[vocab.cases.size()];
    for (int i = 0; i < caseMix.length; i++) {
      caseMix[i] = Draw.logNormal(rng, 1.0, 0.35);
    }
    this.homeCity = rng.nextInt(vocab.cities.size());
  }

  /** The URL of one of this site's identifier systems. */
  String system(String what) {
    return systems.computeIfAbsent(what, w -> "https://fhir." + slug + ".example/sid/" + w);
  }

  private static String slug(String name) {
    String s = Normalizer.normalize(name.toLowerCase(Locale.ROOT)
            .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"),
        Normalizer.Form.NFD).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    return s.isEmpty() ? "site" : s;
  }
}
