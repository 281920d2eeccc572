package org.panthorverify.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.panthorverify.explore.RunControl;

/**
 * Ctrl-C during a run: the shutdown hook cancels the search, waits (up to a minute) until the run
 * has written its report, and then halts the JVM with exit code 3 (incomplete), so nothing the
 * user asked to be written is lost.
 */
final class Interrupts implements AutoCloseable {
  private static final AtomicBoolean SHUTTING_DOWN = new AtomicBoolean();

  private final RunControl control;
  private final CountDownLatch reported = new CountDownLatch(1);
  private final Thread hook;

  Interrupts(RunControl control) {
    this.control = control;
    this.hook = new Thread(this::onSignal, "pv-interrupt");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /** Whether the JVM is shutting down because of a signal. */
  static boolean shuttingDown() {
    return SHUTTING_DOWN.get();
  }

  private void onSignal() {
    SHUTTING_DOWN.set(true);
    control.cancel();
    try {
      if (reported.await(60, TimeUnit.SECONDS)) {
        Runtime.getRuntime().halt(ExitCodes.INCOMPLETE);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The run has written everything; the hook may end the JVM. */
  @Override
  public void close() {
    reported.countDown();
    if (!SHUTTING_DOWN.get()) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // shutdown already in progress
      }
    }
  }
}
