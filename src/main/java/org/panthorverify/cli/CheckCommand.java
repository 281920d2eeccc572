package org.panthorverify.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.panthorverify.core.UserInputException;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.Strategy;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code check MODEL|all}: exhaustive (or bounded) model checking. */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = {"Check a model's properties exhaustively (BFS by default).",
        "'check all' checks every model at its default config and prints one table; it exits 0"
            + " when every model reached its expected verdict and golden numbers."})
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model id (see 'list') or 'all'.")
  String model;

  @Mixin RunOptions opts = new RunOptions();

  @Option(names = "--strategy", paramLabel = "bfs|dfs|random",
      description = "Search strategy (default: bfs).")
  Strategy strategy = Strategy.BFS;


  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelRegistry registry = parent.registry();
    ExploreConfig config = opts.toConfig(strategy);
    String argv = Main.argv(spec.commandLine());
    CheckRunner runner = new CheckRunner(out, err);
    if (!model.equals("all")) {
      return runner.run(registry.get(model), opts, config, argv).exit();
    }
    if (opts.config != null || !opts.set.isEmpty() || opts.variant != null
        || !opts.properties.isEmpty()) {
      throw new UserInputException("check all runs every model at its default config; drop"
          + " --config, --set, --variant and --property, or name one model");
    }
    List<CheckRunner.Outcome> outcomes = new ArrayList<>();
    for (ModelEntry entry : registry.models()) {
      outcomes.add(runner.run(entry, opts, config, argv));
      out.println();
    }
    return table(out, outcomes);
  }

  private static int table(PrintWriter out, List<CheckRunner.Outcome> outcomes) {
    out.printf("%-16s %-8s %-10s %-12s %14s %6s %9s  %s%n", "model", "config", "expected",
        "verdict", "distinct", "depth", "time", "status");
    int exit = ExitCodes.PASSED;
    for (CheckRunner.Outcome o : outcomes) {
      if (o.result() == null) { // a liveness-only run
        out.printf("%-16s %-8s %-10s %-12s %14s %6s %9s  %s%n", o.resolved().entry().id(),
            o.resolved().preset().name(), "-", o.exit() == 0 ? "PASSED" : "VIOLATED", "-", "-",
            "-", "liveness");
        exit = exit == ExitCodes.PASSED ? o.exit() : exit;
        continue;
      }
      var s = o.result().stats();
      String verdict = o.result().violations().isEmpty() ? o.result().verdict().name()
          : o.result().violations().get(0).property();
      boolean ok = o.golden() != null && o.golden().startsWith("match");
      String status = ok ? "OK" : o.golden() == null ? "FAIL (incomplete)" : "FAIL " + o.golden();
      out.printf("%-16s %-8s %-10s %-12s %,14d %6d %8.2fs  %s%n", o.resolved().entry().id(),
          o.resolved().preset().name(), o.resolved().preset().expected(), verdict, s.distinct(),
          s.depth(), s.elapsedMillis() / 1000.0, status);
      if (!ok && exit == ExitCodes.PASSED) {
        exit = o.result().incomplete() != null ? ExitCodes.INCOMPLETE : ExitCodes.MISMATCH;
      }
    }
    out.println("check all: " + (exit == 0 ? "every model matched its expected verdict and"
        + " golden numbers" : "some models did not match (exit " + exit + ")"));
    out.flush();
    return exit;
  }
}
