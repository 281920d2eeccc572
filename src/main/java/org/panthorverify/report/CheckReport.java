package org.panthorverify.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;
import org.panthorverify.core.Value;
import org.panthorverify.explore.CheckResult;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.ExploreStats;
import org.panthorverify.explore.Strategy;
import org.panthorverify.explore.Violation;
import org.panthorverify.explore.Witness;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;
import org.panthorverify.trace.TraceMeta;

/**
 * Writes the files of a {@code check} or {@code simulate} run into its {@link RunDirectory}:
 * {@code stats.json}, {@code coverage.json}, one {@code <Property>.itf.json} per violation,
 * {@code witnesses/<Property>.itf.json} per witness, and {@code summary.md}.
 */
public final class CheckReport {
  private CheckReport() {}

  /**
   * What was checked.
   *
   * @param model the model id
   * @param config the preset name
   * @param constants the constants, in declaration order
   * @param variant the variant, or null
   * @param explore the search settings
   * @param tool {@code panthor-verify <version>}
   */
  public record Context(String model, String config, Map<String, Integer> constants,
      String variant, ExploreConfig explore, String tool) {}

  /** The files written: the trace of each violated property, by property name. */
  public record Written(Map<String, Path> violationTraces, Map<String, Path> witnessTraces) {}

  /** Writes everything; {@code extraStats} are merged into stats.json (verdict, exit, golden). */
  public static <S, A extends Action> Written write(RunDirectory dir, Model<S, A> model,
      Context ctx, CheckResult<S, A> result, Map<String, Object> extraStats) {
    Map<String, Path> violations = new LinkedHashMap<>();
    for (Violation<S, A> v : result.violations()) {
      if (v.trace() != null) {
        ItfTrace t = Itf.fromTrace(model, v.trace(), meta(ctx, v.property(),
            v.kind().name().toLowerCase(java.util.Locale.ROOT), v.message()));
        violations.put(v.property(), dir.writeTrace(fileName(v.property()), t));
      }
    }
    Map<String, Path> witnesses = new LinkedHashMap<>();
    for (Witness<S, A> w : result.witnesses()) {
      ItfTrace t = Itf.fromTrace(model, w.trace(),
          meta(ctx, w.property(), "witness", "a state satisfying " + w.property()));
      witnesses.put(w.property(), dir.writeTrace("witnesses/" + fileName(w.property()), t));
    }
    Map<String, Object> stats = stats(result);
    stats.putAll(extraStats);
    dir.writeJson("stats.json", stats);
    Map<String, Object> coverage = new LinkedHashMap<>();
    coverage.put("fired", result.coverage().fired());
    coverage.put("neverFired", result.coverage().neverFired());
    dir.writeJson("coverage.json", coverage);
    dir.writeText("summary.md", summary(model, ctx, result, violations, extraStats));
    return new Written(violations, witnesses);
  }

  /** {@code Consistent.itf.json}, with characters unsafe in file names replaced. */
  public static String fileName(String property) {
    return property.replaceAll("[^A-Za-z0-9_.-]", "_") + ".itf.json";
  }

  /** The {@code #meta} of a trace this run writes. */
  public static TraceMeta meta(Context ctx, String property, String kind, String description) {
    Map<String, Value> constants = new LinkedHashMap<>();
    ctx.constants().forEach((k, v) -> constants.put(k, Value.of(v)));
    boolean random = ctx.explore().strategy() == Strategy.RANDOM;
    return new TraceMeta(ctx.model(), ctx.config(), constants, ctx.variant(), property, kind,
        random ? ctx.explore().seed() : null, ctx.explore().strategy().id(), ctx.tool(),
        description);
  }

