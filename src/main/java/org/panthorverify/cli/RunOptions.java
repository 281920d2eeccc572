package org.panthorverify.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.panthorverify.core.UserInputException;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Strategy;
import picocli.CommandLine.Option;

/** The options of {@code check} and {@code simulate}. */
final class RunOptions {
  static final int MAX_WORKERS = 256;

  @Option(names = "--config", paramLabel = "NAME",
      description = "Configuration preset (default: default). See 'list'.")
  String config;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Override a constant of the configuration (repeatable).")
  List<String> set = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Check a seeded bug (bug-zoo variant) instead of the correct model.")
  String variant;

  @Option(names = "--property", paramLabel = "NAME",
      description = "Check only this property (repeatable; 'Deadlock' for deadlock).")
  List<String> properties = new ArrayList<>();

  @Option(names = "--workers", paramLabel = "N",
      description = "Worker threads (default: the number of cores).")
  Integer workers;

  @Option(names = "--max-states", paramLabel = "N",
      description = "Stop (incomplete) after the BFS level in which N distinct states were found.")
  Long maxStates;

  @Option(names = "--max-depth", paramLabel = "N",
      description = "Do not expand states at depth N (initial states have depth 1).")
  Integer maxDepth;

  @Option(names = "--time-limit", paramLabel = "DURATION",
      description = "Stop (incomplete) after this long: 90s, 15m, 2h or ISO-8601 (PT90S).")
  String timeLimit;

  @Option(names = "--heap-fraction", paramLabel = "F",
      description = "Heap guard: stop (incomplete) when the heap in use after a collection "
          + "exceeds this fraction of the maximum heap (default: 0.92).")
  Double heapFraction;

  @Option(names = "--seed", paramLabel = "N", description = "Seed of random simulation (default: 0).")
  Long seed;

  @Option(names = "--walks", paramLabel = "N",
      description = "Random walks of random simulation (default: 1000).")
  int walks = 1000;

  @Option(names = "--walk-depth", paramLabel = "N",
      description = "Steps per random walk (default: 100).")
  int walkDepth = 100;

  @Option(names = "--continue",
      description = "Keep exploring after a violation; report every violated property once.")
  boolean continueAfterViolation;

  @Option(names = "--no-deadlock", description = "Do not report deadlocks.")
  boolean noDeadlock;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Root of the run directories (default: reports).")
  Path out;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Option(names = "--progress-interval", paramLabel = "DURATION", hidden = true)
  String progressInterval;

  /** The search settings these options describe. */
  ExploreConfig toConfig(Strategy strategy) {
    ExploreConfig.Builder b = ExploreConfig.builder().strategy(strategy);
    if (workers != null) {
      b.workers(checkWorkers(workers));
    }
    if (maxStates != null) {
      if (maxStates < 1) {
        throw new UserInputException("--max-states must be a positive number, got " + maxStates);
      }
      b.maxStates(maxStates);
    }
    if (maxDepth != null) {
      if (maxDepth < 1) {
        throw new UserInputException("--max-depth must be at least 1, got " + maxDepth);
      }
      b.maxDepth(maxDepth);
    }
    if (timeLimit != null) {
      b.timeLimit(parseDuration("--time-limit", timeLimit));
    }
    if (heapFraction != null) {
      if (!(heapFraction > 0.1 && heapFraction <= 1.0)) {
        throw new UserInputException("--heap-fraction must be in (0.1, 1], got " + heapFraction);
      }
      b.heapFraction(heapFraction);
    }
    if (progressInterval != null) {
      b.progressMillis(parseDuration("--progress-interval", progressInterval).toMillis());
    }
    if (walks < 1 || walks > 100_000_000 || walkDepth < 1 || walkDepth > 1_000_000) {
      throw new UserInputException("--walks must be in 1..100000000 and --walk-depth in"
          + " 1..1000000, got " + walks + " and " + walkDepth);
    }
    return b.seed(seed == null ? 0 : seed)
        .walks(walks, walkDepth)
        .continueAfterViolation(continueAfterViolation)
        .checkDeadlock(!noDeadlock)
        .properties(new LinkedHashSet<>(properties))
        .build();
  }

  /** {@code n} if it is a valid worker count; a user error otherwise. */
  static int checkWorkers(int n) {
    if (n < 1 || n > MAX_WORKERS) {
      throw new UserInputException("--workers must be between 1 and " + MAX_WORKERS
          + ", got " + n);
    }
    return n;
  }

  /** Parses {@code 90s}, {@code 15m}, {@code 2h}, {@code 500ms} or ISO-8601. */
  static Duration parseDuration(String option, String text) {
    String t = text.trim().toLowerCase(java.util.Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("p")) {
        d = Duration.parse(text.trim().toUpperCase(java.util.Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
      } else if (t.endsWith("s")) {
        d = Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1)));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1)));
      } else {
        d = Duration.ofSeconds(Long.parseLong(t));
      }
      if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(30)) > 0) {
        throw new UserInputException(option + " must be between 1 ms and 30 days, got " + text);
      }
      return d;
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new UserInputException(option + ": cannot read '" + text
          + "' as a duration; write e.g. 90s, 15m, 2h, 500ms or PT90S");
    }
  }

  /** Where run directories go. */
  Path outRoot() {
    return out != null ? out : Path.of("reports");
  }
}
