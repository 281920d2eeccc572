package org.panthorverify.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.panthorverify.core.UserInputException;
import org.panthorverify.models.fwhandshake.FwConfig;
import org.panthorverify.models.fwhandshake.FwModel;
import org.panthorverify.models.sched.SchedConfig;
import org.panthorverify.models.sched.SchedModel;
import org.panthorverify.models.testkit.DieHardModel;
import org.panthorverify.models.testkit.PhilosophersModel;
import org.panthorverify.models.testkit.TwoPhaseModel;

/** The models panthor-verify knows, in the order {@code list} and {@code check all} show them. */
public final class ModelRegistry {
  private final List<ModelEntry> models;

  private ModelRegistry(List<ModelEntry> models) {
    this.models = List.copyOf(models);
  }

  /** A registry of exactly these entries (for tests). */
  public static ModelRegistry of(List<ModelEntry> entries) {
    return new ModelRegistry(entries);
  }

  /** Every model of panthor-verify. */
  public static ModelRegistry standard() {
    return new ModelRegistry(
        List.of(fwHandshake(), sched(), mmu(), twoPhase(), dieHard(), philosophers()));
  }

  public List<ModelEntry> models() {
    return models;
  }

  /** The model with this id; a user error listing the valid ids otherwise. */
  public ModelEntry get(String id) {
    return find(id).orElseThrow(() -> new UserInputException("unknown model '" + id
        + "'; valid: " + String.join(", ", models.stream().map(ModelEntry::id).toList())));
  }

  public Optional<ModelEntry> find(String id) {
    return models.stream().filter(m -> m.id().equals(id)).findFirst();
  }

  static ModelEntry fwHandshake() {
    List<VariantDef> variants = new java.util.ArrayList<>();
    FwModel.VARIANTS.forEach((id, v) -> variants.add(new VariantDef(id, v[1], v[0])));
    return new ModelEntry(
        "fw-handshake",
        "host <-> MCU firmware handshake and device lifecycle (probe, reset, PM, unplug)",
        List.of(ConstantDef.integer("slots", "CSG slots (one CS each)", 1, 4),
            ConstantDef.bool("hang", "the FW may hang"),
            ConstantDef.bool("unplug", "the device may be unplugged at any time"),
            ConstantDef.bool("suspend", "runtime PM may suspend and resume the device"),
            ConstantDef.bool("events", "the FW raises CSG and CS events"),
            ConstantDef.bool("flush", "GPU cache flushes are modelled")),
        List.of(
            new ConfigPreset("small", "1 slot; no hang, unplug, suspend, CSG events or flush",
                Map.of("slots", 1, "hang", 0, "unplug", 0, "suspend", 0, "events", 0, "flush", 0),
                33_465, 38,
                ConfigPreset.PASSED),
            new ConfigPreset("default", "1 slot; FW hangs, unplug, runtime suspend",
                Map.of("slots", 1, "hang", 1, "unplug", 1, "suspend", 1, "events", 0, "flush", 0),
                1_938_915, 76,
                ConfigPreset.PASSED),
            new ConfigPreset("large", "1 slot; FW hangs, unplug, runtime suspend, CSG events",
                Map.of("slots", 1, "hang", 1, "unplug", 1, "suspend", 1, "events", 1, "flush", 0),
                36_308_717, 80,
                ConfigPreset.PASSED)),
        variants,
        "fw-handshake",
        (c, v) -> new FwModel(new FwConfig(c.get("slots"), c.get("hang") != 0,
            c.get("unplug") != 0, c.get("suspend") != 0, c.get("events") != 0,
            c.get("flush") != 0,
            v == null ? java.util.Set.of() : java.util.Set.of(v))));
  }

