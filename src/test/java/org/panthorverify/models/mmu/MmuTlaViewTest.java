package org.panthorverify.models.mmu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
import org.panthorverify.models.mmu.MmuAction.Active;
import org.panthorverify.models.mmu.MmuState.W;
import org.panthorverify.tlc.TlaValueParser;

/**
 * The TLA+ view of the MMU model ({@link MmuTla}) against {@code specs/mmu/Mmu.tla}, without
 * running TLC: the variables are the spec's, states that TLC printed for {@code MC_small} are
 * states of the Java model seen through the view, every label names an operator of the spec and
 * the small config's labels are the ones TLC's graph of it has, and the five branches of
 * Active(Pick) get the spec's names. The whole graph is compared by {@code ./panthor-verify
 * conform mmu}.
 */
class MmuTlaViewTest {
  private static final Path SPEC = Path.of("specs/mmu/Mmu.tla");

  private static MmuConfig small(Set<String> variants) {
    return new MmuConfig(1, 2, 2, 1, 1, 1, false, false, false, false, variants);
  }

  private static final MmuModel SMALL = new MmuModel(small(Set.of()));

  /** MC_small's initial state, as TLC prints it (-dump dot). */
  private static final String TLC_INIT = """
      /\\ opPc = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ schG = 0 /\\ unusable = {} /\\ irqPc = 0
      /\\ lru = <<>> /\\ binds = 1 /\\ suspended = FALSE /\\ stuck = {}
      /\\ locked = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ asVm = (0 :> 0 @@ 1 :> -1) /\\ schAs = -1
      /\\ schVictim = -1 /\\ active = (0 :> 1 @@ 1 :> 0 @@ 2 :> 0) /\\ unhandled = {}
      /\\ swMask = 0..1 /\\ opLock = {} /\\ stalled = {} /\\ hangsLeft = 0
      /\\ asReg = (0 :> 0 @@ 1 :> -1) /\\ faulty = {} /\\ alloc = {0} /\\ lockHolder = 0
      /\\ irqAs = -1 /\\ asActive = {} /\\ recycled = FALSE /\\ asLock = (0 :> -1 @@ 1 :> -1)
      /\\ asEn = {0} /\\ asArg = (0 :> 0 @@ 1 :> 0) /\\ queue = (0 :> <<>> @@ 1 :> <<>> @@ 2 :> <<>>)
      /\\ opCtx = {} /\\ pt = (0 :> {} @@ 1 :> 0..0 @@ 2 :> 0..0) /\\ flags = {}
      /\\ asId = (0 :> 0 @@ 1 :> -1 @@ 2 :> -1) /\\ hwMask = 0..1 /\\ faultsLeft = 1
      /\\ evicted = FALSE /\\ ebusy = FALSE /\\ opFailed = {} /\\ opCode = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0)
      /\\ grp = (0 :> 0 @@ 1 :> 0) /\\ slotVm = (0 :> 0 @@ 1 :> -1) /\\ destroyed = {}
      /\\ resetPending = FALSE /\\ flushing = FALSE /\\ tlb = (0 :> (0 :> -1) @@ 1 :> (0 :> -1))
      /\\ schPc = 0 /\\ irqStatus = {} /\\ asCmd = (0 :> 0 @@ 1 :> 0) /\\ reenabled = FALSE
      /\\ raw = {}
      """;

