package org.datenraum.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BuiltOnceTest {

  @Test
  void aKeptValueIsBuiltOnceAndTheLeastRecentlyReadGoesFirst() {
    BuiltOnce<String, Integer> cache = new BuiltOnce<>(2);
    AtomicInteger builds = new AtomicInteger();
    assertThat(cache.get("a", builds::incrementAndGet)).isEqualTo(1);
    assertThat(cache.get("b", builds::incrementAndGet)).isEqualTo(2);
    assertThat(cache.get("a", builds::incrementAndGet)).isEqualTo(1);
    assertThat(cache.get("c", builds::incrementAndGet)).isEqualTo(3);
    assertThat(cache.get("a", builds::incrementAndGet)).as("a was read after b").isEqualTo(1);
    assertThat(cache.get("b", builds::incrementAndGet)).as("b went first").isEqualTo(4);
  }

  @Test
  void aReaderDuringABuildWaitsForItInsteadOfBuildingAgain() throws Exception {
    BuiltOnce<String, Integer> cache = new BuiltOnce<>(4);
    AtomicInteger builds = new AtomicInteger();
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<Integer> first = pool.submit(() -> cache.get("k", () -> {
        started.countDown();
        await(release);
        return builds.incrementAndGet();
      }));
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      Future<Integer> second = pool.submit(() -> cache.get("k", builds::incrementAndGet));
      Thread.sleep(50);
      assertThat(second.isDone()).as("waits for the running build").isFalse();
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
      assertThat(builds.get()).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void failuresAndRefusedValuesAreNotKept() {
    BuiltOnce<String, Integer> cache = new BuiltOnce<>(4);
    assertThatThrownBy(() -> cache.get("k", () -> {
      throw new IllegalStateException("broken");
    })).isInstanceOf(IllegalStateException.class).hasMessage("broken");
    assertThat(cache.get("k", () -> -1, v -> v >= 0)).isEqualTo(-1);
    assertThat(cache.get("k", () -> 7, v -> v >= 0)).as("built again after a refused value").isEqualTo(7);
    assertThat(cache.get("k", () -> 8)).isEqualTo(7);
    assertThatThrownBy(() -> new BuiltOnce<String, Integer>(0)).hasMessageContaining("`0`");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
