package org.panthorverify.models.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.PackedSuccessors;
import org.panthorverify.core.StateCodec;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.core.Value;

/**
 * Gray and Lamport's two-phase commit protocol, the Java twin of {@code
 * specs/testkit/TwoPhase.tla} (same variables, same action names). With 7, 8, 9 and 10 resource
 * managers it has 296,448 / 1,745,408 / 10,340,352 / 61,515,776 distinct states.
 *
 * <p>The state is packed into four ints (two bits of {@code rmState} per RM, bit masks for the
 * sets) so that the benchmark measures the explorer, not the allocator.
 */
public final class TwoPhaseModel implements Model<TwoPhaseModel.State, TwoPhaseModel.TwoPhaseAction> {
  /** RM states, as in the spec. */
  static final String[] RM_STATES = {"working", "prepared", "committed", "aborted"};

  static final int WORKING = 0;
  static final int PREPARED = 1;
  static final int COMMITTED = 2;
  static final int ABORTED = 3;
  /** TM states. */
  static final String[] TM_STATES = {"init", "committed", "aborted"};

  /**
   * A state of the protocol.
   *
   * @param rmState two bits per RM: 0 working, 1 prepared, 2 committed, 3 aborted
   * @param tmState 0 init, 1 committed, 2 aborted
   * @param tmPrepared bit r set when the TM received "Prepared" from RM r
   * @param msgs bit r for [type |-> "Prepared", rm |-> r]; bit 30 "Commit"; bit 31 "Abort"
   */
  public record State(int rmState, int tmState, int tmPrepared, int msgs) {
    int rm(int r) {
      return (rmState >>> (2 * r)) & 3;
    }

    State withRm(int r, int s) {
      return new State((rmState & ~(3 << (2 * r))) | (s << (2 * r)), tmState, tmPrepared, msgs);
    }
  }

  static final int COMMIT_MSG = 1 << 30;
  static final int ABORT_MSG = 1 << 31;

  /** The actions, named as in the spec. */
  public sealed interface TwoPhaseAction extends Action {
    /** Whether the action is enabled in {@code s}. */
    boolean enabled(State s, TwoPhaseModel m);

    /** The successor; only called when enabled. */
    State apply(State s, TwoPhaseModel m);
  }

  /** An action of one resource manager; its parameter is shown as the spec's {@code r}. */
  sealed interface RmAction extends TwoPhaseAction {
    int rm();

    @Override
    default Map<String, Value> params() {
      return Map.of("r", Value.of("r" + (rm() + 1)));
    }
  }