  /** A state of MC_small's graph: a job queued, a translation cached, a group bound. */
  private static final String TLC_QUEUED = """
      /\\ opPc = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0) /\\ schG = 0 /\\ unusable = {} /\\ irqPc = 0
      /\\ lru = <<>> /\\ binds = 0 /\\ suspended = FALSE /\\ stuck = {}
      /\\ locked = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ asVm = (0 :> 0 @@ 1 :> 1) /\\ schAs = -1
      /\\ schVictim = -1 /\\ active = (0 :> 1 @@ 1 :> 1 @@ 2 :> 0) /\\ unhandled = {}
      /\\ swMask = 0..1 /\\ opLock = {} /\\ stalled = {} /\\ hangsLeft = 0
      /\\ asReg = (0 :> 0 @@ 1 :> 1) /\\ faulty = {} /\\ alloc = {0, 1} /\\ lockHolder = 0
      /\\ irqAs = -1 /\\ asActive = {} /\\ recycled = FALSE /\\ asLock = (0 :> -1 @@ 1 :> -1)
      /\\ asEn = {0, 1} /\\ asArg = (0 :> 0 @@ 1 :> 0)
      /\\ queue = (0 :> <<>> @@ 1 :> <<5>> @@ 2 :> <<>>) /\\ opCtx = {}
      /\\ pt = (0 :> {} @@ 1 :> 0..0 @@ 2 :> 0..0) /\\ flags = {}
      /\\ asId = (0 :> 0 @@ 1 :> 1 @@ 2 :> -1) /\\ hwMask = 0..1 /\\ faultsLeft = 1
      /\\ evicted = FALSE /\\ ebusy = FALSE /\\ opFailed = {} /\\ opCode = (0 :> 0 @@ 1 :> 0 @@ 2 :> 0)
      /\\ grp = (0 :> 2 @@ 1 :> 0) /\\ slotVm = (0 :> 0 @@ 1 :> 1) /\\ destroyed = {}
      /\\ resetPending = FALSE /\\ flushing = FALSE /\\ tlb = (0 :> (0 :> -1) @@ 1 :> (0 :> 1))
      /\\ schPc = 0 /\\ irqStatus = {} /\\ asCmd = (0 :> 0 @@ 1 :> 0) /\\ reenabled = FALSE
      /\\ raw = {}
      """;

  /** A state of MC_small's graph: the IRQ thread disabling faulty AS 1 under an LRU VM's op. */
  private static final String TLC_FAULT = """
      /\\ opPc = (0 :> 0 @@ 1 :> 16 @@ 2 :> 0) /\\ schG = 0 /\\ unusable = {} /\\ irqPc = 2
      /\\ lru = <<1>> /\\ binds = 0 /\\ suspended = FALSE /\\ stuck = {}
      /\\ locked = (0 :> -1 @@ 1 :> -1 @@ 2 :> -1) /\\ asVm = (0 :> 0 @@ 1 :> 1) /\\ schAs = -1
      /\\ schVictim = -1 /\\ active = (0 :> 1 @@ 1 :> 0 @@ 2 :> 0) /\\ unhandled = {1}
      /\\ swMask = {0} /\\ opLock = {1} /\\ stalled = {} /\\ hangsLeft = 0
      /\\ asReg = (0 :> 0 @@ 1 :> 1) /\\ faulty = {1} /\\ alloc = {0, 1} /\\ lockHolder = 2
      /\\ irqAs = 1 /\\ asActive = {} /\\ recycled = FALSE /\\ asLock = (0 :> -1 @@ 1 :> -1)
      /\\ asEn = {0, 1} /\\ asArg = (0 :> 0 @@ 1 :> 0)
      /\\ queue = (0 :> <<>> @@ 1 :> <<>> @@ 2 :> <<>>) /\\ opCtx = {1}
      /\\ pt = (0 :> {} @@ 1 :> {} @@ 2 :> 0..0) /\\ flags = {}
      /\\ asId = (0 :> 0 @@ 1 :> 1 @@ 2 :> -1) /\\ hwMask = {} /\\ faultsLeft = 0
      /\\ evicted = FALSE /\\ ebusy = FALSE /\\ opFailed = {} /\\ opCode = (0 :> 0 @@ 1 :> 3 @@ 2 :> 0)
      /\\ grp = (0 :> 0 @@ 1 :> 0) /\\ slotVm = (0 :> 0 @@ 1 :> 1) /\\ destroyed = {}
      /\\ resetPending = FALSE /\\ flushing = FALSE /\\ tlb = (0 :> (0 :> -1) @@ 1 :> (0 :> -1))
      /\\ schPc = 0 /\\ irqStatus = {} /\\ asCmd = (0 :> 0 @@ 1 :> 0) /\\ reenabled = FALSE
      /\\ raw = {}
      """;

