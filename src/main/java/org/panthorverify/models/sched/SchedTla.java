package org.panthorverify.models.sched;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.Value;

/**
 * The view of {@code specs/scheduler/Scheduler.tla}. Its variables are the keys of {@link
 * SchedModel#describe}, in the same order (the spec declares them so), and hold what {@code
 * describe} shows in TLA+ form: slot, group, queue and VM bit masks become sets of ids; per-slot,
 * per-group, per-queue and per-VM lists become functions on {@code 0..n-1} ({@code SlotIds},
 * {@code GroupIds}, {@code QueueIds}, {@code VmIds}); the run lists, {@code stoppedGroups}, {@code
 * ctx}, {@code evicted}, {@code waiting} and {@code lru} stay sequences; enumerations are already
 * the spec's strings. The actions have the spec's operator names, so the default label is right.
 * The raw state is rendered (symmetry off).
 */
final class SchedTla implements TlaView<SchedState, SchedAction> {

  /** Variables holding a bit mask, which the spec has as a set of ids. */
  private static final Set<String> MASKS = Set.of("statusReq", "statusAck", "evtSync",
      "evtIdle", "evtOom", "fwIdle", "slotIdle", "destroyed", "timedout", "fatal", "badAck",
      "syncSb", "blocked", "termPending", "idle", "vmAs");

  /** Variables holding a per-slot, per-group, per-queue or per-VM list: functions on 0..n-1. */
  private static final Set<String> FUNCTIONS = Set.of("slotGroup", "slotPrio", "csgReq",
      "csgAck", "evtFatal", "life", "gState", "csgId", "oomWork", "sync", "timer", "since",
      "submitted", "executed", "signalled", "vmCnt", "leftSlot");

  private final SchedModel model;
  private final List<String> variables;

  SchedTla(SchedModel model) {
    this.model = model;
    this.variables = List.copyOf(model.variables());
  }

  @Override
  public List<String> variables() {
    return variables;
  }

  @Override
  public Map<String, Value> state(SchedState s) {
    Map<String, Value> raw = model.describe(s);
    Map<String, Value> out = new LinkedHashMap<>();
    for (String v : variables) {
      Value x = raw.get(v);
      if (x == null) {
        throw new IllegalStateException("describe gives no value for " + v);
      }
      if (MASKS.contains(v)) {
        out.put(v, TlaValues.bits(((Value.Int) x).value().longValueExact()));
      } else if (FUNCTIONS.contains(v)) {
        out.put(v, TlaValues.fn(0, ((Value.Seq) x).elements()));
      } else {
        out.put(v, x);
      }
    }
    return out;
  }

  @Override
  public Map<String, Value> constants() {
    SchedConfig c = model.config();
    if (c.variants().size() > 1) {
      return Map.of(); // the spec has one Variant at a time
    }
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("Slots", TlaValues.integer(c.slots()));
    out.put("Groups", TlaValues.integer(c.groups()));
    out.put("Queues", TlaValues.integer(c.queues()));
    out.put("Rt", TlaValues.integer(c.rt()));
    out.put("Jobs", TlaValues.integer(c.jobs()));
    out.put("AsSlots", TlaValues.integer(c.asSlots()));
    out.put("Vms", TlaValues.integer(c.vms()));
    out.put("Timeouts", TlaValues.bool(c.timeouts()));
    out.put("GroupDestroy", TlaValues.bool(c.destroy()));
    out.put("Faults", TlaValues.bool(c.faults()));
    out.put("Corrupt", TlaValues.bool(c.corrupt()));
    out.put("Oom", TlaValues.bool(c.oom()));
    out.put("SyncWait", TlaValues.bool(c.syncWait()));
    out.put("JobTimeouts", TlaValues.bool(c.jobTimeouts()));
    out.put("Create", TlaValues.bool(c.create()));
    out.put("VmBind", TlaValues.bool(c.vmBind()));
    out.put("Suspend", TlaValues.bool(c.suspend()));
    out.put("Moves", TlaValues.bool(c.moves()));
    out.put("Variant", TlaValues.str(c.variants().isEmpty() ? "none"
        : c.variants().iterator().next()));
    return out;
  }
}
