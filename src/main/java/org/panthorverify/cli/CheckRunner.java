package org.panthorverify.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.ExploreStats;
import org.panthorverify.explore.Explorer;
import org.panthorverify.explore.IncompleteReason;
import org.panthorverify.explore.RunControl;
import org.panthorverify.explore.Strategy;
import org.panthorverify.explore.Violation;
import org.panthorverify.registry.ConfigPreset;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.report.CheckReport;
import org.panthorverify.report.RunDirectory;

/**
 * Runs one model check end to end: resolve the model, print the banner, search, write the run
 * directory, print the verdict. Shared by {@code check}, {@code check all} and {@code simulate}.
 */
final class CheckRunner {
  private final PrintWriter out;
  private final PrintWriter err;

  CheckRunner(PrintWriter out, PrintWriter err) {
    this.out = out;
    this.err = err;
  }

  /**
   * What one run gave.
   *
   * @param exit the exit code of the run itself
   * @param golden null if golden numbers do not apply, else "match" or what differed
   */
  record Outcome(ModelEntry.Resolved resolved, CheckResult<?, ?> result, int exit, Path dir,
      String golden) {}

  Outcome run(ModelEntry entry, RunOptions opts, ExploreConfig config, String command) {
    ModelEntry.Resolved resolved = entry.resolve(opts.config, opts.set, opts.variant);
    Model<?, ?> model = resolved.create();
    RunDirectory dir = RunDirectory.create(opts.outRoot(), entry.id());
    banner(resolved, config, dir);
    dir.writeJson("run.json", runJson(resolved, config, opts, command));
    return execute(resolved, model, config, opts, dir);
  }

  private <S, A extends Action> Outcome execute(ModelEntry.Resolved resolved, Model<S, A> model,
      ExploreConfig config, RunOptions opts, RunDirectory dir) {
    List<org.panthorverify.core.Property.Liveness<S, A>> live = new ArrayList<>();
    for (org.panthorverify.core.Property<S, A> p : model.properties()) {
      if (p instanceof org.panthorverify.core.Property.Liveness<S, A> l
          && config.properties().contains(p.name())) {
        live.add(l);
      }
    }
    if (!live.isEmpty() && live.size() == config.properties().size()) {
      return liveness(resolved, model, config, opts, dir, live);
    }
    RunControl control = new RunControl();
    ConsoleListener listener = new ConsoleListener(err, opts.quiet, config);
    try (Interrupts ignored = new Interrupts(control)) {
      CheckResult<S, A> result = Explorer.check(model, config, listener, control);
      listener.endLine();
      int exit = ExitCodes.of(result);
      String golden = golden(resolved, config, result);
      Map<String, Object> extra = new LinkedHashMap<>();
      extra.put("exit", exit);
      if (golden != null) {
        extra.put("golden", golden);
      }
      CheckReport.Context ctx = context(resolved, config);
      CheckReport.Written written = CheckReport.write(dir, model, ctx, result, extra);
      report(result, written, exit, golden, config, dir);
      List<String> liveness = model.properties().stream()
          .filter(p -> p.kind() == org.panthorverify.core.PropertyKind.LIVENESS)
          .map(p -> p.name()).toList();
      if (!liveness.isEmpty() && config.properties().isEmpty()) {
        out.println("note: liveness properties not checked in this run (safety only): "
            + String.join(", ", liveness) + "; check them with --property " + liveness.get(0));
        out.flush();
      }
      return new Outcome(resolved, result, exit, dir.path(), golden);
    }
  }

