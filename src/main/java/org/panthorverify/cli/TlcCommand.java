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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.panthorverify.conform.TraceTranslator;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.replay.ModelReplayer;
import org.panthorverify.replay.ReplayResult;
import org.panthorverify.report.RunDirectory;
import org.panthorverify.tlc.DistributedTlc;
import org.panthorverify.tlc.TlaValueParser;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.tlc.TlcState;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;
import org.panthorverify.trace.TraceMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code tlc MODEL [--config C] [--variant V]}: TLC as a back end. TLC checks the model's TLA+
 * twin; the result has the shape and exit codes of {@code check}, and a counterexample is
 * translated into a trace of the Java model and replayed on it.
 */
@Command(name = "tlc", mixinStandardHelpOptions = true,
    description = {"Check a model's TLA+ twin with TLC 2.18 (a child JVM, -tool mode) on"
        + " specs/<spec>/MC_<config>; report verdict, states and depth as 'check' does, with"
        + " TLC's exit code (0, 11 deadlock, 12 safety, 13 liveness, 75 evaluation error,"
        + " 150-153 spec errors).",
        "A counterexample is translated into a trace of the Java model (written as"
        + " <Property>.itf.json) and replayed on it; the summary says whether it replays and"
        + " which property it violates there.",
        "--distributed N runs TLC's own TLCServer and N TLCWorker processes on 127.0.0.1."})
