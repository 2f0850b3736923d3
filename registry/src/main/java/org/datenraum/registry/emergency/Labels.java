package org.datenraum.registry.emergency;

import java.util.LinkedHashMap;
import java.util.Map;

/** The categories of the report's tables in AKTIN's order, with AKTIN's German labels. Stateless. */
final class Labels {

  static final Map<String, String> SEX = ordered("male", "männlich", "female", "weiblich",
      "other", "divers/unbestimmt", "unknown", "unbekannt");
  static final Map<String, String> WEEKDAYS = ordered("1", "Mo", "2", "Di", "3", "Mi", "4", "Do",
      "5", "Fr", "6", "Sa", "7", "So");
  static final Map<String, String> REFERRAL = ordered("VAP", "Vertragsarzt/Praxis",
      "KVNPIK", "KV-Notfallpraxis am Krankenhaus", "KVNDAK", "KV-Notdienst außerhalb des Krankenhauses",
      "RD", "Rettungsdienst", "NA", "Notarzt", "KLINV", "Klinik/Verlegung",
      "NPHYS", "Zuweisung nicht durch Arzt", "OTH", "Andere");
  static final Map<String, String> TRANSPORT = ordered("NA", "Ohne", "1", "KTW", "2", "RTW",
      "3", "NAW/NEF/ITW", "4", "RTH/ITH", "OTH", "Anderes");
  static final Map<String, String> TRIAGE = ordered("1", "1 rot (sofort)", "2", "2 orange (sehr dringend)",
      "3", "3 gelb (dringend)", "4", "4 grün (normal)", "5", "5 blau (nicht dringend)");
  static final Map<String, String> DISPOSITION = ordered("DISCHARGE:1", "Tod",
      "DISCHARGE:2", "Entlassung gegen ärztlichen Rat", "DISCHARGE:3", "Behandlung durch Patient abgebrochen",
      "DISCHARGE:4", "Entlassung nach Hause", "DISCHARGE:5", "Entlassung zu weiterbehandelndem Arzt",
      "DISCHARGE:6", "Kein Arztkontakt", "DISCHARGE:OTH", "Entlassung: sonstiges",
      "TRANSFER:1", "Aufnahme intern: Funktion", "TRANSFER:2", "Verlegung extern: Funktion",
      "TRANSFER:3", "Aufnahme intern: Überwachung", "TRANSFER:4", "Verlegung extern: Überwachung",
      "TRANSFER:5", "Aufnahme intern: Normalstation", "TRANSFER:6", "Verlegung extern: Normalstation");
  static final Map<String, String> ISOLATION_REASONS = ordered("U80", "Multiresistenter Keim",
      "A09.9", "Gastroenteritis", "A16.9", "Tuberkulose", "G03.9", "Meningitis", "OTH", "Andere");

  private Labels() {}

  private static Map<String, String> ordered(String... keyLabel) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < keyLabel.length; i += 2) {
      m.put(keyLabel[i], keyLabel[i + 1]);
    }
    return java.util.Collections.unmodifiableMap(m);
  }
}
