package org.datenraum.app.federation;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Keeps a service of a command running until the JVM shuts down (Ctrl-C, SIGTERM) or the command's
 * thread is interrupted (when the command runs inside another program), then stops it once.
 */
final class UntilStopped {

  private UntilStopped() {}

  static void await(String name, Runnable stop) {
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
    try {
      done.await();
    } catch (InterruptedException e) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException shuttingDown) {
        // the hook stops the service
      }
      once.run();
      Thread.currentThread().interrupt();
    }
  }
}