  /** The action labels of TLC's graph of MC_small (-dump dot,actionlabels). */
  private static final Set<String> TLC_SMALL_LABELS = new TreeSet<>(List.of("ActiveDone",
      "ActiveEnable", "ActiveEnableWait", "ActiveEvictFlush", "ActiveEvictFlushWait",
      "ActiveEvictRelease", "ActiveEvictUnlock", "ActiveEvictUnlockWait", "ActiveLock",
      "ActivePickBound", "ActivePickEvict", "ActivePickFree", "ActivePickReenable", "AsCmdDone",
      "FlushDone", "GpuFault", "GpuWalk", "IrqDisableFlush", "IrqDisableFlushWait",
      "IrqDisableUpdate", "IrqDisableUpdateWait", "IrqDone", "IrqHandle", "IrqRaw",
      "KillFaulted", "OpDone", "OpEdit", "OpLock", "OpLockRegion", "OpLockRegionNoAs",
      "OpLockRegionWait", "OpUnlock", "OpUnlockFlushWait", "OpUnlockRegion",
      "OpUnlockRegionNone", "OpUnlockWait", "RunJob", "Submit", "SubmitAsync", "SubmitSync",
      "TickBind", "UnbindTo"));

  /** The names in the spec's VARIABLES declaration, in order. */
  private static List<String> specVariables() throws IOException {
    String text = Files.readString(SPEC);
    int from = text.indexOf("\nVARIABLES") + "\nVARIABLES".length();
    int to = text.indexOf("\nvars ==", from);
    String decl = text.substring(from, to).replaceAll("\\\\\\*[^\n]*", "");
    List<String> out = new ArrayList<>();
    for (String x : decl.split("[,\\s]+")) {
      if (!x.isEmpty()) {
        out.add(x);
      }
    }
    return out;
  }