  /**
   * A run of liveness properties only ({@code --property FL-1}): the reachable graph is built
   * once per property and each is checked under its fairness; a counterexample is written as a
   * lasso trace (ITF with {@code loop}) and the run exits 13.
   */
  private <S, A extends Action> Outcome liveness(ModelEntry.Resolved resolved, Model<S, A> model,
      ExploreConfig config, RunOptions opts, RunDirectory dir,
      List<org.panthorverify.core.Property.Liveness<S, A>> live) {
    CheckReport.Context ctx = context(resolved, config);
    int exit = ExitCodes.PASSED;
    long start = System.nanoTime();
    Map<String, Object> verdicts = new LinkedHashMap<>();
    RunControl control = new RunControl();
    ConsoleListener listener = new ConsoleListener(err, opts.quiet, config);
    org.panthorverify.explore.liveness.LivenessRunner.Result<S, A> result;
    try (Interrupts ignored = new Interrupts(control)) {
      result = org.panthorverify.explore.liveness.LivenessRunner.checkAll(model, live, config,
          control, listener);
    }
    listener.endLine();
    var graph = result.graph();
    boolean unknown = false;
    if (graph.constrained() > 0) {
      out.printf("note: the state constraint cut steps off in %d states; those steps count as"
          + " enabled for fairness, as in TLC%n", graph.constrained());
    }
    for (int i = 0; i < live.size(); i++) {
      org.panthorverify.core.Property.Liveness<S, A> l = live.get(i);
      org.panthorverify.explore.liveness.LivenessRunner.Verdict<S, A> v =
          result.verdicts().get(i);
      if (v.noFairBehaviour()) {
        out.printf("warning: %s is vacuous: its fairness and the state constraint leave no fair"
            + " behaviour (every behaviour ends stuttering where a fair step was cut off)%n",
            l.name());
      } else if (!v.vacuous().isEmpty()) {
        out.printf("warning: %s is vacuous for %s: no reachable state satisfies its trigger, or"
            + " no fair behaviour passes through one%n", l.name(), String.join(", ", v.vacuous()));
      }
      if (v.holds()) {
        out.printf("liveness property=%s verdict=holds fairness=%d families states=%d%n",
            l.name(), l.fairness().size(), v.states());
        verdicts.put(l.name(), "holds");
      } else if (v.unknown()) {
        out.printf("liveness property=%s verdict=unknown reason=%s: no counterexample among the"
            + " %d states expanded before the search stopped%n", l.name(), v.incomplete(),
            graph.expanded());
        verdicts.put(l.name(), "unknown: " + v.incomplete());
        unknown = true;
      } else {
        Path trace = dir.writeTrace(l.name() + ".itf.json", org.panthorverify.trace.Itf.fromTrace(
            model, v.lasso(), CheckReport.meta(ctx, l.name(), "liveness",
                l.description() + " (fails on clause " + v.clause() + ")")));
        out.printf("violated property=%s kind=liveness clause=%s states=%d loop=%d trace=%s%n",
            l.name(), v.clause(), v.lasso().length(), v.lasso().loopStart(), trace);
        verdicts.put(l.name(), "violated: " + v.clause());
        exit = ExitCodes.LIVENESS;
      }
    }
    if (exit == ExitCodes.PASSED && unknown) {
      exit = ExitCodes.INCOMPLETE;
    }
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("distinct", graph.size());
    stats.put("expanded", graph.expanded());
    stats.put("edges", graph.edges());
    stats.put("depth", graph.stats().depth());
    stats.put("graphBytes", graph.bytes());
    if (graph.incomplete() != null) {
      stats.put("incomplete", graph.incomplete().name());
    }
    stats.put("liveness", verdicts);
    stats.put("exit", exit);
    dir.writeJson("stats.json", stats);
    String verdict = exit == ExitCodes.PASSED ? "PASSED"
        : exit == ExitCodes.LIVENESS ? "VIOLATED" : "INCOMPLETE";
    out.printf("done verdict=%s%s distinct=%d edges=%d depth=%d elapsed=%.2fs exit=%d%n", verdict,
        graph.incomplete() == null ? "" : " reason=" + graph.incomplete(), graph.size(),
        graph.edges(), graph.stats().depth(), (System.nanoTime() - start) / 1e9, exit);
    out.flush();
    return new Outcome(resolved, null, exit, dir.path(), null);
  }

  /** What the reports and the traces' {@code #meta} say about this run. */
  private static CheckReport.Context context(ModelEntry.Resolved resolved, ExploreConfig config) {
    return new CheckReport.Context(resolved.entry().id(), resolved.preset().name(),
        resolved.constants(), resolved.variant() == null ? null : resolved.variant().name(),
        config, Main.tool());
  }

  private void banner(ModelEntry.Resolved r, ExploreConfig c, RunDirectory dir) {
    out.printf("run model=%s config=%s constants={%s} variant=%s strategy=%s workers=%d seed=%d"
        + " maxStates=%s maxDepth=%s timeLimit=%s heap=%dm pv=%s%n", r.entry().id(),
        r.preset().name(), r.constantsText(), r.variant() == null ? "none" : r.variant().name(),
        c.strategy().id(), c.strategy() == Strategy.DFS ? 1 : c.workers(), c.seed(),
        c.maxStates() == 0 ? "none" : c.maxStates(), c.maxDepth() == 0 ? "none" : c.maxDepth(),
        c.timeLimit() == null ? "none" : c.timeLimit(),
        Runtime.getRuntime().maxMemory() >> 20, Main.version());
    out.println("dir " + dir.path());
    out.flush();
  }

  private void report(CheckResult<?, ?> result, CheckReport.Written written, int exit,
      String golden, ExploreConfig config, RunDirectory dir) {
    for (Violation<?, ?> v : result.violations()) {
      Path trace = written.violationTraces().get(v.property());
      out.printf("violated property=%s kind=%s states=%s trace=%s%n", v.property(),
          v.kind().name().toLowerCase(java.util.Locale.ROOT),
          v.trace() == null ? "-" : v.trace().length(), trace == null ? "-" : trace);
      out.println("  " + v.message());
    }
    List<String> never = result.coverage().neverFired();
    if (!never.isEmpty() && result.incomplete() == null && result.violations().isEmpty()) {
      out.println("warning: actions that never fired: " + String.join(", ", never));
    }
    if (golden != null) {
      out.println("golden " + golden);
    }
    ExploreStats s = result.stats();
    String verdict = result.verdict().name();
    if (result.violations().isEmpty()
        && result.incomplete() == IncompleteReason.SIMULATION) {
      verdict = "NO_VIOLATION_FOUND";
      out.printf("note: %d random walks of at most %d steps found no violation; this is not a"
          + " proof%n", config.walks(), config.walkDepth());
    }
    out.printf("done verdict=%s%s states=%d distinct=%d depth=%d queue=%d elapsed=%.2fs"
        + " rate=%d/s collision=%.1e exit=%d%n", verdict,
        result.incomplete() == null || verdict.equals("NO_VIOLATION_FOUND") ? ""
            : " reason=" + result.incomplete(), s.generated(),
        s.distinct(), s.depth(), s.queue(), s.elapsedMillis() / 1000.0,
        Math.round(s.distinctPerSecond()), s.collisionProbability(), exit);
    out.println("summary " + dir.path().resolve("summary.md"));
    out.flush();
  }

