package org.panthorverify.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.ExploreStats;
import org.panthorverify.explore.ProgressListener;

/**
 * Prints progress to stderr: a greppable {@code progress states=… distinct=… queue=… depth=…
 * rate=…/s elapsed=…} line every few seconds, or, when stderr is a terminal, one line redrawn in
 * place with a bar (against {@code --max-states} or {@code --time-limit} when one is set).
 */
final class ConsoleListener implements ProgressListener {
  private final PrintWriter err;
  private final boolean tty;
  private final boolean quiet;
  private final ExploreConfig config;
  private long lastDistinct;
  private long lastMillis;
  private boolean drawn;

  ConsoleListener(PrintWriter err, boolean quiet, ExploreConfig config) {
    this.err = err;
    this.quiet = quiet;
    this.config = config;
    this.tty = stderrIsTerminal();
  }

  /** Linux: fd 2 is a terminal when it links to /dev/pts/* or /dev/tty*. */
  static boolean stderrIsTerminal() {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public synchronized void progress(ExploreStats s) {
    if (quiet) {
      return;
    }
    long dt = Math.max(1, s.elapsedMillis() - lastMillis);
    long rate = (s.distinct() - lastDistinct) * 1000 / dt;
    lastDistinct = s.distinct();
    lastMillis = s.elapsedMillis();
    String line = String.format("progress states=%d distinct=%d queue=%d depth=%d rate=%d/s"
        + " elapsed=%ds", s.generated(), s.distinct(), s.queue(), s.depth(), rate,
        s.elapsedMillis() / 1000);
    if (tty) {
      err.print("\r\033[K" + bar(s) + line);
      drawn = true;
    } else {
      err.println(line);
    }
    err.flush();
  }

  private String bar(ExploreStats s) {
    double f = -1;
    if (config.maxStates() > 0) {
      f = Math.max(f, (double) s.distinct() / config.maxStates());
    }
    if (config.timeLimit() != null) {
      f = Math.max(f, (double) s.elapsedMillis() / config.timeLimit().toMillis());
    }
    if (f < 0) {
      return "[" + "|/-\\".charAt((int) (s.elapsedMillis() / 1000 % 4)) + "] ";
    }
    int width = 20;
    int filled = (int) Math.min(width, Math.round(f * width));
    return "[" + "#".repeat(filled) + ".".repeat(width - filled) + "] ";
  }

  @Override
  public synchronized void violation(String property, int depth) {
    endLine();
    if (!quiet) {
      err.println("found violation property=" + property + " states=" + depth);
      err.flush();
    }
  }

  /** Ends a redrawn progress line so that what follows starts on a new line. */
  synchronized void endLine() {
    if (drawn) {
      err.println();
      drawn = false;
    }
  }
}
