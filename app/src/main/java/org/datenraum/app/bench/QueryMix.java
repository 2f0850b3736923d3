package org.datenraum.app.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The feasibility queries of {@code bench query}, in CCDL, over codes the generator writes
 * (ICD-10-GM diagnoses of {@code chronic.tsv} and {@code cases.tsv}, LOINC labs of
 * {@code labs.tsv}), plus the two very large sq2cql queries from the shared test data.
 */
final class QueryMix {

  /** A named query. */
  record Query(String name, String json) {}

  private static final String ICD = "http://fhir.de/CodeSystem/bfarm/icd-10-gm";
  private static final String LOINC = "http://loinc.org";

  private QueryMix() {}

  /** Creatinine above 1.5 mg/dL: a code with a value filter. */
  static Query creatinine() {
    return new Query("code + value (creatinine > 1.5 mg/dL)",
        query(List.of(List.of(lab("2160-0", comparator("gt", 1.5, "mg/dL")))), List.of()));
  }

  static List<Query> all(Path sq2cql) {
    List<Query> out = new ArrayList<>();
    out.add(new Query("single code (I10.90)", query(List.of(List.of(diagnosis("I10.90"))), List.of())));
    out.add(new Query("10-code OR (chronic diagnoses)", query(List.of(List.of(diagnosis(
        "I10.90", "E11.90", "E78.0", "N18.3", "I25.19", "I50.13", "I48.1", "J44.99", "J45.9", "F03"))), List.of())));
    out.add(creatinine());
    out.add(new Query("code + time + age (pneumonia in winter 2024/25, age >= 65)", query(List.of(
        List.of(withTime(diagnosis("J18.9"), "2024-10-01", "2025-03-31")),
        List.of(age("ge", 65))), List.of())));
    out.add(new Query("3 groups + exclusion (diabetes, HbA1c > 7 % or CKD, age >= 50, not dementia)", query(List.of(
        List.of(diagnosis("E11.90")),
        List.of(lab("4548-4", comparator("gt", 7, "%")), diagnosis("N18.3")),
        List.of(age("ge", 50))), List.of(List.of(diagnosis("F03"))))));
    for (String name : List.of("large-query-worst-case-with-time-constraints.json",
        "test-large-query-more-crit-time-rest-1.json")) {
      out.add(new Query("sq2cql " + name, read(sq2cql.resolve(name))));
    }
    return out;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + " (give --testdata DIR)", e);
    }
  }

  private static String query(List<List<String>> inclusion, List<List<String>> exclusion) {
    String q = "{\"version\": \"http://to_be_decided.com/draft-1/schema#\", \"inclusionCriteria\": " + groups(inclusion);
    return q + (exclusion.isEmpty() ? "" : ", \"exclusionCriteria\": " + groups(exclusion)) + "}";
  }

  private static String groups(List<List<String>> groups) {
    return groups.stream().map(g -> "[" + String.join(", ", g) + "]").collect(Collectors.joining(", ", "[", "]"));
  }

  private static String context(String code) {
    return "\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"" + code + "\", \"display\": \"" + code + "\"}";
  }

  private static String codes(String system, String... codes) {
    return Stream.of(codes).map(c -> "{\"system\": \"" + system + "\", \"code\": \"" + c + "\", \"display\": \"\"}")
        .collect(Collectors.joining(", ", "\"termCodes\": [", "]"));
  }

  private static String diagnosis(String... icd) {
    return "{" + context("Diagnose") + ", " + codes(ICD, icd) + "}";
  }

  private static String lab(String loinc, String valueFilter) {
    return "{" + context("Laboruntersuchung") + ", " + codes(LOINC, loinc) + ", \"valueFilter\": " + valueFilter + "}";
  }

  private static String comparator(String op, double value, String unit) {
    return "{\"type\": \"quantity-comparator\", \"comparator\": \"" + op + "\", \"value\": " + value
        + ", \"unit\": {\"code\": \"" + unit + "\", \"display\": \"" + unit + "\"}}";
  }

  private static String age(String op, double years) {
    return "{" + context("Patient") + ", " + codes("http://snomed.info/sct", "424144002") + ", \"valueFilter\": "
        + comparator(op, years, "a") + "}";
  }

  private static String withTime(String criterion, String after, String before) {
    return criterion.substring(0, criterion.length() - 1) + ", \"timeRestriction\": {\"afterDate\": \"" + after
        + "\", \"beforeDate\": \"" + before + "\"}}";
  }
}
