package org.panthorverify.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.panthorverify.core.Model;
import org.panthorverify.core.ModelException;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.replay.ModelReplayer;
import org.panthorverify.replay.ReplayResult;
import org.panthorverify.report.RunDirectory;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;
import org.panthorverify.trace.TraceMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code replay TRACE}: re-execute an ITF trace on its model. */
@Command(name = "replay", mixinStandardHelpOptions = true,
    description = {"Re-execute an ITF trace step by step on its model (named in the trace's"
        + " #meta) and report the first step that is not enabled or whose state differs (exit"
        + " 20), or the property the trace violates (exit 11/12), or 0 if it conforms and"
        + " violates nothing."})
final class ReplayCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", paramLabel = "TRACE", description = "An .itf.json trace file.")
  Path file;

  @Option(names = "--model", paramLabel = "ID", description = "Model (default: #meta.model).")
  String model;

  @Option(names = "--config", paramLabel = "NAME",
      description = "Config (default: #meta.config).")
  String config;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Override a constant (default: #meta.constants).")
  List<String> set = new ArrayList<>();

  @Option(names = "--variant", paramLabel = "NAME",
      description = "Variant (default: #meta.variant).")
  String variant;

  @Option(names = "--out", paramLabel = "DIR", description = "Root of run directories.")
  Path out;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    ItfTrace trace = Itf.read(file);
    TraceMeta meta = trace.meta();
    String id = model != null ? model : meta == null ? null : meta.model();
    if (id == null) {
      throw new UserInputException(file + ": the trace names no model (#meta.model); pass"
          + " --model");
    }
    ModelEntry entry = parent.registry().get(id);
    String cfg = config;
    if (cfg == null && meta != null && meta.config() != null
        && entry.configs().stream().anyMatch(c -> c.name().equals(meta.config()))) {
      cfg = meta.config();
    }
    List<String> overrides = new ArrayList<>();
    if (meta != null && model == null) {
      for (Map.Entry<String, Value> c : meta.constants().entrySet()) {
        overrides.add(c.getKey() + "=" + show(c.getValue()));
      }
    }
    overrides.addAll(set);
    String var = variant != null ? variant : meta == null ? null : meta.variant();
    ModelEntry.Resolved resolved = entry.resolve(cfg, overrides, var);
    Model<?, ?> m = resolved.create();
    o.printf("replay trace=%s model=%s config=%s constants={%s} variant=%s states=%d%n", file,
        entry.id(), resolved.preset().name(), resolved.constantsText(),
        var == null ? "none" : var, trace.states().size());
    ReplayResult r;
    try {
      r = ModelReplayer.replay(m, trace);
    } catch (UserInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new ModelException(entry.id(), "replay", -1, "(see trace " + file + ")", e);
    }
    int exit = !r.conforms() ? ExitCodes.REPLAY_DIVERGED
        : r.violated() == null ? ExitCodes.PASSED : ExitCodes.of(r.kind());
    if (r.conforms()) {
      o.println("conforms: every step is enabled and reproduces the trace's state");
      if (r.violated() != null) {
        o.printf("violated property=%s kind=%s state=%d%n", r.violated(),
            r.kind().name().toLowerCase(java.util.Locale.ROOT), r.violatedAt());
      }
      if (meta != null && meta.property() != null && !meta.property().equals(r.violated())
          && !"witness".equals(meta.kind())) {
        o.println("note: the trace says it violates " + meta.property()
            + ", which it does not violate on this model");
      }
    } else {
      o.printf("diverged step=%d: %s%n", r.divergedAt(), r.message());
    }
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), entry.id());
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("tool", Main.tool());
    json.put("argv", Main.argv(spec.commandLine()));
    json.put("trace", file.toAbsolutePath().toString());
    json.put("model", entry.id());
    json.put("config", resolved.preset().name());
    json.put("constants", resolved.constants());
    json.put("variant", var);
    dir.writeJson("run.json", json);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("conforms", r.conforms());
    result.put("divergedAt", r.divergedAt());
    result.put("message", r.message());
    result.put("violated", r.violated());
    result.put("violatedAt", r.violatedAt());
    result.put("exit", exit);
    dir.writeJson("replay.json", result);
    dir.writeText("summary.md", "# replay of " + file.getFileName() + "\n\n" + r.message()
        + "\n\nexit " + exit + "\n");
    o.printf("done exit=%d dir=%s%n", exit, dir.path());
    o.flush();
    return exit;
  }

  private static String show(Value v) {
    if (v instanceof Value.Int i) {
      return i.value().toString();
    } else if (v instanceof Value.Bool b) {
      return Boolean.toString(b.value());
    } else if (v instanceof Value.Str s) {
      return s.value();
    }
    throw new UserInputException("constant value " + v + " in the trace is not a number or"
        + " boolean");
  }
}
