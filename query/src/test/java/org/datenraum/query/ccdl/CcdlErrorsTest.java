package org.datenraum.query.ccdl;

import static org.assertj.core.api.Assertions.assertThat;

import org.datenraum.core.Problem;
import org.datenraum.core.Result;
import org.junit.jupiter.api.Test;

class CcdlErrorsTest {

  private static final String CONTEXT = "\"context\": {\"system\": \"fdpg.mii.cds\", \"code\": \"Laboruntersuchung\", \"display\": \"Labor\"}";
  private static final String CODE = "\"termCodes\": [{\"system\": \"http://loinc.org\", \"code\": \"718-7\", \"display\": \"Hb\"}]";

  private static String query(String secondCriterionFields) {
    return "{\"version\": \"2\", \"inclusionCriteria\": [[{" + CONTEXT + ", " + CODE + "}, {" + CONTEXT + ", " + CODE
        + (secondCriterionFields.isEmpty() ? "" : ", " + secondCriterionFields) + "}]]}";
  }

  private static String error(String json) {
    Result<CcdlQuery> r = CcdlParser.parse(json);
    assertThat(r.isOk()).as("expected a problem for %s", json).isFalse();
    assertThat(r.problem().category()).isEqualTo(Problem.Category.INVALID);
    return r.problem().text();
  }

  @Test
  void validQueryParses() {
    assertThat(CcdlParser.parse(query("")).isOk()).isTrue();
  }

  @Test
  void unknownComparatorNamesPathAndChoices() {
    String json = query("\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"gtx\", \"value\": 5}");

    assertThat(error(json)).isEqualTo(
        "DR-2003 Unknown comparator `gtx` at $.inclusionCriteria[0][1].valueFilter.comparator:"
            + " expected one of gt, ge, lt, le, eq, ne.");
  }

  @Test
  void notJsonNamesLineAndColumn() {
    assertThat(error("{\"inclusionCriteria\": [[\n  {,}]]}")).startsWith("DR-2001 The query is not valid JSON at line 2, column");
  }

  @Test
  void missingInclusionCriteria() {
    assertThat(error("{\"version\": \"2\"}")).startsWith("DR-2002 Missing `inclusionCriteria` at $");
  }

  @Test
  void missingTermCodes() {
    String json = "{\"inclusionCriteria\": [[{" + CONTEXT + "}]]}";
    assertThat(error(json)).startsWith("DR-2002 Missing $.inclusionCriteria[0][0].termCodes: expected an array");
  }

  @Test
  void wrongTypes() {
    assertThat(error("{\"inclusionCriteria\": {}}"))
        .startsWith("DR-2004 Value `{...}` at $.inclusionCriteria has the wrong type: expected an array of criterion groups");
    assertThat(error(query("\"valueFilter\": {\"type\": \"quantity-comparator\", \"comparator\": \"gt\", \"value\": \"5\"}")))
        .isEqualTo("DR-2004 Value `\"5\"` at $.inclusionCriteria[0][1].valueFilter.value is not a number: write it without quotes.");
  }

  @Test
  void unknownFilterTypes() {
    assertThat(error(query("\"valueFilter\": {\"type\": \"reference\"}")))
        .startsWith("DR-2005 Unknown value filter type `reference` at $.inclusionCriteria[0][1].valueFilter.type");
    assertThat(error(query("\"attributeFilters\": [{\"type\": \"code\"}]")))
        .startsWith("DR-2005 Unknown attribute filter type `code` at $.inclusionCriteria[0][1].attributeFilters[0].type");
  }

  @Test
  void emptyGroupsAndConcepts() {
    assertThat(error("{\"inclusionCriteria\": [[]]}")).startsWith("DR-2006 Empty array at $.inclusionCriteria[0]");
    assertThat(error(query("\"valueFilter\": {\"type\": \"concept\", \"selectedConcepts\": []}")))
        .startsWith("DR-2006 Empty array at $.inclusionCriteria[0][1].valueFilter.selectedConcepts");
  }

  @Test
  void badDatesAndReversedIntervals() {
    assertThat(error(query("\"timeRestriction\": {\"afterDate\": \"2021-13-01\"}")))
        .isEqualTo("DR-2007 Invalid date `\"2021-13-01\"` at $.inclusionCriteria[0][1].timeRestriction.afterDate:"
            + " expected YYYY-MM-DD, e.g. `2024-02-29`.");
    assertThat(error(query("\"timeRestriction\": {\"afterDate\": \"2022-01-02\", \"beforeDate\": \"2022-01-01\"}")))
        .startsWith("DR-2008 Time restriction at $.inclusionCriteria[0][1].timeRestriction has afterDate `2022-01-02`");
    assertThat(error(query("\"timeRestriction\": {}"))).startsWith("DR-2008");
  }

  @Test
  void unknownVersion() {
    assertThat(error("{\"version\": \"3\", \"inclusionCriteria\": [[{" + CONTEXT + ", " + CODE + "}]]}"))
        .startsWith("DR-2010 Unknown version `3` at $.version: expected `2`");
  }

  @Test
  void reversedRange() {
    assertThat(error(query("\"valueFilter\": {\"type\": \"quantity-range\", \"minValue\": 10, \"maxValue\": 2.5}")))
        .isEqualTo("DR-2011 Range at $.inclusionCriteria[0][1].valueFilter has minValue 10 above maxValue 2.5: swap the two values.");
  }

  @Test
  void nestedReferences() {
    String inner = "{" + CONTEXT + ", " + CODE + ", \"attributeFilters\": [{\"type\": \"reference\", "
        + "\"attributeCode\": {\"system\": \"s\", \"code\": \"x\"}, \"criteria\": [{" + CONTEXT + ", " + CODE + "}]}]}";
    String json = query("\"attributeFilters\": [{\"type\": \"reference\", \"attributeCode\": {\"system\": \"s\", \"code\": \"x\"},"
        + " \"criteria\": [" + inner + "]}]");

    assertThat(error(json)).startsWith(
        "DR-2012 Reference filter at $.inclusionCriteria[0][1].attributeFilters[0].criteria[0].attributeFilters[0]");
  }

  @Test
  void attributeFilterWithoutAttributeCode() {
    assertThat(error(query("\"attributeFilters\": [{\"type\": \"concept\", \"selectedConcepts\": [{\"system\": \"s\", \"code\": \"c\"}]}]")))
        .startsWith("DR-2002 Missing $.inclusionCriteria[0][1].attributeFilters[0].attributeCode");
  }
}
