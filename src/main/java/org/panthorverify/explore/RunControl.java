package org.panthorverify.explore;

/**
 * Lets another thread stop a running search (Ctrl-C) and tells the engines whether a time limit or
 * the heap guard says to stop. Thread-safe.
 */
public final class RunControl {
  private volatile boolean cancelled;

  /** Asks the search to stop as soon as it can; it ends {@link IncompleteReason#INTERRUPTED}. */
  public void cancel() {
    cancelled = true;
  }

  public boolean isCancelled() {
    return cancelled;
  }
}
