package org.datenraum.generator;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.datenraum.generator.Vocabulary.Chronic;

/** The state of one patient while their story is being written; not thread-safe. */
final class PatientContext {

  enum ConsentState { RESEARCH_ALL, DATA_ONLY, REFUSED, NOT_ASKED }

  final SplittableRandom rng;
  final Sinks out;
  final Site site;
  final Vocabulary vocab;
  final long key;
  final String id;
  final long index;
  boolean male;
  long birthDay;
  int ageAtStart;
  double heightCm;
  double weightKg;
  ConsentState consent;
  final List<Chronic> chronic = new ArrayList<>();
  long deathTime = Long.MIN_VALUE;
  double lastCreatinine = 1.0;
  long firstContact = Long.MAX_VALUE;
  private long counter = 1;

  PatientContext(long key, long index, Sinks out, Site site, Vocabulary vocab) {
    this.key = key;
    this.index = index;
    this.rng = new SplittableRandom(key);
    this.out = out;
    this.site = site;
    this.vocab = vocab;
    this.id = Ids.uuid(key, 0);
  }

  String nextId() {
    return Ids.uuid(key, counter++);
  }

  boolean dead() {
    return deathTime != Long.MIN_VALUE;
  }

  boolean has(String icd) {
    for (Chronic c : chronic) {
      if (c.icd().equals(icd)) {
        return true;
      }
    }
    return false;
  }

  /** Age in whole years at an instant. */
  int ageAt(long epochSecond) {
    return (int) ((BerlinTime.localDay(epochSecond) - birthDay) / 365.25);
  }

  int ageBand(long epochSecond) {
    int age = ageAt(epochSecond);
    return age < 15 ? 0 : age < 65 ? 1 : 2;
  }

  FhirOut out(ResourceType type) {
    return out.of(type);
  }
}