  /** The operators the spec defines (a line {@code Name ==} or {@code Name(args) ==}). */
  private static Set<String> specOperators() throws IOException {
    Set<String> out = new HashSet<>();
    Matcher m = Pattern.compile("(?m)^([A-Za-z_][A-Za-z_0-9]*)(\\([^)]*\\))?\\s*==")
        .matcher(Files.readString(SPEC));
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Map<String, Value> view(MmuModel model, MmuState s) {
    return TlaValues.canonical(model.tla().state(s));
  }

  /** Every reachable state of {@code model}, seen through the view, with the labels taken. */
  private static Map<Map<String, Value>, MmuState> reachable(MmuModel model, Set<String> labels) {
    Map<Map<String, Value>, MmuState> seen = new HashMap<>();
    Set<MmuState> visited = new HashSet<>();
    ArrayDeque<MmuState> todo = new ArrayDeque<>(model.initialStates());
    visited.addAll(todo);
    while (!todo.isEmpty()) {
      MmuState s = todo.poll();
      MmuState other = seen.put(view(model, s), s);
      assertTrue(other == null || other.equals(s), "two Java states look the same in TLA+: "
          + s + " and " + other);
      for (MmuAction a : model.enabledActions(s)) {
        MmuState n = model.next(s, a);
        labels.add(model.tla().label(s, a, n));
        if (visited.add(n)) {
          todo.add(n);
        }
      }
    }
    return seen;
  }

  @Test
  void variables_areTheSpecsVariables_inDeclarationOrder() throws IOException {
    assertEquals(specVariables(), SMALL.tla().variables());
    assertEquals(SMALL.tla().variables(), List.copyOf(SMALL.tla().state(
        SMALL.initialStates().get(0)).keySet()));
  }

  @Test
  void initialState_isTlcsInitialState() {
    Map<String, Value> tlc = TlaValueParser.state(TLC_INIT);
    Map<String, Value> java = view(SMALL, SMALL.initialStates().get(0));
    assertEquals(new TreeSet<>(tlc.keySet()), new TreeSet<>(java.keySet()));
    for (String v : SMALL.tla().variables()) {
      assertEquals(tlc.get(v), java.get(v), v);
    }
  }

  @Test
  void smallConfig_statesTlcPrinted_areJavaStates_andLabelsAreTlcs() throws IOException {
    Set<String> labels = new TreeSet<>();
    Map<Map<String, Value>, MmuState> states = reachable(SMALL, labels);
    assertEquals(13_992, states.size());
    for (String text : List.of(TLC_INIT, TLC_QUEUED, TLC_FAULT)) {
      Map<String, Value> tlc = new LinkedHashMap<>();
      Map<String, Value> parsed = TlaValueParser.state(text);
      for (String v : SMALL.tla().variables()) {
        tlc.put(v, parsed.get(v));
      }
      assertTrue(states.containsKey(tlc), "TLC's state is not a Java state:\n" + text);
    }
    assertEquals(TLC_SMALL_LABELS, labels);
    Set<String> ops = specOperators();
    for (String l : labels) {
      assertTrue(ops.contains(l), l + " is not an operator of Mmu.tla");
    }
  }

  /** A small-config state at Active(Pick) for group 0 (VM 1), AS 1 held by VM 2. */
  private static W pickWithAsTaken(MmuModel model) {
    W w = model.initialStates().get(0).w(model.config());
    w.schPc = MmuModel.S_PICK;
    w.schG = 0;
    w.lockHolder = MmuState.LOCK_SCHED;
    w.opLock = 1 << 1;
    w.slotVm[1] = 2;
    w.asId[2] = 1;
    w.alloc = 0b11;
    return w;
  }

  private static String pickLabel(MmuModel model, W w) {
    MmuState s = w.pack();
    Active pick = new Active("Pick");
    assertTrue(model.enabledActions(s).contains(pick));
    return model.tla().label(s, pick, model.next(s, pick));
  }

  @Test
  void activePick_branches_haveTheSpecsNames() {
    W w = pickWithAsTaken(SMALL);
    assertEquals("ActivePickBusy", pickLabel(SMALL, w)); // no free AS, LRU empty
    w.lru.add(2);
    assertEquals("ActivePickEvict", pickLabel(SMALL, w));
    MmuModel evictActive = new MmuModel(small(Set.of(MmuModel.EVICT_ACTIVE)));
    assertEquals("ActivePickEvict", pickLabel(evictActive, pickWithAsTaken(evictActive)));
    w = pickWithAsTaken(SMALL);
    w.alloc = 0b01;
    w.slotVm[1] = -1;
    w.asId[2] = -1;
    assertEquals("ActivePickFree", pickLabel(SMALL, w));
    w.slotVm[1] = 1;
    w.asId[1] = 1;
    w.alloc = 0b11;
    assertEquals("ActivePickBound", pickLabel(SMALL, w));
    w.faulty = 0b10;
    assertEquals("ActivePickReenable", pickLabel(SMALL, w));
  }

  @Test
  void flags_areTheSpecsFlagNames() {
    W w = SMALL.initialStates().get(0).w(SMALL.config());
    w.flags = MmuState.F_RELEASED_BUSY | MmuState.F_MAP_UNUSABLE;
    assertEquals(TlaValueParser.value("{\"F_RELEASED_BUSY\", \"F_MAP_UNUSABLE\"}"),
        view(SMALL, w.pack()).get("flags"));
  }

  @Test
  void constants_areMcSmalls() {
    Map<String, Value> want = new LinkedHashMap<>();
    for (String[] kv : Arrays.asList(new String[][] {{"As", "1"}, {"Vms", "2"}, {"Groups", "2"},
        {"Pages", "1"}, {"Binds", "1"}, {"Faults", "1"}, {"Hang", "FALSE"},
        {"Destroy", "FALSE"}, {"AllocFail", "FALSE"}, {"Suspend", "FALSE"},
        {"Variant", "\"none\""}})) {
      want.put(kv[0], TlaValueParser.value(kv[1]));
    }
    assertEquals(want, TlaValues.canonical(SMALL.tla().constants()));
  }
}
