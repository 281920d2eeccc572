package org.panthorverify.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.panthorverify.conform.Conformance;
import org.panthorverify.core.Model;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.report.RunDirectory;
import org.panthorverify.tlc.TlcGraph;
import org.panthorverify.tlc.TlcOptions;
import org.panthorverify.tlc.TlcResult;
import org.panthorverify.tlc.TlcRunner;
import org.panthorverify.trace.ItfState;
import org.panthorverify.trace.ItfTrace;
import org.panthorverify.trace.TraceMeta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code conform MODEL [--config C]}: the Java model and its TLA+ twin have the same reachable
 * state graph, states and labelled edges, or the first difference is printed with a trace.
 */
@Command(name = "conform", mixinStandardHelpOptions = true,
    description = {"Prove that the Java model and its TLA+ spec have the same reachable state"
        + " graph for the same constants: TLC dumps the spec's graph (-dump dot,actionlabels on"
        + " specs/<spec>/MC_<config>), and every state and labelled edge is compared with the"
        + " Java model's, seen through the model's TLA+ view.",
        "Exit 0 when the graphs are equal; 1 with the first difference (a state or edge on one"
        + " side only) and its shortest trace, written as ITF (difference.itf.json); 3 when"
        + " stopped."})
final class ConformCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", paramLabel = "MODEL", description = "Model with a TLA+ twin.")
  String model;

  @Option(names = "--config", paramLabel = "NAME", description = "Config (default: default).")
  String config;

  @Option(names = "--workers", paramLabel = "N",
      description = "TLC workers (default: the number of cores).")
  Integer workers;

  @Option(names = "--tlc-heap", paramLabel = "SIZE", description = "TLC's -Xmx (default: 8g).")
  String tlcHeap = "8g";

  @Option(names = "--keep-graph",
      description = "Keep TLC's graph dump (tlc/graph.dot; large) in the run directory.")
  boolean keepGraph;

  @Option(names = "--out", paramLabel = "DIR", description = "Root of run directories.")
  Path out;

  @Option(names = "--quiet", description = "No progress lines.")
  boolean quiet;

  @Override
  public Integer call() throws IOException {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ModelEntry entry = parent.registry().get(model);
    ModelEntry.Resolved r = entry.resolve(config, List.of(), null);
    Model<?, ?> m = r.create();
    if (m.tla() == null) {
      throw new UserInputException("model " + entry.id() + " has no TLA+ view to compare; models"
          + " with one: " + String.join(", ", TlcCommand.viewModels(parent.registry())));
    }
    McSpec mc = McSpec.of(entry, r, "");
    TlcCommand.checkConstants(entry, r, m, mc);
    int w = workers == null ? Runtime.getRuntime().availableProcessors()
        : RunOptions.checkWorkers(workers);
    RunDirectory dir = RunDirectory.create(out != null ? out : Path.of("reports"), entry.id());
    o.printf("conform model=%s config=%s constants={%s} spec=%s/%s dir=%s%n", entry.id(),
        r.preset().name(), r.constantsText(), entry.specDir(), mc.module(), dir.path());
    o.flush();
    Path graph = dir.path().resolve("tlc").resolve("graph.dot");
    Files.createDirectories(graph.getParent());
    if (!quiet) {
      err.println("progress tlc: dumping the spec's state graph (" + mc.module() + ", "
          + w + " workers)");
      err.flush();
    }
    org.panthorverify.explore.RunControl control = new org.panthorverify.explore.RunControl();
    try (Interrupts ignored = new Interrupts(control)) {
      return run(o, err, entry, r, m, mc, w, dir, graph, control);
    }
  }

  private int run(PrintWriter o, PrintWriter err, ModelEntry entry, ModelEntry.Resolved r,
      Model<?, ?> m, McSpec mc, int w, RunDirectory dir, Path graph,
      org.panthorverify.explore.RunControl control) throws IOException {
    TlcResult tlc = TlcRunner.run(new TlcOptions(mc.dir(), mc.module(), mc.cfg(), w, dir.path(),
        false, tlcHeap, null).withArgs("-dump", "dot,actionlabels", graph.toAbsolutePath().toString()));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("model", entry.id());
    json.put("config", r.preset().name());
    json.put("constants", r.constants());
    json.put("spec", entry.specDir() + "/" + mc.module());
    json.put("tlcExit", tlc.exitCode());
    json.put("tlcDistinct", tlc.distinct());
    json.put("tlcSeconds", tlc.wallMillis() / 1000.0);
    if (!tlc.ok()) {
      json.put("verdict", "error");
      dir.writeJson("conform.json", json);
      String why = tlc.errorMessage() != null ? tlc.errorMessage()
          : tlc.violationKind() + (tlc.violatedProperty() == null ? ""
              : " " + tlc.violatedProperty()) + " violated";
      throw new UserInputException("TLC did not dump the whole graph of " + mc.module() + ": "
          + Main.oneLine(why) + " (TLC exit " + tlc.exitCode() + "; log " + tlc.log() + ")");
    }
    if (!quiet) {
      err.printf("progress tlc: %,d states in %.1f s; reading the graph and exploring the Java"
          + " model%n", tlc.distinct(), tlc.wallMillis() / 1000.0);
      err.flush();
    }
    long t0 = System.nanoTime();
    TlcGraph g = TlcGraph.read(graph, m.tla().variables());
    double readSecs = (System.nanoTime() - t0) / 1e9;
    Conformance.Result res = Conformance.compare(m, g, control::isCancelled);
    double secs = (System.nanoTime() - t0) / 1e9;
    o.printf("tlc distinct=%d edges=%d labels=%d self-loops=%d read-seconds=%.2f%n", g.size(),
        g.edges(), g.labels().size(), g.selfLoops(), readSecs);
    o.printf("java distinct=%d edges=%d compare-seconds=%.2f%n", res.javaStates(),
        res.javaEdges(), secs - readSecs);
    json.put("tlcStates", g.size());
    json.put("tlcEdges", g.edges());
    json.put("tlcSelfLoopsIgnored", g.selfLoops());
    json.put("javaStates", res.javaStates());
    json.put("javaEdges", res.javaEdges());
    json.put("compareSeconds", secs);
    int exit;
    if (res.stopped()) {
      json.put("verdict", "stopped");
      exit = ExitCodes.INCOMPLETE;
    } else if (res.difference() == null) {
      json.put("verdict", "equal");
      exit = ExitCodes.PASSED;
    } else {
      Conformance.Difference d = res.difference();
      json.put("verdict", "different");
      json.put("difference", d.kind().name());
      json.put("description", d.description());
      Path trace = dir.writeTrace("difference.itf.json", itf(entry, r, m, d));
      json.put("trace", trace.toString());
      o.printf("difference kind=%s trace=%s%n", d.kind(), trace);
      o.println("  " + d.description());
      printTail(o, d);
      exit = ExitCodes.MISMATCH;
    }
    json.put("exit", exit);
    dir.writeJson("conform.json", json);
    if (!keepGraph) {
      Files.deleteIfExists(graph);
    }
    o.printf("done verdict=%s states=%d edges=%d exit=%d%n", json.get("verdict"),
        res.javaStates(), res.javaEdges(), exit);
    o.flush();
    return exit;
  }

  /** The last step of the difference: its label and the variables it changed. */
  private static void printTail(PrintWriter o, Conformance.Difference d) {
    List<Conformance.Step> t = d.trace();
    o.printf("  trace of %d states: %s%n", t.size(), String.join(" -> ", t.stream()
        .map(s -> s.label() == null ? "Init" : s.label()).toList()));
    Conformance.Step last = t.get(t.size() - 1);
    if (t.size() == 1) {
      last.state().forEach((k, v) -> o.printf("    %s = %s%n", k, v));
      return;
    }
    Map<String, Value> before = t.get(t.size() - 2).state();
    o.println("  its last step changes:");
    last.state().forEach((k, v) -> {
      if (!v.equals(before.get(k))) {
        o.printf("    %s: %s -> %s%n", k, before.get(k), v);
      }
    });
  }

  private static ItfTrace itf(ModelEntry entry, ModelEntry.Resolved r, Model<?, ?> m,
      Conformance.Difference d) {
    Map<String, Value> constants = new LinkedHashMap<>();
    r.constants().forEach((k, v) -> constants.put(k, Value.of(v)));
    TraceMeta meta = new TraceMeta(entry.id(), r.preset().name(), constants, null, "conform",
        d.kind().name(), null, "bfs", Main.tool(), d.description());
    List<ItfState> states = new ArrayList<>();
    for (int i = 0; i < d.trace().size(); i++) {
      Conformance.Step s = d.trace().get(i);
      states.add(new ItfState(i, i == 0 ? null : s.label(), Map.of(), s.state()));
    }
    return new ItfTrace(meta, m.tla().variables(), states);
  }
}
