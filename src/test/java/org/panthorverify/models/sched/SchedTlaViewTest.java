package org.panthorverify.models.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.Value;
import org.panthorverify.registry.ConfigPreset;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.tlc.TlaValueParser;

/**
 * The TLA+ view of the scheduler ({@link SchedTla}) against {@code specs/scheduler/Scheduler.tla},
 * without running TLC: the variables are the spec's, in its order; states that TLC printed for
 * {@code MC_small} ({@code -dump dot}) are the Java initial state and a reachable Java state seen
 * through the view; every Java action is named after an operator of the spec's {@code Next}, and
 * the small config's labels are those of TLC's graph of it (but {@code Done}, the stuttering step
 * Java has as {@code isAcceptableEnd}); the view's constants are the MC files'. The whole graph is
 * compared by {@code ./panthor-verify conform scheduler}.
 */
class SchedTlaViewTest {
  private static final Path DIR = Path.of("specs/scheduler");
  private static final Path SPEC = DIR.resolve("Scheduler.tla");

  private static final ModelEntry ENTRY = ModelRegistry.standard().get("scheduler");

  private static SchedModel model(String config) {
    return (SchedModel) ENTRY.resolve(config, List.of(), null).create();
  }

  /** MC_small's initial state, as TLC prints it (-dump dot, its variables in TLC's order). */
  private static final String TLC_INIT = """
      /\\ badAck = {} /\\ syncUpd = FALSE /\\ fatal = {} /\\ slotGroup = (0 :> -1)
      /\\ stopTick = TRUE /\\ resetInProgress = FALSE /\\ lru = <<>>
      /\\ oomWork = (0 :> "none" @@ 1 :> "none" @@ 2 :> "none") /\\ idle = 0..2
      /\\ timedout = {} /\\ deadline = FALSE /\\ timer = (0 :> "off" @@ 1 :> "off" @@ 2 :> "off")
      /\\ slotPrio = (0 :> 0) /\\ evtFatal = (0 :> 0) /\\ stoppedGroups = <<>>
      /\\ since = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ statusAck = {} /\\ termPending = {}
      /\\ tick = "none" /\\ submitted = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0)
      /\\ signalled = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ csgReq = (0 :> "terminate")
      /\\ vmCnt = (0 :> 0) /\\ evtOom = {} /\\ mightIdle = FALSE
      /\\ leftSlot = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ syncSb = {} /\\ elapsed = TRUE
      /\\ phase = "idle" /\\ vmAs = {} /\\ fwIdle = {} /\\ statusReq = {} /\\ hung = FALSE
      /\\ unrec = FALSE /\\ life = (0 :> "ready" @@ 1 :> "ready" @@ 2 :> "ready") /\\ uaf = FALSE
      /\\ pm = "active" /\\ csgId = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ used = 0
      /\\ stopped = TRUE /\\ runnable0 = <<>> /\\ runnable1 = <<>> /\\ evtSync = {}
      /\\ evicted = <<>> /\\ ebusy = FALSE /\\ executed = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0)
      /\\ idle0 = <<1, 2>> /\\ idle1 = <<0>> /\\ slotIdle = {} /\\ destroyed = {}
      /\\ resetPending = FALSE /\\ hasRef = FALSE /\\ waiting = <<>> /\\ full = FALSE
      /\\ blocked = {} /\\ ctx = <<>> /\\ sync = (0 :> "none" @@ 1 :> "none" @@ 2 :> "none")
      /\\ evtIdle = {} /\\ csgAck = (0 :> "terminate")
      /\\ gState = (0 :> "created" @@ 1 :> "created" @@ 2 :> "created")
      """;

