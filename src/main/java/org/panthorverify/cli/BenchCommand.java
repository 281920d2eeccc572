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
        + " (JIT); TLC's time is its own 'Finished in' time, without JVM start-up."})
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

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ModelEntry entry = parent.registry().get(model);
    if (!entry.id().equals("twophase")) {
      throw new UserInputException("bench has a TLC spec wired for: twophase; not yet for "
          + entry.id());
    }
    int w = workers == null ? Runtime.getRuntime().availableProcessors()
        : RunOptions.checkWorkers(workers);
    ModelEntry.Resolved r = entry.resolve(config, set, null);
    int rm = r.constants().get("rm");
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), "bench");
    o.printf("bench model=%s constants={%s} workers=%d heap=%dm dir=%s%n", entry.id(),
        r.constantsText(), w, Runtime.getRuntime().maxMemory() >> 20, dir.path());
    o.flush();
    ExploreConfig cfg = ExploreConfig.builder().workers(w).build();
    Explorer.check(entry.resolve("default", List.of("rm=" + Math.min(rm, 7)), null).create(),
        cfg);
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
      TlcResult tlc = runTlc(dir, rm, w);
      if (tlc.errorMessage() != null || tlc.exitCode() != 0) {
        dir.writeJson("bench.json", json);
        throw new IllegalStateException("TLC failed (exit " + tlc.exitCode() + "): "
            + tlc.errorMessage() + "; see " + tlc.log());
      }
      double tlcSecs = (tlc.tlcMillis() > 0 ? tlc.tlcMillis() : tlc.wallMillis()) / 1000.0;
      double tlcRate = tlc.distinct() / Math.max(tlcSecs, 1e-3);
      boolean equal = tlc.distinct() == mine.stats().distinct();
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

  /** Writes an MC module for {@code rm} resource managers next to a copy of TwoPhase.tla. */
  private TlcResult runTlc(RunDirectory dir, int rm, int w) {
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