  static ModelEntry sched() {
    List<VariantDef> variants = new java.util.ArrayList<>();
    SchedModel.VARIANTS.forEach((id, v) -> variants.add(new VariantDef(id, v[1], v[0])));
    return new ModelEntry(
        "scheduler",
        "the CSG scheduler: groups, run lists, the three-phase tick, slot priorities, reset",
        List.of(ConstantDef.integer("slots", "CSG slots", 1, 4),
            ConstantDef.integer("groups", "groups", 1, 6),
            ConstantDef.integer("queues", "queues per group (groups x queues <= 8)", 1, 2),
            ConstantDef.integer("rt", "RT groups (the others are MEDIUM)", 0, 6),
            ConstantDef.integer("jobs", "jobs per queue", 1, 3),
            ConstantDef.integer("as", "user AS slots (the AS budget)", 1, 4),
            ConstantDef.integer("vms", "VMs (group g uses VM min(g, vms-1))", 1, 6),
            ConstantDef.bool("timeouts", "CSG requests may time out (the FW may hang)"),
            ConstantDef.bool("destroy", "userspace may destroy groups"),
            ConstantDef.bool("faults", "the FW may raise CS_FATAL and CS_UNRECOVERABLE"),
            ConstantDef.bool("corrupt", "the FW may corrupt a CSG_STATE ack"),
            ConstantDef.bool("oom", "the FW may raise TILER_OOM (tiler heap growth)"),
            ConstantDef.bool("syncwait", "queues may block on sync objects (the waiting list)"),
            ConstantDef.bool("jobtimeouts", "per-queue job timeouts (abstract clock)"),
            ConstantDef.bool("create", "groups are created concurrently (GROUP_CREATE)"),
            ConstantDef.bool("vmbind", "explicit AS slots: panthor_vm_active with the LRU; an"
                + " AS enable may fail"),
            ConstantDef.bool("suspend", "system and runtime PM suspend/resume of the device"),
            ConstantDef.bool("moves", "remember the slot each group last left (for the witness"
                + " ResumedElsewhere)"),
            ConstantDef.bool("symmetry", "reduce by renaming interchangeable groups (same band,"
                + " same VM)")),
        List.of(
            new ConfigPreset("small", "1 slot, 3 groups (1 RT), 1 job each, 1 AS, 1 VM",
                schedConstants(1, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0),
                13_788, 56, ConfigPreset.PASSED),
            new ConfigPreset("default",
                "2 slots, 3 groups (1 RT), 1 job each, 1 AS for 2 VMs, FW hangs and timeouts",
                schedConstants(2, 3, 1, 1, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0),
                1_098_337, 70, ConfigPreset.PASSED),
            new ConfigPreset("destroy",
                "1 slot, 3 groups (1 RT), 1 job each, group destroy",
                schedConstants(1, 3, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 0),
                1_267_892, 60, ConfigPreset.PASSED),
            new ConfigPreset("faults",
                "1 slot, 2 groups (1 RT), 1 job each, CS_FATAL/CS_UNRECOVERABLE, corrupted acks",
                schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 0),
                329_715, 54, ConfigPreset.PASSED),
            new ConfigPreset("oom",
                "1 slot, 2 groups (1 RT), 1 job each, TILER_OOM and the heap-growth work",
                schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0, 0),
                371_865, 51, ConfigPreset.PASSED),
            new ConfigPreset("create",
                "1 slot, 2 groups (1 RT), 1 job each, groups created and destroyed concurrently",
                schedConstants(1, 2, 1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 0, 1),
                30_860, 46, ConfigPreset.PASSED),
            new ConfigPreset("syncwait",
                "1 slot, 2 groups (1 RT), 1 job each, sync waits and the waiting list",
                schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0),
                27_422, 58, ConfigPreset.PASSED),
            new ConfigPreset("jobtimeouts",
                "1 slot, 2 groups (1 RT), 2 jobs each, per-queue job timeouts",
                schedConstants(1, 2, 1, 2, 1, 1, 0, 0, 0, 0, 0, 0, 1, 0),
                347_056, 63, ConfigPreset.PASSED),
            new ConfigPreset("vmbind",
                "2 slots, 3 groups (1 RT), 1 job each, 1 AS for 2 VMs: explicit AS slots with"
                    + " the LRU, AS enables that fail",
                with(schedConstants(2, 3, 1, 1, 1, 2, 0, 0, 0, 0, 0, 0, 0, 0), "vmbind"),
                167_720, 62, ConfigPreset.PASSED),
            new ConfigPreset("suspend",
                "2 slots, 3 groups (1 RT), 1 job each, 1 AS, system and runtime suspend/resume,"
                    + " the slot each group left",
                with(schedConstants(2, 3, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0), "suspend", "moves"),
                782_301, 79, ConfigPreset.PASSED),
            new ConfigPreset("queues",
                "1 slot, 2 groups (1 RT) of 2 queues, 1 job each",
                queues(schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)),
                64_984, 58, ConfigPreset.PASSED),
            new ConfigPreset("queuesync",
                "1 slot, 2 groups (1 RT) of 2 queues, 1 job each, queue 0 may block on a sync"
                    + " object beside queue 1",
                queues(schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 0, 0)),
                1_925_847, 73, ConfigPreset.PASSED),
            new ConfigPreset("blockedtimeout",
                "1 slot, 2 groups (1 RT), 1 job each, sync waits and job timeouts together (the"
                    + " timer of a blocked queue of an idle group keeps running)",
                schedConstants(1, 2, 1, 1, 1, 1, 0, 0, 0, 0, 0, 1, 1, 0),
                1_100_458, 59, ConfigPreset.PASSED),
            new ConfigPreset("large",
                "2 slots, 3 groups (1 RT), 2 jobs each, 1 AS for 2 VMs, FW hangs and timeouts",
                schedConstants(2, 3, 1, 2, 1, 2, 1, 0, 0, 0, 0, 0, 0, 0),
                31_565_957, 81, ConfigPreset.PASSED)),
        variants,
        "scheduler",
        (c, v) -> new SchedModel(new SchedConfig(c.get("slots"), c.get("groups"),
            c.get("queues"), c.get("rt"),
            c.get("jobs"), c.get("as"), c.get("vms"), c.get("timeouts") != 0,
            c.get("destroy") != 0, c.get("faults") != 0, c.get("corrupt") != 0, c.get("oom") != 0, c.get("syncwait") != 0,
            c.get("jobtimeouts") != 0,
            c.get("create") != 0, c.get("vmbind") != 0, c.get("suspend") != 0,
            c.get("moves") != 0, c.get("symmetry") != 0,
            v == null ? java.util.Set.of() : java.util.Set.of(v))));
  }

  /** {@code constants} with two queues per group. */
  private static Map<String, Integer> queues(Map<String, Integer> constants) {
    constants.put("queues", 2);
    return constants;
  }

  /** {@code constants} with the named flags set to 1. */
  private static Map<String, Integer> with(Map<String, Integer> constants, String... flags) {
    for (String f : flags) {
      if (constants.put(f, 1) == null) {
        throw new IllegalArgumentException("no constant " + f);
      }
    }
    return constants;
  }

  /** The constants of a sched preset, in the order of its ConstantDefs. */
  private static Map<String, Integer> schedConstants(int slots, int groups, int rt, int jobs,
      int as, int vms, int timeouts, int destroy, int faults, int corrupt, int oom,
      int syncwait, int jobtimeouts, int create) {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    m.put("slots", slots);
    m.put("groups", groups);
    m.put("queues", 1);
    m.put("rt", rt);
    m.put("jobs", jobs);
    m.put("as", as);
    m.put("vms", vms);
    m.put("timeouts", timeouts);
    m.put("destroy", destroy);
    m.put("faults", faults);
    m.put("corrupt", corrupt);
    m.put("oom", oom);
    m.put("syncwait", syncwait);
    m.put("jobtimeouts", jobtimeouts);
    m.put("create", create);
    m.put("vmbind", 0);
    m.put("suspend", 0);
    m.put("moves", 0);
    m.put("symmetry", 0);
    return m;
  }

  static ModelEntry mmu() {
    List<VariantDef> variants = new java.util.ArrayList<>();
    org.panthorverify.models.mmu.MmuModel.VARIANTS.forEach(
        (id, v) -> variants.add(new VariantDef(id, v[1], v[0])));
    return new ModelEntry(
        "mmu",
        "MMU address spaces and VM management (G3): AS slots and the LRU, AS commands, VM_BIND"
            + " with locked regions, faults, reset",
        List.of(ConstantDef.integer("as", "user AS slots (AS 0, the MCU's, on top)", 1, 3),
            ConstantDef.integer("vms", "user VMs", 1, 3),
            ConstantDef.integer("groups", "groups (group g uses VM g % vms)", 1, 3),
            ConstantDef.integer("pages", "VA pages per VM", 1, 2),
            ConstantDef.integer("binds", "VM_BIND operations userspace may submit", 0, 4),
            ConstantDef.integer("faults", "GPU page faults that may happen", 0, 3),
            ConstantDef.bool("hang", "an AS may get stuck with AS_ACTIVE set (reset)"),
            ConstantDef.bool("destroy", "userspace may destroy VMs"),
            ConstantDef.bool("allocfail", "a page-table edit may fail (VM declared unusable)"),
            ConstantDef.bool("suspend", "the device may runtime-suspend and resume")),
        List.of(
            new ConfigPreset("small", "1 AS, 2 VMs, 2 groups, 1 page, 1 bind, 1 fault",
                mmuConstants(1, 2, 2, 1, 1, 1, 0, 0, 0), 13_992, 61, ConfigPreset.PASSED),
            new ConfigPreset("default",
                "1 AS, 2 VMs, 2 groups, 1 page, 2 binds, 1 fault, hangs, allocation failures",
                mmuConstants(1, 2, 2, 1, 2, 1, 1, 0, 1), 1_528_247, 91, ConfigPreset.PASSED),
            new ConfigPreset("evict", "2 AS, 3 VMs, 3 groups: eviction with an active VM"
                + " around; no binds or faults",
                mmuConstants(2, 3, 3, 1, 0, 0, 0, 0, 0), 6_872, 41, ConfigPreset.PASSED),
            new ConfigPreset("suspend", "small with runtime suspend and resume",
                mmuConstants(1, 2, 2, 1, 1, 1, 0, 0, 0, 1), 20_648, 62, ConfigPreset.PASSED),
            new ConfigPreset("large",
                "default with VM destroy and 2 faults",
                mmuConstants(1, 2, 2, 1, 2, 2, 1, 1, 1), 16_056_525, 118,
                ConfigPreset.PASSED)),
        variants,
        "mmu",
        (c, v) -> new org.panthorverify.models.mmu.MmuModel(
            new org.panthorverify.models.mmu.MmuConfig(c.get("as"), c.get("vms"),
                c.get("groups"), c.get("pages"), c.get("binds"), c.get("faults"),
                c.get("hang") != 0, c.get("destroy") != 0, c.get("allocfail") != 0,
                c.get("suspend") != 0, v == null ? java.util.Set.of() : java.util.Set.of(v))));
  }

  private static Map<String, Integer> mmuConstants(int as, int vms, int groups, int pages,
      int binds, int faults, int hang, int destroy, int allocfail) {
    return mmuConstants(as, vms, groups, pages, binds, faults, hang, destroy, allocfail, 0);
  }

  private static Map<String, Integer> mmuConstants(int as, int vms, int groups, int pages,
      int binds, int faults, int hang, int destroy, int allocfail, int suspend) {
    Map<String, Integer> m = new java.util.LinkedHashMap<>();
    m.put("as", as);
    m.put("vms", vms);
    m.put("groups", groups);
    m.put("pages", pages);
    m.put("binds", binds);
    m.put("faults", faults);
    m.put("hang", hang);
    m.put("destroy", destroy);
    m.put("allocfail", allocfail);
    m.put("suspend", suspend);
    return m;
  }

  static ModelEntry twoPhase() {
    return new ModelEntry(
        "twophase",
        "Gray and Lamport's two-phase commit (testkit; the benchmark against TLC)",
        List.of(ConstantDef.integer("rm", "number of resource managers", 1, 16)),
        List.of(
            new ConfigPreset("small", "3 RMs", Map.of("rm", 3), 288, 11, ConfigPreset.PASSED),
            new ConfigPreset("default", "7 RMs", Map.of("rm", 7), 296_448, 23,
                ConfigPreset.PASSED),
            new ConfigPreset("large", "9 RMs (the benchmark)", Map.of("rm", 9), 10_340_352, 29,
                ConfigPreset.PASSED)),
        List.of(new VariantDef(TwoPhaseModel.COMMIT_WITHOUT_PREPARE,
            "the TM commits before every RM has prepared, so a working RM can still abort",
            "Consistent")),
        "testkit",
        (c, v) -> new TwoPhaseModel(c.get("rm"), v));
  }

  static ModelEntry dieHard() {
    return new ModelEntry(
        "diehard",
        "Die Hard water jugs (testkit: an invariant violated at depth 7)",
        List.of(),
        List.of(new ConfigPreset("default", "3- and 5-gallon jugs", Map.of(), 14, 7,
            "NotSolved")),
        List.of(),
        null,
        (c, v) -> new DieHardModel());
  }

  static ModelEntry philosophers() {
    return new ModelEntry(
        "philosophers",
        "Dining philosophers, left fork first (testkit: a deadlock)",
        List.of(ConstantDef.integer("n", "number of philosophers", 2, 12)),
        List.of(new ConfigPreset("default", "3 philosophers", Map.of("n", 3), 14, 4,
            "Deadlock")),
        List.of(),
        null,
        (c, v) -> new PhilosophersModel(c.get("n")));
  }
}