  /** A state of MC_small's graph: the RT group bound and started mid-tick, group 1 runnable. */
  private static final String TLC_EVICT = """
      /\\ badAck = {} /\\ syncUpd = FALSE /\\ fatal = {} /\\ slotGroup = (0 :> 0)
      /\\ stopTick = TRUE /\\ resetInProgress = FALSE /\\ lru = <<>>
      /\\ oomWork = (0 :> "none" @@ 1 :> "none" @@ 2 :> "none") /\\ idle = {2}
      /\\ timedout = {} /\\ deadline = TRUE /\\ timer = (0 :> "off" @@ 1 :> "off" @@ 2 :> "off")
      /\\ slotPrio = (0 :> 15) /\\ evtFatal = (0 :> 0) /\\ stoppedGroups = <<>>
      /\\ since = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ statusAck = {0} /\\ termPending = {}
      /\\ tick = "none" /\\ submitted = (0 :> 1 @@ 1 :> 1 @@ 2 :> 0)
      /\\ signalled = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ csgReq = (0 :> "start")
      /\\ vmCnt = (0 :> 0) /\\ evtOom = {} /\\ mightIdle = FALSE
      /\\ leftSlot = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ syncSb = {} /\\ elapsed = TRUE
      /\\ phase = "evict" /\\ vmAs = {} /\\ fwIdle = {} /\\ statusReq = {0} /\\ hung = FALSE
      /\\ unrec = FALSE /\\ life = (0 :> "ready" @@ 1 :> "ready" @@ 2 :> "ready") /\\ uaf = FALSE
      /\\ pm = "active" /\\ csgId = (0 :> 0 @@ 1 :> -1 @@ 2 :> -1) /\\ used = 1
      /\\ stopped = FALSE /\\ runnable0 = <<1>> /\\ runnable1 = <<>> /\\ evtSync = {}
      /\\ evicted = <<>> /\\ ebusy = FALSE /\\ executed = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0)
      /\\ idle0 = <<2>> /\\ idle1 = <<>> /\\ slotIdle = {} /\\ destroyed = {}
      /\\ resetPending = FALSE /\\ hasRef = FALSE /\\ waiting = <<>> /\\ full = TRUE
      /\\ blocked = {} /\\ ctx = <<0>> /\\ sync = (0 :> "none" @@ 1 :> "none" @@ 2 :> "none")
      /\\ evtIdle = {} /\\ csgAck = (0 :> "start")
      /\\ gState = (0 :> "active" @@ 1 :> "created" @@ 2 :> "created")
      """;

  /** The spec's VARIABLES, in declaration order (each line's first identifier). */
  private static List<String> specVariables() throws IOException {
    String tla = Files.readString(SPEC);
    int start = tla.indexOf("\nVARIABLES\n") + "\nVARIABLES\n".length();
    int end = tla.indexOf("\n\n", start);
    List<String> out = new ArrayList<>();
    Pattern var = Pattern.compile("^\\s+([A-Za-z][A-Za-z0-9_]*)\\s*,?\\s*(\\\\\\*.*)?$");
    for (String line : tla.substring(start, end).split("\n")) {
      Matcher m = var.matcher(line);
      if (m.matches()) {
        out.add(m.group(1));
      }
    }
    return out;
  }

  /** The canonical state of {@code s} through the view, keyed by the view's variables. */
  private static Map<String, Value> render(SchedTla view, SchedState s) {
    Map<String, Value> raw = view.state(s);
    assertEquals(new TreeSet<>(view.variables()), new TreeSet<>(raw.keySet()));
    Map<String, Value> out = new LinkedHashMap<>();
    for (String v : view.variables()) {
      out.put(v, TlaValues.canonical(raw.get(v)));
    }
    return out;
  }

  /** TLC's state, its variables in the view's order. */
  private static Map<String, Value> tlc(SchedTla view, String text) {
    Map<String, Value> parsed = TlaValueParser.state(text);
    assertEquals(new TreeSet<>(view.variables()), new TreeSet<>(parsed.keySet()));
    Map<String, Value> out = new LinkedHashMap<>();
    for (String v : view.variables()) {
      out.put(v, parsed.get(v));
    }
    return out;
  }

  @Test
  void variablesAreTheSpecs() throws IOException {
    List<String> spec = specVariables();
    assertEquals(60, spec.size());
    assertEquals(spec, model("small").tla().variables());
  }

  @Test
  void initialStateIsTlcs() {
    SchedModel m = model("small");
    SchedTla view = (SchedTla) m.tla();
    List<SchedState> inits = m.initialStates();
    assertEquals(1, inits.size());
    assertEquals(tlc(view, TLC_INIT), render(view, inits.get(0)));
  }

