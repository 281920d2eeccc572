package org.panthorverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.panthorverify.core.Model;
import org.panthorverify.core.UserInputException;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Explorer;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.report.RunDirectory;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code bench [MODEL]}: the explorer and TLC on the same system, in one run: equal distinct-state
 * counts, each one's distinct states per second, and their ratio.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
    description = {"Check the same model with the explorer and with TLC (as a child JVM) in one"
        + " run; print both distinct-state counts (they must be equal), distinct states per"
        + " second of each, and the ratio.", "The explorer first does one short warm-up run"
        + " (JIT); TLC's time is its own 'Finished in' time, without JVM start-up.",
        "TLC runs specs/<spec>/MC_<config>.tla with MC_<config>.cfg (TwoPhase: a module written"
        + " for the requested number of RMs). With --property P (a liveness property), both"
        + " check only P: the explorer's liveness checker against TLC on MC_<config>_live.cfg"
        + " reduced to P, comparing verdicts, states and seconds."})
final class BenchCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
      description = "Model (default: twophase).")
  String model = "twophase";

  @Option(names = "--config", paramLabel = "NAME", description = "Config (default: large).")
  String config = "large";

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Override a constant.")
  List<String> set = new ArrayList<>();

  @Option(names = "--workers", paramLabel = "N",
      description = "Workers of the explorer and of TLC (default: the number of cores).")
  Integer workers;

  @Option(names = "--skip-tlc", description = "Run only the explorer.")
  boolean skipTlc;

  @Option(names = "--tlc-heap", paramLabel = "SIZE",
      description = "TLC's -Xmx (default: 8g).")
  String tlcHeap = "8g";

  @Option(names = "--out", paramLabel = "DIR", description = "Root of run directories.")
  Path out;

  @Option(names = "--tlc-time-limit", paramLabel = "DURATION",
      description = "Stop TLC after this long (90s, 15m, 2h) and compare rates over the part it"
          + " explored; the counts are then not compared (exit 3).")
  String tlcTimeLimit;

  @Option(names = "--property", paramLabel = "NAME",
      description = "A liveness property: bench the liveness checkers instead.")
  String property;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ModelEntry entry = parent.registry().get(model);
    int w = workers == null ? Runtime.getRuntime().availableProcessors()
        : RunOptions.checkWorkers(workers);
    ModelEntry.Resolved r = entry.resolve(config, set, null);
    boolean twoPhase = entry.id().equals("twophase");
    if (!skipTlc && !twoPhase) {
      McSpec.of(entry, r, property == null ? "" : "_live");
      if (!set.isEmpty()) {
        throw new UserInputException("bench with TLC runs the committed MC_" + config
            + " files, whose constants --set cannot change; drop --set or add --skip-tlc");
      }
    }
    if (property != null) {
      return liveness(entry, r, w, o);
    }
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), "bench");
    o.printf("bench model=%s constants={%s} workers=%d heap=%dm dir=%s%n", entry.id(),
        r.constantsText(), w, Runtime.getRuntime().maxMemory() >> 20, dir.path());
    o.flush();
    ExploreConfig cfg = ExploreConfig.builder().workers(w).build();
    Explorer.check(entry.resolve(twoPhase ? "default" : "small",
        twoPhase ? List.of("rm=" + Math.min(r.constants().get("rm"), 7)) : List.of(), null)
        .create(), cfg); // warm-up
    Model<?, ?> m = r.create();
    CheckResult<?, ?> mine = Explorer.check(m, cfg);
    double mineSecs = mine.stats().elapsedMillis() / 1000.0;
    double mineRate = mine.stats().distinct() / Math.max(mineSecs, 1e-3);
    o.printf("%-9s %14s %14s %6s %10s %14s%n", "engine", "distinct", "generated", "depth",
        "seconds", "distinct/s");
    o.printf("%-9s %,14d %,14d %6d %10.2f %,14.0f%n", "explorer", mine.stats().distinct(),
        mine.stats().generated(), mine.stats().depth(), mineSecs, mineRate);
    o.flush();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", entry.id());
    json.put("constants", r.constants());
    json.put("workers", w);
    json.put("explorerDistinct", mine.stats().distinct());
    json.put("explorerGenerated", mine.stats().generated());
    json.put("explorerDepth", mine.stats().depth());
    json.put("explorerSeconds", mineSecs);
    json.put("explorerDistinctPerSecond", Math.round(mineRate));
    int exit = ExitCodes.PASSED;
    if (!skipTlc) {
      TlcResult tlc = twoPhase ? runTwoPhaseTlc(dir, r.constants().get("rm"), w)
          : TlcRunner.run(new TlcOptions(ProjectLayout.specs().resolve(entry.specDir()),
              "MC_" + config, "MC_" + config + ".cfg", w, dir.path(), true, tlcHeap,
              tlcTimeLimit == null ? null
                  : RunOptions.parseDuration("--tlc-time-limit", tlcTimeLimit)));
      boolean stopped = tlcTimeLimit != null && tlc.errorMessage() != null
          && tlc.errorMessage().contains("did not finish within") && tlc.distinct() > 0;
      if (!stopped && (tlc.errorMessage() != null || tlc.exitCode() != 0)) {
        dir.writeJson("bench.json", json);
        throw new IllegalStateException("TLC failed (exit " + tlc.exitCode() + "): "
            + tlc.errorMessage() + "; see " + tlc.log());
      }
      double tlcSecs = (tlc.tlcMillis() > 0 ? tlc.tlcMillis() : tlc.wallMillis()) / 1000.0;
      double tlcRate = tlc.distinct() / Math.max(tlcSecs, 1e-3);
      boolean equal = tlc.distinct() == mine.stats().distinct();
      if (stopped) {
        double[] progress = lastProgress(tlc.log());
        if (progress != null) {
          tlcSecs = progress[0];
          tlcRate = progress[1] / Math.max(tlcSecs, 1e-3);
        }
        o.printf("%-9s %,14d %14s %6s %10.2f %,14.0f   (stopped after %s; distinct states from"
            + " its last progress report, at %.0f s after its start)%n", "tlc",
            progress == null ? tlc.distinct() : (long) progress[1], "-", "-", tlcSecs, tlcRate,
            tlcTimeLimit, tlcSecs);
        o.printf("counts equal: not compared (TLC stopped)%n");
        o.printf("ratio (explorer / TLC, distinct states per second): %.1fx%n",
            mineRate / tlcRate);
        json.put("tlcStopped", true);
        json.put("tlcDistinctSoFar", tlc.distinct());
        json.put("tlcSeconds", tlcSecs);
        json.put("tlcDistinctPerSecond", Math.round(tlcRate));
        json.put("ratio", mineRate / tlcRate);
        dir.writeJson("bench.json", json);
        o.println("done exit=" + ExitCodes.INCOMPLETE);
        o.flush();
        return ExitCodes.INCOMPLETE;
      }
      double ratio = mineRate / tlcRate;
      o.printf("%-9s %,14d %,14d %6d %10.2f %,14.0f   (wall %.2f s with JVM start-up)%n",
          "tlc", tlc.distinct(), tlc.generated(), tlc.depth(), tlcSecs, tlcRate,
          tlc.wallMillis() / 1000.0);
      o.printf("counts equal: %s%n", equal ? "yes" : "NO");
      o.printf("ratio (explorer / TLC, distinct states per second): %.1fx%n", ratio);
      json.put("tlcDistinct", tlc.distinct());
      json.put("tlcGenerated", tlc.generated());
      json.put("tlcDepth", tlc.depth());
      json.put("tlcSeconds", tlcSecs);
      json.put("tlcWallSeconds", tlc.wallMillis() / 1000.0);
      json.put("tlcDistinctPerSecond", Math.round(tlcRate));
      json.put("countsEqual", equal);
      json.put("ratio", ratio);
      exit = equal ? ExitCodes.PASSED : ExitCodes.MISMATCH;
    }
    dir.writeJson("bench.json", json);
    o.println("done exit=" + exit);
    o.flush();
    return exit;
  }

  private static final java.util.regex.Pattern TLC_TIME = java.util.regex.Pattern.compile(
      "(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d)");
  private static final java.util.regex.Pattern TLC_PROGRESS = java.util.regex.Pattern.compile(
      "^Progress\\(\\d+\\) at (\\S+ \\S+): .*?([\\d,]+) distinct states found");

  /**
   * Seconds from TLC's start to its last progress report, and the distinct states it had then,
   * read from TLC's log; null if the log has no progress report.
   */
  static double[] lastProgress(Path log) {
    try {
      java.time.LocalDateTime start = null;
      double[] last = null;
      java.time.format.DateTimeFormatter f =
          java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
      for (String line : Files.readAllLines(log)) {
        if (start == null && line.startsWith("Starting...")) {
          java.util.regex.Matcher m = TLC_TIME.matcher(line);
          if (m.find()) {
            start = java.time.LocalDateTime.parse(m.group(1), f);
          }
        }
        java.util.regex.Matcher p = TLC_PROGRESS.matcher(line);
        if (p.find() && start != null) {
          java.time.LocalDateTime at = java.time.LocalDateTime.parse(p.group(1), f);
          last = new double[] {java.time.Duration.between(start, at).toMillis() / 1000.0,
              Double.parseDouble(p.group(2).replace(",", ""))};
        }
      }
      return last;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * {@code bench --property P}: the explorer's liveness checker and TLC, each checking only the
   * liveness property P on the same config.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private int liveness(ModelEntry entry, ModelEntry.Resolved r, int w, PrintWriter o) {
    Model m = r.create();
    org.panthorverify.core.Property.Liveness live = null;
    List<String> names = new ArrayList<>();
    for (Object p : m.properties()) {
      if (p instanceof org.panthorverify.core.Property.Liveness l) {
        names.add(l.name());
        if (l.name().equals(property)) {
          live = l;
        }
      }
    }
    if (live == null) {
      throw new UserInputException("no liveness property " + property + " in " + entry.id()
          + "; liveness properties: " + String.join(", ", names));
    }
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), "bench");
    o.printf("bench model=%s config=%s property=%s dir=%s%n", entry.id(), config, property,
        dir.path());
    o.flush();
    ExploreConfig lc = ExploreConfig.builder().workers(w).build();
    List liveList = List.of(live);
    org.panthorverify.explore.liveness.LivenessRunner.checkAll(m, liveList, lc,
        new org.panthorverify.explore.RunControl(),
        org.panthorverify.explore.ProgressListener.NONE); // warm-up
    long t0 = System.nanoTime();
    Object verdict0 = org.panthorverify.explore.liveness.LivenessRunner.checkAll(m, liveList, lc,
        new org.panthorverify.explore.RunControl(),
        org.panthorverify.explore.ProgressListener.NONE).verdicts().get(0);
    var verdict = (org.panthorverify.explore.liveness.LivenessRunner.Verdict) verdict0;
    double mineSecs = (System.nanoTime() - t0) / 1e9;
    String mineVerdict = verdict.holds() ? "holds" : "violated";
    o.printf("%-9s %10s %10s %14s %10s%n", "engine", "property", "verdict", "states", "seconds");
    o.printf("%-9s %10s %10s %,14d %10.2f%n", "explorer", property, mineVerdict,
        verdict.states(), mineSecs);
    o.flush();
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", entry.id());
    json.put("config", config);
    json.put("property", property);
    json.put("explorerVerdict", mineVerdict);
    json.put("explorerStates", verdict.states());
    json.put("explorerSeconds", mineSecs);
    int exit = ExitCodes.PASSED;
    if (!skipTlc) {
      TlcResult tlc = runLiveTlc(entry, dir, w);
      if (tlc.errorMessage() != null && !"temporal".equals(tlc.violationKind())) {
        dir.writeJson("bench.json", json);
        throw new IllegalStateException("TLC failed (exit " + tlc.exitCode() + "): "
            + tlc.errorMessage() + "; see " + tlc.log());
      }
      String tlcVerdict = "temporal".equals(tlc.violationKind()) ? "violated" : "holds";
      double tlcSecs = (tlc.tlcMillis() > 0 ? tlc.tlcMillis() : tlc.wallMillis()) / 1000.0;
      boolean equal = tlcVerdict.equals(mineVerdict)
          && (tlc.distinct() == verdict.states() || !verdict.holds());
      o.printf("%-9s %10s %10s %,14d %10.2f   (wall %.2f s with JVM start-up)%n", "tlc",
          property, tlcVerdict, tlc.distinct(), tlcSecs, tlc.wallMillis() / 1000.0);
      o.printf("verdicts equal: %s%n", equal ? "yes" : "NO");
      o.printf("ratio (TLC seconds / explorer seconds): %.1fx%n", tlcSecs / Math.max(mineSecs,
          1e-3));
      json.put("tlcVerdict", tlcVerdict);
      json.put("tlcStates", tlc.distinct());
      json.put("tlcSeconds", tlcSecs);
      json.put("verdictsEqual", equal);
      json.put("ratio", tlcSecs / Math.max(mineSecs, 1e-3));
      exit = equal ? ExitCodes.PASSED : ExitCodes.MISMATCH;
    }
    dir.writeJson("bench.json", json);
    o.println("done exit=" + exit);
    o.flush();
    return exit;
  }

  /** TLC on a copy of the spec whose MC_<config>_live.cfg checks only the benched property. */
  private TlcResult runLiveTlc(ModelEntry entry, RunDirectory dir, int w) {
    Path from = ProjectLayout.specs().resolve(entry.specDir());
    Path specDir = dir.path().resolve("spec");
    String tlaName = property.replace('-', '_');
    try {
      Files.createDirectories(specDir);
      try (var files = Files.newDirectoryStream(from, "*.{tla,cfg}")) {
        for (Path f : files) {
          Files.copy(f, specDir.resolve(f.getFileName()));
        }
      }
      List<String> lines = new ArrayList<>();
      boolean found = false;
      for (String line : Files.readAllLines(from.resolve("MC_" + config + "_live.cfg"))) {
        if (line.startsWith("PROPERTY")) {
          if (!line.trim().equals("PROPERTY " + tlaName)) {
            continue;
          }
          found = true;
        }
        lines.add(line);
      }
      if (!found) {
        throw new UserInputException("MC_" + config + "_live.cfg does not check " + tlaName
            + " (the TLA+ name of " + property + ")");
      }
      Files.write(specDir.resolve("MC_bench_live.cfg"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TlcRunner.run(new TlcOptions(specDir, "MC_" + config, "MC_bench_live.cfg", w,
        dir.path(), false, tlcHeap, null));
  }

  /** Writes an MC module for {@code rm} resource managers next to a copy of TwoPhase.tla. */
  private TlcResult runTwoPhaseTlc(RunDirectory dir, int rm, int w) {
    Path specDir = dir.path().resolve("spec");
    try {
      Files.createDirectories(specDir);
      Files.copy(ProjectLayout.specs().resolve("testkit/TwoPhase.tla"),
          specDir.resolve("TwoPhase.tla"));
      List<String> names = new ArrayList<>();
      for (int i = 1; i <= rm; i++) {
        names.add("\"r" + i + "\"");
      }
      Files.writeString(specDir.resolve("MC_bench.tla"), "---- MODULE MC_bench ----\n"
          + "EXTENDS TwoPhase\nMC_RM == {" + String.join(", ", names) + "}\n====\n");
      Files.writeString(specDir.resolve("MC_bench.cfg"), "CONSTANT RM <- MC_RM\nINIT Init\n"
          + "NEXT Next\nINVARIANT TypeOK\nINVARIANT Consistent\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return TlcRunner.run(new TlcOptions(specDir, "MC_bench", "MC_bench.cfg", w, dir.path(), true,
        tlcHeap, null));
  }
}
