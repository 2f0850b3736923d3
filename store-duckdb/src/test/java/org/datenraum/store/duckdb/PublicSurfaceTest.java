package org.datenraum.store.duckdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Other modules reach the store through its methods, never through its JDBC connection. */
class PublicSurfaceTest {

  private static boolean touchesJdbc(Method m) {
    return Stream.concat(Stream.of(m.getReturnType()), Arrays.stream(m.getParameterTypes()))
        .anyMatch(t -> t.getName().startsWith("java.sql.")
            || t.getName().startsWith("org.duckdb.")
            || t.getName().contains("SqlFunction"));
  }

  @Test
  void noPublicMethodOfTheStoreOrItsScansHandsOutTheConnection() {
    List<String> exposed = Stream.of(DuckDbSiteStore.class, FactScans.class,
            DuckDbSyndromicRecords.class, DuckDbIcuFacts.class, DuckDbEmergencyVisits.class)
        .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
        .filter(m -> Modifier.isPublic(m.getModifiers()) && touchesJdbc(m))
        .map(Method::getName).toList();

    assertThat(exposed).isEmpty();
    assertThat(Arrays.stream(DuckDbSiteStore.class.getClasses()).map(Class::getSimpleName))
        .doesNotContain("SqlFunction");
  }
}
