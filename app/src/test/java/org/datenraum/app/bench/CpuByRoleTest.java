package org.datenraum.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The benchmark's CPU split: each thread's CPU under its role, also of threads that ended. */
class CpuByRoleTest {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  @Test
  void aThreadsCpuIsCountedUnderItsRoleFromItsBirth() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc is needed");
    CpuByRole cpu = CpuByRole.start();
    Thread writer = new Thread(() -> {
      spin(600);
      sleep(500);
    }, "site-store-writer");
    writer.start();
    writer.join();
    Thread reader = new Thread(() -> spin(600), "ndjson-reader");
    reader.start();
    reader.join();
    spin(300);
    Map<String, Double> byRole = cpu.stop();
    assertThat(byRole.get("store writer")).as("all of a thread born after the start, sampled after its work")
        .isBetween(0.57, 0.9);
    assertThat(byRole.get("NDJSON reader")).as("a thread that ended loses at most its last 200 ms")
        .isBetween(0.35, 0.9);
    assertThat(byRole.get("main")).isBetween(0.25, 1.5);
    assertThat(byRole).doesNotContainKey("sampler");
    assertThat(CpuByRole.describe(Map.of("main", 1.25))).isEqualTo("main 1.3");
  }

  @Test
  void aThreadThatNamesItselfAfterItsBirthCountsUnderItsLastName() throws Exception {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc is needed");
    CpuByRole cpu = CpuByRole.start();
    Thread worker = new Thread(() -> {
      sleep(450);
      Thread.currentThread().setName("ForkJoinPool.commonPool-worker-9");
      spin(500);
      sleep(300);
    }, "java");
    worker.start();
    worker.join();
    Map<String, Double> byRole = cpu.stop();
    assertThat(byRole.get("common pool")).as("named after the first samples saw it").isBetween(0.47, 0.9);
  }

  @Test
  void aThreadWhoseNameWasNeverReadCountsAsOther() {
    assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "Linux's /proc is needed");
    CpuByRole cpu = CpuByRole.start();
    Map<String, Double> byRole = cpu.stop();
    assertThat(byRole).isNotNull();
    assertThat(cpu.role("999999", "")).isEqualTo("other");
    assertThat(cpu.role("999999", "ForkJoinPool.co")).isEqualTo("common pool");
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Spends {@code millis} of this thread's CPU time. */
  private static void spin(long millis) {
    long until = THREADS.getCurrentThreadCpuTime() + millis * 1_000_000;
    long x = 0;
    while (THREADS.getCurrentThreadCpuTime() < until) {
      for (int i = 0; i < 10_000; i++) {
        x += i * 31L ^ x;
      }
    }
    assertThat(x).isNotEqualTo(1);
  }
}
