package org.datenraum.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.datenraum.privacy.DisclosureControlTest.patients;
import static org.datenraum.privacy.DisclosureControlTest.secret;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecordKeyTableTest {

  private final DisclosurePolicy unrounded = new DisclosurePolicy(0.5, 1, 0);
  private final CellKey keys = CellKey.of(secret(7));

  @Test
  void aCohortGivenByNumbersIsReleasedAsItsPseudonymsAreUnderAnyNumbering() {
    List<String> everyone = patients("q", 400);
    DisclosureControl control = DisclosureControl.of(DisclosurePolicy.defaults(), keys);
    Random random = new Random(11);
    for (int numbering = 0; numbering < 3; numbering++) {
      List<String> shuffled = new ArrayList<>(everyone);
      Collections.shuffle(shuffled, random);
      String[] byNumber = new String[2 * shuffled.size()];
      Map<String, Integer> numberOf = new HashMap<>();
      int gap = 0;
      for (int i = 0; i < shuffled.size(); i++) {
        gap += random.nextInt(8) == 0 ? 1 : 0;
        byNumber[i + gap] = shuffled.get(i);
        numberOf.put(shuffled.get(i), i + gap);
      }
      RecordKeyTable table = RecordKeyTable.of(keys, byNumber.length, n -> byNumber[n]);
      for (int c = 0; c < 30; c++) {
        List<String> cohort = everyone.subList(c * 7, c * 7 + 12 + c * 5);
        int[] numbers = cohort.stream().mapToInt(numberOf::get).sorted().toArray();
        assertThat(control.release(table.sum(numbers))).as("cohort %d, numbering %d", c, numbering)
            .isEqualTo(control.release(cohort));
        assertThat(table.sum(numbers)).isEqualTo(keys.sum(new HashSet<>(cohort)));
      }
    }
  }

  @Test
  void numbersWithoutAPatientAreRefused() {
    String[] byNumber = {"a", null, "c"};
    RecordKeyTable table = RecordKeyTable.of(keys, 3, n -> byNumber[n]);
    assertThatThrownBy(() -> table.sum(new int[] {0, 1})).hasMessageContaining("`1`");
    assertThatThrownBy(() -> table.sum(new int[] {3})).hasMessageContaining("`3`");
    assertThat(table.sum(new int[] {0, 2}).count()).isEqualTo(2);
  }

  /**
   * The record keys add up, but the noise does not: the cell keys of a set, of the set with one
   * more patient, and of the union of two disjoint sets are uncorrelated with each other and with
   * what adding the parts' keys would give.
   */
  @Test
  void nestedAndAddedCohortsDrawIndependentNoise() {
    int n = 3000;
    double[] a = new double[n];
    double[] aPlusOne = new double[n];
    double[] b = new double[n];
    double[] union = new double[n];
    double[] sumOfParts = new double[n];
    for (int i = 0; i < n; i++) {
      Set<String> first = new HashSet<>(patients("a" + i, 20));
      Set<String> second = new HashSet<>(patients("b" + i, 20));
      a[i] = keys.of(unrounded, first);
      b[i] = keys.of(unrounded, second);
      Set<String> more = new HashSet<>(first);
      more.add("extra-" + i);
      aPlusOne[i] = keys.of(unrounded, more);
      Set<String> both = new HashSet<>(first);
      both.addAll(second);
      union[i] = keys.of(unrounded, both);
      sumOfParts[i] = (a[i] + b[i]) % 1;
    }
    // |r| of independent uniforms over 3,000 pairs exceeds 0.08 with probability below 1e-5
    assertThat(Math.abs(correlation(a, aPlusOne))).isLessThan(0.08);
    assertThat(Math.abs(correlation(a, union))).isLessThan(0.08);
    assertThat(Math.abs(correlation(union, sumOfParts))).isLessThan(0.08);
    assertThat(Math.abs(correlation(a, b))).isLessThan(0.08);
    assertThat(mean(union)).isBetween(0.48, 0.52);
  }

  @Test
  void theSameSumWithAnotherCountIsAnotherCell() {
    CellSum one = CellSum.EMPTY.plus(5, 9);
    assertThat(keys.of(unrounded, one)).isNotEqualTo(keys.of(unrounded, new CellSum(2, 5, 9)));
    assertThat(keys.of(unrounded, one)).isEqualTo(keys.of(unrounded, new CellSum(1, 5, 9)));
    assertThatThrownBy(() -> new CellSum(-1, 0, 0)).hasMessageContaining("`-1`");
  }

  private static double mean(double[] x) {
    double s = 0;
    for (double v : x) {
      s += v;
    }
    return s / x.length;
  }

  private static double correlation(double[] x, double[] y) {
    double mx = mean(x);
    double my = mean(y);
    double sxy = 0;
    double sxx = 0;
    double syy = 0;
    for (int i = 0; i < x.length; i++) {
      sxy += (x[i] - mx) * (y[i] - my);
      sxx += (x[i] - mx) * (x[i] - mx);
      syy += (y[i] - my) * (y[i] - my);
    }
    return sxy / Math.sqrt(sxx * syy);
  }
}
