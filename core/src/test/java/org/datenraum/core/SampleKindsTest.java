package org.datenraum.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class SampleKindsTest {

  private final SampleKinds table = SampleKinds.table();

  @Test
  void theLocatorsKindsInItsOrderWithTheirSnomedTypes() {
    assertThat(table.kinds()).extracting(SampleKinds.Kind::code).startsWith("whole-blood", "bone-marrow", "buffy-coat")
        .contains("blood-serum", "csf-liquor", "urine", "tissue-ffpe", "tissue-frozen", "dna", "rna")
        .endsWith("derivative-other").doesNotHaveDuplicates().hasSize(33);
    assertThat(table.kinds()).extracting(SampleKinds.Kind::category).containsOnly("liquid", "tissue", "derivative");
    assertThat(table.snomedOf(new Coding(SampleKinds.SYSTEM, "blood-serum"))).contains("119364003");
    assertThat(table.snomedOf(new Coding(SampleKinds.SYSTEM, "plasma-cell-free"))).contains("119361006");
    assertThat(table.snomedOf(new Coding(SampleKinds.SYSTEM, "derivative-other"))).isEmpty();
    assertThat(table.snomedOf(new Coding(SampleKinds.SYSTEM, "no-such-kind"))).isEmpty();
    assertThat(table.snomedOf(new Coding(SampleKinds.SNOMED, "119364003"))).contains("119364003");
    assertThat(table.snomedOf(new Coding("http://loinc.org", "119364003"))).isEmpty();
  }

  @Test
  void aSnomedTypeFallsUnderTheFirstKindThatNamesIt() {
    assertThat(table.ofSnomed("119361006").map(SampleKinds.Kind::code)).contains("blood-plasma");
    assertThat(table.ofSnomed("122555007").map(SampleKinds.Kind::code)).contains("whole-blood");
    assertThat(table.ofSnomed("445295009").map(SampleKinds.Kind::code)).contains("whole-blood");
    assertThat(table.ofSnomed("278020009").map(SampleKinds.Kind::code)).contains("urine");
    assertThat(table.ofSnomed("441652008").map(SampleKinds.Kind::code)).contains("tissue-ffpe");
    assertThat(table.ofSnomed("123038009")).isEqualTo(Optional.empty());
    for (SampleKinds.Kind k : table.kinds()) {
      k.snomed().ifPresent(t -> assertThat(table.ofSnomed(t)).isPresent());
    }
  }
}
