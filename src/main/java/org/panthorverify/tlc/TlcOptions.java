package org.panthorverify.tlc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import org.panthorverify.core.UserInputException;

/**
 * What to give TLC for one run.
 *
 * <p>TLC checks for deadlock by default and its {@code -deadlock} flag turns that check off
 * (verified with TLC 2.18); {@code checkDeadlock = true} keeps TLC's default, {@code false} passes
 * {@code -deadlock}.
 *
 * @param specDir the directory holding the root module, the configuration file and every module
 *     they use (its *.tla and *.cfg files are copied into the run directory; sub-directories are
 *     not)
 * @param module the root module name ({@code "MC_rm3"}; a trailing ".tla" is dropped)
 * @param configFile the configuration file, relative to {@code specDir} ({@code "MC_rm3.cfg"})
 * @param workers TLC worker threads, at least 1
 * @param runDir the run directory; TLC's files go to {@code runDir/tlc/}, its output to {@code
 *     runDir/tlc.log}
 * @param checkDeadlock true to report deadlocks (TLC's default), false to pass {@code -deadlock}
 * @param maxHeap the child JVM's -Xmx value ({@code "4g"}, {@code "512m"}); null for the JVM
 *     default
 * @param timeout wall-clock limit after which the child is killed; null for none
 * @param extraArgs further TLC options, put before the module name ({@code -dump dot,actionlabels
 *     FILE}); never null
 */
public record TlcOptions(
    Path specDir,
    String module,
    String configFile,
    int workers,
    Path runDir,
    boolean checkDeadlock,
    String maxHeap,
    Duration timeout,
    java.util.List<String> extraArgs) {

  private static final Pattern HEAP = Pattern.compile("[1-9][0-9]*[kKmMgGtT]?");

  public TlcOptions {
    extraArgs = extraArgs == null ? java.util.List.of() : java.util.List.copyOf(extraArgs);
    Objects.requireNonNull(specDir, "specDir");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(configFile, "configFile");
    Objects.requireNonNull(runDir, "runDir");
    if (module.endsWith(".tla")) {
      module = module.substring(0, module.length() - 4);
    }
    if (module.isBlank() || module.contains("/") || module.contains("\\")) {
      throw new UserInputException("TLC module must be a plain module name, got '" + module + "'");
    }
    if (configFile.isBlank()) {
      throw new UserInputException("TLC configuration file name is empty");
    }
    if (workers < 1) {
      throw new UserInputException("TLC workers must be at least 1, got " + workers);
    }
    if (maxHeap != null && !HEAP.matcher(maxHeap).matches()) {
      throw new UserInputException(
          "TLC max heap must look like 512m or 4g (an -Xmx value), got '" + maxHeap + "'");
    }
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      throw new UserInputException("TLC timeout must be positive, got " + timeout);
    }
  }

  /** Options without extra TLC arguments. */
  public TlcOptions(Path specDir, String module, String configFile, int workers, Path runDir,
      boolean checkDeadlock, String maxHeap, Duration timeout) {
    this(specDir, module, configFile, workers, runDir, checkDeadlock, maxHeap, timeout, null);
  }

  /** The same options with {@code args} added to the extra arguments. */
  public TlcOptions withArgs(String... args) {
    java.util.List<String> all = new java.util.ArrayList<>(extraArgs);
    all.addAll(java.util.List.of(args));
    return new TlcOptions(specDir, module, configFile, workers, runDir, checkDeadlock, maxHeap,
        timeout, all);
  }

  /** Options with TLC's defaults: deadlock checking on, default heap, no timeout. */
  public static TlcOptions of(
      Path specDir, String module, String configFile, int workers, Path runDir) {
    return new TlcOptions(specDir, module, configFile, workers, runDir, true, null, null);
  }
}