  /** Compares a default run with the preset's golden numbers; null when they do not apply. */
  static String golden(ModelEntry.Resolved r, ExploreConfig c, CheckResult<?, ?> result) {
    ConfigPreset p = r.preset();
    if (r.overridden() || r.variant() != null || c.strategy() != Strategy.BFS
        || result.incomplete() != null || !c.properties().isEmpty() || !c.checkDeadlock()
        || c.continueAfterViolation()) {
      return null;
    }
    List<String> diffs = new ArrayList<>();
    String outcome = result.violations().isEmpty() ? ConfigPreset.PASSED
        : result.violations().get(0).property();
    if (!outcome.equals(p.expected())) {
      diffs.add("outcome " + outcome + " (expected " + p.expected() + ")");
    }
    if (p.goldenDistinct() >= 0 && p.goldenDistinct() != result.stats().distinct()) {
      diffs.add("distinct " + result.stats().distinct() + " (golden " + p.goldenDistinct() + ")");
    }
    if (p.goldenDepth() >= 0 && p.goldenDepth() != result.stats().depth()) {
      diffs.add("depth " + result.stats().depth() + " (golden " + p.goldenDepth() + ")");
    }
    return diffs.isEmpty()
        ? "match distinct=" + p.goldenDistinct() + " depth=" + p.goldenDepth()
            + " outcome=" + p.expected()
        : "MISMATCH " + String.join(", ", diffs);
  }

  private static Map<String, Object> runJson(ModelEntry.Resolved r, ExploreConfig c,
      RunOptions o, String command) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", Main.tool());
    m.put("started", OffsetDateTime.now().toString());
    m.put("argv", command);
    m.put("command", canonicalCommand(r, c, o));
    m.put("model", r.entry().id());
    m.put("config", r.preset().name());
    m.put("constants", r.constants());
    m.put("variant", r.variant() == null ? null : r.variant().name());
    m.put("strategy", c.strategy().id());
    m.put("workers", c.workers());
    m.put("maxStates", c.maxStates());
    m.put("maxDepth", c.maxDepth());
    m.put("timeLimitMillis", c.timeLimit() == null ? null : c.timeLimit().toMillis());
    m.put("continue", c.continueAfterViolation());
    m.put("checkDeadlock", c.checkDeadlock());
    m.put("properties", new ArrayList<>(c.properties()));
    m.put("seed", c.seed());
    m.put("walks", c.walks());
    m.put("walkDepth", c.walkDepth());
    m.put("heapFraction", c.heapFraction());
    m.put("out", o.outRoot().toString());
    m.put("java", System.getProperty("java.version"));
    m.put("cores", Runtime.getRuntime().availableProcessors());
    m.put("maxHeapMiB", Runtime.getRuntime().maxMemory() >> 20);
    return m;
  }

  /** The command with every default filled in, so that it reruns the same check anywhere. */
  static String canonicalCommand(ModelEntry.Resolved r, ExploreConfig c, RunOptions o) {
    List<String> parts = new ArrayList<>();
    parts.add("panthor-verify");
    parts.add(c.strategy() == Strategy.RANDOM ? "simulate" : "check");
    parts.add(r.entry().id());
    parts.add("--config " + r.preset().name());
    r.constants().forEach((k, v) -> parts.add("--set " + k + "=" + v));
    if (r.variant() != null) {
      parts.add("--variant " + r.variant().name());
    }
    c.properties().stream().sorted().forEach(p -> parts.add("--property " + p));
    if (c.strategy() != Strategy.RANDOM) {
      parts.add("--strategy " + c.strategy().id());
    }
    parts.add("--workers " + c.workers());
    if (c.maxStates() > 0) {
      parts.add("--max-states " + c.maxStates());
    }
    if (c.maxDepth() > 0) {
      parts.add("--max-depth " + c.maxDepth());
    }
    if (c.timeLimit() != null) {
      parts.add("--time-limit " + c.timeLimit().toMillis() + "ms");
    }
    parts.add("--seed " + c.seed());
    if (c.strategy() == Strategy.RANDOM) {
      parts.add("--walks " + c.walks());
      parts.add("--walk-depth " + c.walkDepth());
    }
    parts.add("--heap-fraction " + c.heapFraction());
    if (c.continueAfterViolation()) {
      parts.add("--continue");
    }
    if (!c.checkDeadlock()) {
      parts.add("--no-deadlock");
    }
    parts.add("--out " + o.outRoot());
    return String.join(" ", parts);
  }
}
