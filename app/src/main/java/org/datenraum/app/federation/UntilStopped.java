package org.datenraum.app.federation;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a service of a command running until the JVM shuts down (Ctrl-C, SIGTERM), the command's
 * thread is interrupted (when the command runs inside another program) or the service ends by
 * itself, then stops it once.
 */
public final class UntilStopped {

  private UntilStopped() {}

  public static void await(String name, Runnable stop) {
    await(name, stop, new CompletableFuture<>());
  }

  /** As {@link #await(String, Runnable)}, and also stops the service when {@code ended} completes. */
  public static void await(String name, Runnable stop, CompletableFuture<?> ended) {
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable once = () -> {
      if (stopped.compareAndSet(false, true)) {
        stop.run();
      }
    };
    CountDownLatch done = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      once.run();
      done.countDown();
    }, name + "-shutdown");
    Runtime.getRuntime().addShutdownHook(hook);
    ended.whenComplete((v, e) -> done.countDown());
    try {
      done.await();
      if (ended.isDone()) {
        removeHook(hook);
        once.run();
      }
    } catch (InterruptedException e) {
      removeHook(hook);
      once.run();
      Thread.currentThread().interrupt();
    }
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook stops the service
    }
  }
}