  /** The figures of a result as an ordered map (for stats.json). */
  public static Map<String, Object> stats(CheckResult<?, ?> result) {
    ExploreStats s = result.stats();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("verdict", result.verdict().name());
    m.put("incomplete", result.incomplete() == null ? null : result.incomplete().name());
    m.put("generated", s.generated());
    m.put("distinct", s.distinct());
    m.put("depth", s.depth());
    m.put("queue", s.queue());
    m.put("elapsedMillis", s.elapsedMillis());
    m.put("distinctPerSecond", Math.round(s.distinctPerSecond()));
    m.put("workers", s.workers());
    m.put("collisionProbability", s.collisionProbability());
    List<Map<String, Object>> vs = new ArrayList<>();
    for (Violation<?, ?> v : result.violations()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("property", v.property());
      e.put("kind", v.kind().name());
      e.put("states", v.trace() == null ? null : v.trace().length());
      e.put("message", v.message());
      vs.add(e);
    }
    m.put("violations", vs);
    m.put("witnesses", result.witnesses().stream().map(Witness::property).toList());
    return m;
  }

  private static <S, A extends Action> String summary(Model<S, A> model, Context ctx,
      CheckResult<S, A> result, Map<String, Path> traces, Map<String, Object> extra) {
    StringBuilder md = new StringBuilder();
    ExploreStats s = result.stats();
    md.append("# ").append(ctx.model()).append(" (config ").append(ctx.config()).append(")\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "verdict", result.verdict() + (result.incomplete() == null ? ""
        : " (" + result.incomplete() + ")"));
    row(md, "constants", ctx.constants().toString());
    row(md, "variant", ctx.variant() == null ? "none" : ctx.variant());
    row(md, "strategy", ctx.explore().strategy().id() + ", " + s.workers() + " worker(s)");
    row(md, "distinct states", String.format("%,d", s.distinct()));
    row(md, "states generated", String.format("%,d", s.generated()));
    row(md, "depth", Integer.toString(s.depth()));
    row(md, "time", String.format("%.2f s (%,d distinct states/s)", s.elapsedMillis() / 1000.0,
        Math.round(s.distinctPerSecond())));
    row(md, "fingerprint collision probability", String.format("%.1e", s.collisionProbability()));
    extra.forEach((k, v) -> row(md, k, String.valueOf(v)));
    for (Violation<S, A> v : result.violations()) {
      md.append("\n## ").append(v.property()).append(" (").append(v.kind()).append(")\n\n");
      md.append(v.message()).append('\n');
      if (v.trace() != null) {
        md.append("\nTrace: `").append(traces.get(v.property()).getFileName()).append("` (")
            .append(v.trace().length()).append(" states)\n\n```\n");
        md.append(render(model, v.trace())).append("```\n");
      }
    }
    if (!result.witnesses().isEmpty()) {
      md.append("\n## Witnesses\n\n");
      for (Witness<S, A> w : result.witnesses()) {
        md.append("- ").append(w.property()).append(": ").append(w.trace().length())
            .append(" states\n");
      }
    }
    md.append("\n## Action coverage\n\n| action | fired |\n|---|---:|\n");
    result.coverage().fired().forEach((a, n) -> md.append("| ").append(a).append(" | ")
        .append(String.format("%,d", n)).append(n == 0 ? " (never fired)" : "").append(" |\n"));
    return md.toString();
  }

  private static void row(StringBuilder md, String k, String v) {
    md.append("| ").append(k).append(" | ").append(v).append(" |\n");
  }

  /** A trace as text: the first state in full, then each action and the variables it changed. */
  public static <S, A extends Action> String render(Model<S, A> model, Trace<S, A> trace) {
    StringBuilder sb = new StringBuilder();
    Map<String, Value> prev = null;
    int i = 0;
    for (Step<S, A> step : trace.steps()) {
      Map<String, Value> vars = model.describe(step.state());
      sb.append(i).append(": ").append(step.action() == null ? "initial state"
          : step.action().label()).append('\n');
      for (Map.Entry<String, Value> e : vars.entrySet()) {
        if (prev == null || !e.getValue().equals(prev.get(e.getKey()))) {
          sb.append("   ").append(e.getKey()).append(" = ").append(e.getValue()).append('\n');
        }
      }
      prev = vars;
      i++;
    }
    if (trace.loopStart() >= 0) {
      sb.append("   (loops back to state ").append(trace.loopStart()).append(")\n");
    }
    return sb.toString();
  }
}
