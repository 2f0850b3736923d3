package org.datenraum.ingest.dicom.internal;

import java.time.YearMonth;
import java.util.List;
import org.datenraum.core.PatientRecord;
import org.datenraum.core.ResourceKey;
import org.datenraum.core.ResourceRecord;
import org.datenraum.core.Sex;

/**
 * The patient of a DICOM file the store does not know yet: the pseudonym, sex, and year and month
 * of birth, nothing else (a later FHIR Patient with the same id replaces it).
 */
final class PatientFromDicom {

  private PatientFromDicom() {}

  static ResourceRecord record(String pseudonym, Instance.Subject s) {
    YearMonth birth = null;
    String b = s.birthDate();
    if (b != null && b.matches("\\d{6,8}")) {
      int month = Integer.parseInt(b.substring(4, 6));
      if (month >= 1 && month <= 12) {
        birth = YearMonth.of(Integer.parseInt(b.substring(0, 4)), month);
      }
    }
    String gender = s.sex() == null ? null : switch (s.sex()) {
      case "M" -> "male";
      case "F" -> "female";
      case "O" -> "other";
      default -> null;
    };
    StringBuilder json = new StringBuilder("{\"resourceType\":\"Patient\",\"id\":\"")
        .append(pseudonym).append('"');
    if (gender != null) {
      json.append(",\"gender\":\"").append(gender).append('"');
    }
    if (birth != null) {
      json.append(",\"birthDate\":\"").append(birth).append('"');
    }
    json.append('}');
    PatientRecord demographics = new PatientRecord(pseudonym, birth, Sex.ofCode(gender), false);
    return new ResourceRecord(new ResourceKey("Patient", pseudonym), pseudonym, null, List.of(),
        json.toString(), demographics, List.of());
  }
}