  /** The TM commits once every RM is prepared. */
  public record TMCommit() implements TwoPhaseAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return s.tmState() == 0 && (s.tmPrepared() == m.all || m.commitWithoutPrepare);
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return new State(s.rmState(), 1, s.tmPrepared(), s.msgs() | COMMIT_MSG);
    }
  }

  /** The TM aborts before deciding. */
  public record TMAbort() implements TwoPhaseAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return s.tmState() == 0;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return new State(s.rmState(), 2, s.tmPrepared(), s.msgs() | ABORT_MSG);
    }
  }

  /** The TM receives "Prepared" from RM {@code rm}. */
  public record TMRcvPrepared(int rm) implements RmAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return s.tmState() == 0 && (s.msgs() & (1 << rm)) != 0;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return new State(s.rmState(), s.tmState(), s.tmPrepared() | (1 << rm), s.msgs());
    }
  }

  /** A working RM prepares and tells the TM. */
  public record RMPrepare(int rm) implements RmAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return s.rm(rm) == WORKING;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      State t = s.withRm(rm, PREPARED);
      return new State(t.rmState(), t.tmState(), t.tmPrepared(), t.msgs() | (1 << rm));
    }
  }

  /** A working RM aborts on its own. */
  public record RMChooseToAbort(int rm) implements RmAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return s.rm(rm) == WORKING;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return s.withRm(rm, ABORTED);
    }
  }

  /** An RM receives "Commit". */
  public record RMRcvCommitMsg(int rm) implements RmAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return (s.msgs() & COMMIT_MSG) != 0;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return s.withRm(rm, COMMITTED);
    }
  }

  /** An RM receives "Abort". */
  public record RMRcvAbortMsg(int rm) implements RmAction {
    @Override
    public boolean enabled(State s, TwoPhaseModel m) {
      return (s.msgs() & ABORT_MSG) != 0;
    }

    @Override
    public State apply(State s, TwoPhaseModel m) {
      return s.withRm(rm, ABORTED);
    }
  }

  /** The seeded bug: the TM commits without waiting for every "Prepared". */
  public static final String COMMIT_WITHOUT_PREPARE = "commit-without-prepare";

  private final int rms;
  private final int all;
  private final TwoPhaseAction[] actions;
  private final boolean commitWithoutPrepare;

  /** Two-phase commit with {@code rms} resource managers (1 to 16). */
  public TwoPhaseModel(int rms) {
    this(rms, null);
  }

  /**
   * Two-phase commit with {@code rms} resource managers and an optional seeded bug ({@link
   * #COMMIT_WITHOUT_PREPARE}).
   */
  public TwoPhaseModel(int rms, String variant) {
    if (variant != null && !variant.equals(COMMIT_WITHOUT_PREPARE)) {
      throw new IllegalArgumentException("unknown variant " + variant);
    }
    this.commitWithoutPrepare = variant != null;
    if (rms < 1 || rms > 16) {
      throw new IllegalArgumentException("rm must be between 1 and 16, was " + rms);
    }
    this.rms = rms;
    this.all = (1 << rms) - 1;
    List<TwoPhaseAction> a = new ArrayList<>();
    a.add(new TMCommit());
    a.add(new TMAbort());
    for (int r = 0; r < rms; r++) {
      a.add(new TMRcvPrepared(r));
      a.add(new RMPrepare(r));
      a.add(new RMChooseToAbort(r));
      a.add(new RMRcvCommitMsg(r));
      a.add(new RMRcvAbortMsg(r));
    }
    this.actions = a.toArray(new TwoPhaseAction[0]);
  }

  @Override
  public String name() {
    return "twophase";
  }

  @Override
  public List<String> variables() {
    return List.of("rmState", "tmState", "tmPrepared", "msgs");
  }

  @Override
  public List<State> initialStates() {
    return List.of(new State(0, 0, 0, 0));
  }

  /**
   * The enabled actions in the order TMCommit, TMAbort, then per RM TMRcvPrepared, RMPrepare,
   * RMChooseToAbort, RMRcvCommitMsg, RMRcvAbortMsg. (The BFS takes the packed path, {@link
   * #packedSuccessors()}; this object path serves DFS, simulation, traces and replay.)
   */
  @Override
  public List<TwoPhaseAction> enabledActions(State s) {
    List<TwoPhaseAction> out = new ArrayList<>(2 + rms * 2);
    for (TwoPhaseAction a : actions) {
      if (a.enabled(s, this)) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public State next(State s, TwoPhaseAction a) {
    return a.apply(s, this);
  }

  @Override
  public List<String> actionNames() {
    return List.of("RMChooseToAbort", "RMPrepare", "RMRcvAbortMsg", "RMRcvCommitMsg",
        "TMAbort", "TMCommit", "TMRcvPrepared");
  }

  @Override
  public List<Property<State, TwoPhaseAction>> properties() {
    return List.of(
        Property.invariant("TypeOK", "every variable is in its type", this::typeOk),
        Property.invariant("Consistent", "no RM has committed while another has aborted",
            this::consistent),
        Property.reachable("SomeCommit", "a transaction commits at every RM",
            s -> s.tmState() == 1 && allRms(s, COMMITTED)),
        Property.reachable("SomeAbort", "a transaction aborts at every RM",
            s -> s.tmState() == 2 && allRms(s, ABORTED)));
  }

  private boolean allRms(State s, int st) {
    for (int r = 0; r < rms; r++) {
      if (s.rm(r) != st) {
        return false;
      }
    }
    return true;
  }

  boolean typeOk(State s) {
    return s.tmState() >= 0 && s.tmState() <= 2 && (s.tmPrepared() & ~all) == 0
        && (s.msgs() & ~(all | COMMIT_MSG | ABORT_MSG)) == 0
        && (rms == 16 || (s.rmState() >>> (2 * rms)) == 0);
  }

  boolean consistent(State s) {
    boolean committed = false;
    boolean aborted = false;
    for (int r = 0; r < rms; r++) {
      committed |= s.rm(r) == COMMITTED;
      aborted |= s.rm(r) == ABORTED;
    }
    return !(committed && aborted);
  }

  @Override
  public void encode(State s, StateEncoder out) {
    out.putLong(((long) s.rmState() << 32) | (s.tmState() & 0xffffffffL));
    out.putLong(((long) s.tmPrepared() << 32) | (s.msgs() & 0xffffffffL));
  }

  @Override
  public StateCodec<State> codec() {
    return CODEC;
  }

  private static final StateCodec<State> CODEC =
      new StateCodec<>() {
        @Override
        public int words() {
          return 2;
        }

        @Override
        public void pack(State s, long[] dst, int off) {
          dst[off] = ((long) s.rmState() << 32) | (s.tmState() & 0xffffffffL);
          dst[off + 1] = ((long) s.tmPrepared() << 32) | (s.msgs() & 0xffffffffL);
        }

        @Override
        public State unpack(long[] src, int off) {
          return new State((int) (src[off] >>> 32), (int) src[off], (int) (src[off + 1] >>> 32),
              (int) src[off + 1]);
        }
      };

  /** Action kinds: indices into {@link #actionNames()}. */
  private static final int K_CHOOSE_ABORT = 0;
  private static final int K_PREPARE = 1;
  private static final int K_RCV_ABORT = 2;
  private static final int K_RCV_COMMIT = 3;
  private static final int K_TM_ABORT = 4;
  private static final int K_TM_COMMIT = 5;
  private static final int K_TM_RCV_PREPARED = 6;

  /**
   * The successors on packed words, in the order of {@link #enabledActions}: the same guards and
   * effects as the action records, written out on the two words of the codec (the benchmark's hot
   * path; {@code TwoPhasePackedTest} checks it against the records on every reachable state).
   */
  @Override
  public PackedSuccessors packedSuccessors() {
    return (src, off, t, sink) -> {
      int rmState = (int) (src[off] >>> 32);
      int tm = (int) src[off];
      int prepared = (int) (src[off + 1] >>> 32);
      int msgs = (int) src[off + 1];
      boolean init = tm == 0;
      int n = 0;
      if (init && (prepared == all || commitWithoutPrepare)) {
        n += emit(t, sink, K_TM_COMMIT, rmState, 1, prepared, msgs | COMMIT_MSG);
      }
      if (init) {
        n += emit(t, sink, K_TM_ABORT, rmState, 2, prepared, msgs | ABORT_MSG);
      }
      boolean commit = (msgs & COMMIT_MSG) != 0;
      boolean abort = (msgs & ABORT_MSG) != 0;
      for (int r = 0; r < rms; r++) {
        int bit = 1 << r;
        int cleared = rmState & ~(3 << (2 * r));
        if (init && (msgs & bit) != 0) {
          n += emit(t, sink, K_TM_RCV_PREPARED, rmState, tm, prepared | bit, msgs);
        }
        if (((rmState >>> (2 * r)) & 3) == WORKING) {
          n += emit(t, sink, K_PREPARE, cleared | (PREPARED << (2 * r)), tm, prepared,
              msgs | bit);
          n += emit(t, sink, K_CHOOSE_ABORT, cleared | (ABORTED << (2 * r)), tm, prepared, msgs);
        }
        if (commit) {
          n += emit(t, sink, K_RCV_COMMIT, cleared | (COMMITTED << (2 * r)), tm, prepared, msgs);
        }
        if (abort) {
          n += emit(t, sink, K_RCV_ABORT, cleared | (ABORTED << (2 * r)), tm, prepared, msgs);
        }
      }
      return n;
    };
  }

  private static int emit(long[] t, PackedSuccessors.Sink sink, int kind, int rmState, int tm,
      int prepared, int msgs) {
    t[0] = ((long) rmState << 32) | (tm & 0xffffffffL);
    t[1] = ((long) prepared << 32) | (msgs & 0xffffffffL);
    sink.successor(kind, t, 0);
    return 1;
  }

  @Override
  public Map<String, Value> describe(State s) {
    Map<Value, Value> rm = new LinkedHashMap<>();
    List<Value> prepared = new ArrayList<>();
    List<Value> msgs = new ArrayList<>();
    for (int r = 0; r < rms; r++) {
      Value name = Value.of("r" + (r + 1));
      rm.put(name, Value.of(RM_STATES[s.rm(r)]));
      if ((s.tmPrepared() & (1 << r)) != 0) {
        prepared.add(name);
      }
      if ((s.msgs() & (1 << r)) != 0) {
        msgs.add(Value.record(msg("Prepared", name)));
      }
    }
    if ((s.msgs() & COMMIT_MSG) != 0) {
      msgs.add(Value.record(msg("Commit", null)));
    }
    if ((s.msgs() & ABORT_MSG) != 0) {
      msgs.add(Value.record(msg("Abort", null)));
    }
    Map<String, Value> out = new LinkedHashMap<>();
    out.put("rmState", Value.map(rm));
    out.put("tmState", Value.of(TM_STATES[s.tmState()]));
    out.put("tmPrepared", Value.set(prepared));
    out.put("msgs", Value.set(msgs));
    return out;
  }

  private static Map<String, Value> msg(String type, Value rm) {
    Map<String, Value> m = new LinkedHashMap<>();
    m.put("type", Value.of(type));
    if (rm != null) {
      m.put("rm", rm);
    }
    return m;
  }

  /** The twin {@code specs/testkit/TwoPhase.tla}: {@link #describe} is already its variables. */
  @Override
  public org.panthorverify.core.TlaView<State, TwoPhaseAction> tla() {
    return new org.panthorverify.core.TlaView<>() {
      @Override
      public List<String> variables() {
        return TwoPhaseModel.this.variables();
      }

      @Override
      public Map<String, Value> state(State s) {
        return describe(s);
      }
    };
  }
}
