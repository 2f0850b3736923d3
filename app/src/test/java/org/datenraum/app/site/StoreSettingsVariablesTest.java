package org.datenraum.app.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.datenraum.store.duckdb.StoreSettings;
import org.junit.jupiter.api.Test;

/** The launcher's DuckDB settings come from two environment variables, with the store's defaults. */
class StoreSettingsVariablesTest {

  private static final long GIB = 1L << 30;

  @Test
  void readsTheVariablesOrFallsBackToTheDefaults() {
    assertThat(SiteDirectory.storeSettings(Map.of(), 16 * GIB, 4)).isEqualTo(new StoreSettings(4 * GIB, 4));
    assertThat(SiteDirectory.storeSettings(Map.of(SiteDirectory.MEMORY_VARIABLE, "3GiB",
        SiteDirectory.THREADS_VARIABLE, "1"), 16 * GIB, 4)).isEqualTo(new StoreSettings(3 * GIB, 1));
  }

  @Test
  void aBadValueNamesItsCodeValueAndVariable() {
    assertThatThrownBy(() -> SiteDirectory.storeSettings(Map.of(SiteDirectory.MEMORY_VARIABLE, "plenty"), 16 * GIB, 4))
        .hasMessageStartingWith("DR-7700").hasMessageContaining("`plenty`")
        .hasMessageContaining(SiteDirectory.MEMORY_VARIABLE);
    assertThatThrownBy(() -> SiteDirectory.storeSettings(Map.of(SiteDirectory.THREADS_VARIABLE, "0"), 16 * GIB, 4))
        .hasMessageStartingWith("DR-7701").hasMessageContaining("`0`")
        .hasMessageContaining(SiteDirectory.THREADS_VARIABLE);
  }
}