  @Test
  void smallGraphHasTlcStateAndLabels() throws IOException {
    SchedModel m = model("small");
    SchedTla view = (SchedTla) m.tla();
    Map<String, Value> wanted = tlc(view, TLC_EVICT);
    Set<SchedState> seen = new HashSet<>(m.initialStates());
    ArrayDeque<SchedState> todo = new ArrayDeque<>(seen);
    Set<String> labels = new TreeSet<>();
    boolean found = false;
    while (!todo.isEmpty()) {
      SchedState s = todo.poll();
      found |= render(view, s).equals(wanted);
      for (SchedAction a : m.enabledActions(s)) {
        SchedState n = m.next(s, a);
        labels.add(view.label(s, a, n));
        if (seen.add(n)) {
          todo.add(n);
        }
      }
    }
    assertEquals(13_788, seen.size());
    assertTrue(found, "TLC's state of MC_small is a reachable Java state seen through the view");
    // the labels of TLC's graph of MC_small but Done
    assertEquals(new TreeSet<>(List.of("EventsWork", "FwCsgAck", "FwIdle", "FwRunJob",
        "FwStatusAck", "SubmitJob", "TickEvictDone", "TickFinish", "TickPick", "TickStart",
        "TimesliceEnds")), labels);
  }

  @Test
  void everyActionIsANextDisjunct() throws IOException {
    String tla = Files.readString(SPEC);
    String next = tla.substring(tla.indexOf("\nNext ==\n"), tla.indexOf("\nSpec =="));
    SchedModel m = new SchedModel(new SchedConfig(2, 3, 2, 1, 1, 1, 2, true, true, true, true,
        true, true, true, true, true, true, true, false, Set.of()));
    Set<String> names = new TreeSet<>();
    for (SchedAction a : m.actions()) {
      names.add(m.tla().label(m.initialStates().get(0), a, m.initialStates().get(0)));
    }
    assertEquals(33, names.size());
    for (String n : names) {
      assertTrue(Pattern.compile("\\b" + n + "\\b").matcher(next).find(), n + " is in Next");
      assertTrue(Pattern.compile("(?m)^" + n + "(\\(.*\\))? ==").matcher(tla).find(),
          n + " is an operator of the spec");
    }
  }

  /** Constant name to its value's text, from MC_config.cfg and MC_config.tla. */
  private static Map<String, String> mcConstants(String config) throws IOException {
    String tla = Files.readString(DIR.resolve("MC_" + config + ".tla"));
    Map<String, String> defs = new LinkedHashMap<>();
    Matcher d = Pattern.compile("(?m)^(MC_[A-Za-z]+) == (.*)$").matcher(tla);
    while (d.find()) {
      defs.put(d.group(1), d.group(2).trim());
    }
    Map<String, String> out = new LinkedHashMap<>();
    Pattern c = Pattern.compile("^\\s+([A-Za-z]+) (=|<-) (\\S+)$");
    for (String line : Files.readAllLines(DIR.resolve("MC_" + config + ".cfg"))) {
      Matcher x = c.matcher(line);
      if (x.matches()) {
        out.put(x.group(1), x.group(2).equals("<-") ? defs.get(x.group(3)) : x.group(3));
      }
    }
    return out;
  }

  @Test
  void constantsAreTheMcFiles() throws IOException {
    int checked = 0;
    for (ConfigPreset p : ENTRY.configs()) {
      if (!Files.exists(DIR.resolve("MC_" + p.name() + ".cfg"))) {
        continue;
      }
      Map<String, String> mc = mcConstants(p.name());
      Map<String, Value> view = model(p.name()).tla().constants();
      assertEquals(19, view.size(), p.name());
      assertEquals(mc.keySet(), view.keySet(), p.name());
      for (Map.Entry<String, Value> e : view.entrySet()) {
        assertEquals(TlaValueParser.value(mc.get(e.getKey())), TlaValues.canonical(e.getValue()),
            p.name() + " " + e.getKey());
      }
      checked++;
    }
    assertEquals(14, checked, "every preset has its MC files");
  }
}