final class TlcCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Model with a TLA+ twin.")
  String model;

  @Option(names = "--config", paramLabel = "NAME", description = "Config (default: default).")
  String config;

  @Option(names = "--variant", paramLabel = "NAME",
      description = "A seeded bug that the spec has too (its Variant constant).")
  String variant;

  @Option(names = "--workers", paramLabel = "N",
      description = "TLC workers (default: the number of cores); with --distributed, the"
          + " threads of each worker process.")
  Integer workers;

  @Option(names = "--distributed", paramLabel = "N",
      description = "Run TLCServer and N TLCWorker processes on 127.0.0.1.")
  Integer distributed;

  @Option(names = "--tlc-heap", paramLabel = "SIZE",
      description = "-Xmx of TLC (of the server and of each worker; default: 8g, 2g per"
          + " distributed worker).")
  String tlcHeap;

  @Option(names = "--out", paramLabel = "DIR", description = "Root of run directories.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ModelEntry entry = parent.registry().get(model);
    ModelEntry.Resolved r = entry.resolve(config, List.of(), variant);
    Model<?, ?> m = r.create();
    McSpec mc = McSpec.of(entry, r, "");
    if (variant == null) {
      checkConstants(entry, r, m, mc);
    }
    int w = workers == null ? Runtime.getRuntime().availableProcessors()
        : RunOptions.checkWorkers(workers);
    if (distributed != null && (distributed < 1 || distributed > 64)) {
      throw new UserInputException("--distributed takes a number of workers from 1 to 64, got "
          + distributed);
    }
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), entry.id());
    Path specDir = variant == null ? mc.dir() : variantSpec(entry, mc, variant, dir);
    if (variant != null) {
      checkConstants(entry, r, m, new McSpec(specDir, mc.module(), mc.cfg()));
    }
    o.printf("run model=%s config=%s constants={%s} variant=%s engine=tlc spec=%s/%s workers=%d"
        + "%s dir=%s%n", entry.id(), r.preset().name(), r.constantsText(),
        variant == null ? "none" : variant, entry.specDir(), mc.module(), w,
        distributed == null ? "" : " distributed=" + distributed, dir.path());
    o.flush();
    Map<String, Object> run = new LinkedHashMap<>();
    run.put("tool", Main.tool());
    run.put("argv", Main.argv(spec.commandLine()));
    run.put("engine", distributed == null ? "tlc" : "tlc-distributed");
    run.put("model", entry.id());
    run.put("config", r.preset().name());
    run.put("constants", r.constants());
    run.put("variant", variant);
    run.put("spec", entry.specDir() + "/" + mc.module());
    run.put("workers", w);
    run.put("distributed", distributed);
    dir.writeJson("run.json", run);
    TlcOptions opts = new TlcOptions(specDir, mc.module(), mc.cfg(), w, dir.path(), true,
        tlcHeap != null ? tlcHeap : distributed == null ? "8g" : "2g", null);
    TlcResult tlc = distributed == null ? TlcRunner.run(opts)
        : DistributedTlc.run(opts, distributed);
    return report(o, entry, r, m, dir, tlc);
  }

  private int report(PrintWriter o, ModelEntry entry, ModelEntry.Resolved r, Model<?, ?> m,
      RunDirectory dir, TlcResult tlc) {
    int exit = tlc.exitCode();
    String verdict = tlc.ok() ? "PASSED" : tlc.violationKind() == null || "error".equals(
        tlc.violationKind()) ? "ERROR" : "VIOLATED";
    Map<String, Object> stats = new LinkedHashMap<>();
    stats.put("engine", "tlc");
    stats.put("verdict", verdict);
    stats.put("distinct", tlc.distinct());
    stats.put("generated", tlc.generated());
    stats.put("depth", tlc.depth());
    stats.put("tlcMillis", tlc.tlcMillis());
    stats.put("wallMillis", tlc.wallMillis());
    stats.put("tlcExit", tlc.exitCode());
    stats.put("violationKind", tlc.violationKind());
    stats.put("violatedProperty", tlc.violatedProperty());
    stats.put("error", tlc.errorMessage());
    StringBuilder md = new StringBuilder("# tlc " + entry.id() + " " + r.preset().name()
        + (r.variant() == null ? "" : " --variant " + r.variant().name()) + "\n\n");
    md.append("- verdict: ").append(verdict).append('\n');
    md.append(String.format("- distinct states: %d, generated: %d, depth: %d%n", tlc.distinct(),
        tlc.generated(), tlc.depth()));
    md.append("- TLC exit code: ").append(tlc.exitCode()).append('\n');
    if ("ERROR".equals(verdict)) {
      String why = tlc.errorMessage() != null ? tlc.errorMessage() : "TLC exit " + exit;
      // TLC's own codes pass through (75-77 evaluation, 150-153 spec and config errors); a
      // TLC that was stopped (out of memory, killed) found part of the graph: incomplete
      boolean tlcCode = (exit >= 75 && exit <= 77) || (exit >= 150 && exit <= 153);
      int code = tlcCode ? exit : ExitCodes.INCOMPLETE;
      md.append("- error: ").append(why).append('\n');
      stats.put("exit", code);
      dir.writeJson("stats.json", stats);
      dir.writeText("summary.md", md.toString());
      o.printf("done verdict=ERROR distinct=%d generated=%d depth=%d tlc-exit=%d exit=%d%n",
          tlc.distinct(), tlc.generated(), tlc.depth(), exit, code);
      o.flush();
      spec.commandLine().getErr().println("panthor-verify: TLC failed on "
          + McSpec.show(ProjectLayout.specs().resolve(entry.specDir())) + ": " + Main.oneLine(why) + " (TLC exit " + exit + "; log "
          + tlc.log() + ")");
      return code;
    }
    if (!tlc.trace().isEmpty()) {
      String javaName = javaProperty(m, tlc);
      String tlcName = tlc.violatedProperty() != null ? tlc.violatedProperty()
          : "deadlock".equals(tlc.violationKind()) ? "Deadlock" : tlc.violationKind();
      o.printf("violated property=%s (TLA+ %s) kind=%s states=%d%n", javaName, tlcName,
          tlc.violationKind(), tlc.trace().size());
      stats.put("javaProperty", javaName);
      Replayed rep = translateAndReplay(entry, r, m, tlc, javaName, dir);
      stats.put("replays", rep.replays);
      stats.put("replayViolates", rep.violated);
      stats.put("replayMessage", rep.message);
      stats.put("trace", rep.trace == null ? null : rep.trace.toString());
      if (rep.trace != null) {
        o.printf("trace %s%n", rep.trace);
      }
      o.printf("replay on the Java model: %s%s%n", rep.replays ? "replays" : "does not replay",
          rep.replays ? (rep.violated == null ? ", violates nothing"
              : ", violates " + rep.violated + (rep.violated.equals(javaName) ? " (the same"
                  + " property)" : " (TLC names " + javaName + ")")) : ": " + rep.message);
      md.append("- violated: ").append(javaName).append(" (TLA+ ").append(tlcName)
          .append("), ").append(tlc.trace().size()).append(" states\n");
      md.append("- replay on the Java model: ").append(rep.replays ? "replays" : "no")
          .append(rep.violated == null ? "" : ", violates " + rep.violated).append(" (")
          .append(rep.message).append(")\n");
    }
    stats.put("exit", exit);
    dir.writeJson("stats.json", stats);
    dir.writeText("summary.md", md.toString());
    o.printf("done verdict=%s distinct=%d generated=%d depth=%d seconds=%.2f exit=%d%n",
        verdict, tlc.distinct(), tlc.generated(), tlc.depth(),
        (tlc.tlcMillis() > 0 ? tlc.tlcMillis() : tlc.wallMillis()) / 1000.0, exit);
    o.printf("summary %s%n", dir.path().resolve("summary.md"));
    o.flush();
    return exit;
  }

  private record Replayed(boolean replays, String violated, String message, Path trace) {}

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Replayed translateAndReplay(ModelEntry entry, ModelEntry.Resolved r,
      Model m, TlcResult tlc, String javaName, RunDirectory dir) {
    if (m.tla() == null) {
      return new Replayed(false, null, "the model has no TLA+ view to translate TLC's trace"
          + " with", null);
    }
    List<TraceTranslator.TlaStep> steps = new ArrayList<>();
    int loop = -1;
    for (TlcState s : tlc.trace()) {
      if ("Stuttering".equals(s.action())) {
        loop = steps.size() - 1;
        continue;
      }
      if (s.action() != null && s.action().startsWith("Back to state")) {
        loop = s.index() - 1;
        continue;
      }
      Map<String, Value> vars = new LinkedHashMap<>();
      s.vars().forEach((k, v) -> vars.put(k, TlaValueParser.value(v)));
      steps.add(new TraceTranslator.TlaStep(steps.isEmpty() ? null : s.action(), vars));
    }
    TraceTranslator.Translation t = TraceTranslator.translate(m, steps, loop);
    if (!t.ok()) {
      return new Replayed(false, null, t.message(), null);
    }
    Map<String, Value> constants = new LinkedHashMap<>();
    r.constants().forEach((k, v) -> constants.put(k, Value.of(v)));
    String kind = "deadlock".equals(tlc.violationKind()) ? "deadlock"
        : "temporal".equals(tlc.violationKind()) && loop >= 0 ? "liveness" : "invariant";
    TraceMeta meta = new TraceMeta(entry.id(), r.preset().name(), constants,
        r.variant() == null ? null : r.variant().name(), javaName, kind, null, "tlc",
        Main.tool(), "TLC's counterexample, translated to the Java model");
    ItfTrace itf = Itf.fromTrace(m, t.trace(), meta);
    Path file = dir.writeTrace(javaName.replaceAll("[^A-Za-z0-9_.-]", "_") + ".itf.json", itf);
    ReplayResult rr = ModelReplayer.replay(m, itf);
    return new Replayed(rr.conforms(), rr.violated(), rr.message(), file);
  }

  /** The Java property whose TLA+ name TLC reports, else TLC's own name. */
  private static String javaProperty(Model<?, ?> m, TlcResult tlc) {
    if ("deadlock".equals(tlc.violationKind())) {
      return "Deadlock";
    }
    String tlaName = tlc.violatedProperty();
    if (tlaName == null) {
      return tlc.violationKind();
    }
    TlaView<?, ?> view = m.tla();
    for (Property<?, ?> p : m.properties()) {
      String mapped = view == null ? p.name().replace('-', '_') : view.propertyName(p.name());
      if (mapped.equals(tlaName)) {
        return p.name();
      }
    }
    return tlaName;
  }

  /** A copy of the spec whose MC module sets {@code MC_Variant} to the variant. */
  private static Path variantSpec(ModelEntry entry, McSpec mc, String variant, RunDirectory dir) {
    Path to = dir.path().resolve("spec");
    try {
      Files.createDirectories(to);
      boolean inSpec = false;
      try (var files = Files.newDirectoryStream(mc.dir(), "*.{tla,cfg}")) {
        for (Path f : files) {
          String text = Files.readString(f);
          if (f.getFileName().toString().endsWith(".tla") && !f.getFileName().toString()
              .startsWith("MC_") && text.contains("\"" + variant + "\"")) {
            inSpec = true;
          }
          Files.writeString(to.resolve(f.getFileName()), text);
        }
      }
      if (!inSpec) {
        throw new UserInputException("variant " + variant + " of " + entry.id() + " is not in"
            + " its TLA+ spec (" + McSpec.show(mc.dir()) + "); only the Java model has it");
      }
      Path module = to.resolve(mc.module() + ".tla");
      String text = Files.readString(module);
      Matcher mm = Pattern.compile("(?m)^MC_Variant\\s*==\\s*\"[^\"]*\"").matcher(text);
      if (!mm.find()) {
        throw new UserInputException(McSpec.show(mc.dir().resolve(mc.module() + ".tla")) + " has"
            + " no MC_Variant definition, so TLC cannot check a variant of it");
      }
      Files.writeString(module, mm.replaceFirst("MC_Variant == \"" + variant + "\""));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return to;
  }

  /** The models of {@code registry} that have a TLA+ view. */
  static List<String> viewModels(ModelRegistry registry) {
    List<String> out = new ArrayList<>();
    for (ModelEntry e : registry.models()) {
      try {
        if (e.resolve(null, List.of(), null).create().tla() != null) {
          out.add(e.id());
        }
      } catch (RuntimeException ex) {
        // a model that cannot be built at its default config has no view to offer
      }
    }
    return out;
  }

  private static final Pattern DEF = Pattern.compile("(?m)^(\\w+)\\s*==\\s*(.+?)\\s*$");
  private static final Pattern CFG_CONST =
      Pattern.compile("(?m)^\\s*(?:CONSTANTS?\\s+)?(\\w+)\\s*(<-|=)\\s*(.+?)\\s*$");

  /**
   * Checks that the MC files give the spec the constants of the Java config (as the model's TLA+
   * view names them); a one-line error naming the first that differs.
   */
  static void checkConstants(ModelEntry entry, ModelEntry.Resolved r, Model<?, ?> m, McSpec mc) {
    TlaView<?, ?> view = m.tla();
    if (view == null || view.constants().isEmpty()) {
      return;
    }
    Map<String, String> given = mcConstants(mc);
    for (Map.Entry<String, Value> c : view.constants().entrySet()) {
      String text = given.get(c.getKey());
      if (text == null) {
        continue; // not set in the MC files (TLC itself then reports the missing constant)
      }
      Value v;
      try {
        v = TlaValueParser.value(text);
      } catch (IllegalArgumentException e) {
        continue; // an expression, not a plain value: TLC evaluates it
      }
      Value want = TlaValues.canonical(c.getValue());
      if (!v.equals(want)) {
        throw new UserInputException(McSpec.show(mc.dir().resolve(mc.module() + ".tla"))
            + " gives constant " + c.getKey() + " = " + text + " but " + entry.id()
            + " config " + r.preset().name() + " ({" + r.constantsText() + "}) needs "
            + c.getKey() + " = " + want + "; the MC files and the registry disagree");
      }
    }
  }

  /** Constant name to value text, from the MC cfg ({@code X = v}, {@code X <- MC_X}). */
  static Map<String, String> mcConstants(McSpec mc) {
    try {
      String tla = Files.readString(mc.dir().resolve(mc.module() + ".tla"));
      Map<String, String> defs = new LinkedHashMap<>();
      Matcher d = DEF.matcher(tla);
      while (d.find()) {
        defs.put(d.group(1), d.group(2));
      }
      Map<String, String> out = new LinkedHashMap<>();
      boolean inConstants = false;
      for (String line : Files.readAllLines(mc.dir().resolve(mc.cfg()))) {
        String t = line.trim();
        if (t.startsWith("\\*") || t.isEmpty()) {
          continue;
        }
        if (t.matches("^[A-Z_]+(\\s.*)?$") && !t.startsWith("CONSTANT")) {
          inConstants = false;
        }
        if (t.startsWith("CONSTANT")) {
          inConstants = true;
        }
        if (!inConstants) {
          continue;
        }
        Matcher c = CFG_CONST.matcher(t);
        if (c.matches()) {
          out.put(c.group(1), c.group(2).equals("<-") ? defs.get(c.group(3)) : c.group(3));
        }
      }
      out.values().removeIf(java.util.Objects::isNull);
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
