package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import org.datenraum.core.Result;
import org.junit.jupiter.api.Test;

/** DuckDB's memory limit and threads: sizes, shares and counts read, bad values refused with a code. */
class StoreSettingsTest {

  private static final long GIB = 1L << 30;
  private static final long MACHINE = 24 * GIB;

  @Test
  void readsSizesSharesAndCounts() {
    assertThat(parse("4GiB", "3").value()).isEqualTo(new StoreSettings(4 * GIB, 3));
    assertThat(parse("512MB", null).value().memoryLimitBytes()).isEqualTo(512_000_000L);
    assertThat(parse(" 2048 mib ", null).value().memoryLimitBytes()).isEqualTo(2 * GIB);
    assertThat(parse("25%", null).value().memoryLimitBytes()).isEqualTo(MACHINE / 100 * 25);
    assertThat(parse("128MiB", "256").value()).isEqualTo(new StoreSettings(128L << 20, 256));
  }

  @Test
  void defaultsToAQuarterOfTheMachineAndAThreadPerCore() {
    assertThat(parse(null, null).value()).isEqualTo(new StoreSettings(6 * GIB, 2));
    assertThat(StoreSettings.defaults(2 * GIB, 8)).as("at least 1 GiB").isEqualTo(new StoreSettings(GIB, 8));
    assertThat(StoreSettings.defaults(64 * GIB, 1).memoryLimitBytes()).isEqualTo(16 * GIB);
  }

  @Test
  void refusesBadMemoryLimitsWithDr7700() {
    for (String bad : new String[] {"lots", "4", "64MiB", "0%", "95%", "25GiB", "-1GB", "1.5GB", "99999999999GB", ""}) {
      Result<StoreSettings> r = parse(bad, null);
      assertThat(r.isOk()).as(bad).isFalse();
      assertThat(r.problem().code()).isEqualTo("DR-7700");
      assertThat(r.problem().message()).contains("`" + bad + "`").contains("4GiB");
    }
  }

  @Test
  void refusesBadThreadCountsWithDr7701() {
    for (String bad : new String[] {"0", "257", "two", "-2", "1.5", ""}) {
      Result<StoreSettings> r = parse(null, bad);
      assertThat(r.isOk()).as(bad).isFalse();
      assertThat(r.problem().code()).isEqualTo("DR-7701");
      assertThat(r.problem().message()).contains("`" + bad + "`");
    }
  }

  private static Result<StoreSettings> parse(String memory, String threads) {
    return StoreSettings.parse(memory, threads, MACHINE, 2);
  }
}
