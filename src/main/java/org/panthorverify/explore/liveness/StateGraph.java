package org.panthorverify.explore.liveness;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.ModelException;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateCodec;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.ExploreStats;
import org.panthorverify.explore.FingerprintTable;
import org.panthorverify.explore.IncompleteReason;
import org.panthorverify.explore.Limits;
import org.panthorverify.explore.ProgressListener;
import org.panthorverify.explore.RunControl;

/**
 * The reachable state graph of a model, explored once and then checked against any number of
 * liveness properties (each with its own fairness, see {@link #underFairness}).
 *
 * <p><b>Storage.</b> States are not kept: a node is its id (dense, in breadth-first order), found
 * during the search through a fingerprint table (16 bytes a slot, as in TLC), and forgotten once the
 * search is over. Edges are kept in compressed sparse row form: the target id and the id of the
 * action that takes it (8 bytes an edge). The state predicates the properties need (each clause's
 * P and Q) are evaluated while a state is expanded and kept as one bit set each. The states of a
 * lasso are computed again afterwards by replaying its actions from an initial state. The only
 * states held at once are one BFS level, packed into {@code long[]} when the model has a {@link
 * StateCodec}. About 60 bytes a state plus 8 an edge: the scheduler's 31.6 million state
 * {@code large} config fits in a few gigabytes.
 *
 * <p><b>Parallelism and determinism.</b> The search is level-synchronous. Workers expand chunks of
 * one level (enabled actions, successors, fingerprints, predicates), and one thread merges their
 * results in chunk order, giving ids. Ids, edges and hence verdicts and lassos are the same for any
 * number of workers.
 *
 * <p><b>Limits.</b> The search polls Ctrl-C, the time limit, the heap guard and {@code
 * --max-states}/{@code --max-depth} between batches of chunks; on {@link OutOfMemoryError} it stops
 * too. A stopped search keeps every node expanded so far with all its edges: a fair cycle among
 * them is still a real counterexample (see {@link LivenessGraph#expanded}).
 *
 * <p>As in TLA+, where {@code WF_vars(A)} speaks of {@code <<A>>_vars}, a step that leaves the
 * state unchanged is stuttering: it neither enables nor takes its family, and is not an edge.
 * Successors outside the model's bounds ({@link Model#withinBounds}, TLC's {@code CONSTRAINT})
 * are dropped, but their step still enables its family ({@link #constrained}).
 */
public final class StateGraph<S, A extends Action> {
  /** States a worker expands in one task. */
  private static final int CHUNK = 256;

  private final Model<S, A> model;
  private final List<S> initial;
  private final int size;
  private final int expanded;
  private final int[] offsets;
  private final int[] targets;
  private final int[] edgeActions;
  private final long edges;
  private final List<A> actions;
  private final BitSet[] marks;
  private final Map<Integer, int[]> dropped;
  private final IncompleteReason incomplete;
  private final ExploreStats stats;

  private StateGraph(Model<S, A> model, List<S> initial, int size, int expanded, int[] offsets,
      int[] targets, int[] edgeActions, long edges, List<A> actions, BitSet[] marks,
      Map<Integer, int[]> dropped, IncompleteReason incomplete, ExploreStats stats) {
    this.model = model;
    this.initial = initial;
    this.size = size;
    this.expanded = expanded;
    this.offsets = offsets;
    this.targets = targets;
    this.edgeActions = edgeActions;
    this.edges = edges;
    this.actions = actions;
    this.marks = marks;
    this.dropped = dropped;
    this.incomplete = incomplete;
    this.stats = stats;
  }

  /** The states found (expanded or not). */
  public int size() {
    return size;
  }

  /** The states expanded: all of them unless the search stopped early. */
  public int expanded() {
    return expanded;
  }

  public long edges() {
    return edges;
  }

  /**
   * The states with a step that the state constraint ({@link Model#withinBounds}) cut off: their
   * number. Such a step still counts as enabled for fairness, as TLC's {@code ENABLED} does, so a
   * fair behaviour cannot stutter in such a state while the step's family is fair; the constraint
   * may then leave no fair behaviour at all (see {@link LivenessRunner}).
   */
  public int constrained() {
    return dropped.size();
  }

  /** Why the search stopped before the graph was complete, or null. */
  public IncompleteReason incomplete() {
    return incomplete;
  }

  /** The search's figures: generated, distinct (found), depth, queue (found, not expanded). */
  public ExploreStats stats() {
    return stats;
  }

  /** The expanded states satisfying predicate {@code index} of those the search was given. */
  public BitSet marked(int index) {
    return marks[index];
  }

  /** Bytes held by the graph's arrays. */
  public long bytes() {
    return 4L * offsets.length + 4L * targets.length + 4L * edgeActions.length
        + Arrays.stream(marks).mapToLong(b -> b.size() / 8).sum();
  }

  /**
   * The graph labelled for one property's fairness: each action's families, and each node's
   * enabled families (those of its edges).
   */
  public LivenessGraph underFairness(List<Property.Fairness<A>> fairness) {
    if (fairness.size() > 64) {
      throw new IllegalArgumentException("at most 64 fairness families, got " + fairness.size());
    }
    long[] families = new long[Math.max(1, actions.size())];
    for (int id = 0; id < actions.size(); id++) {
      A a = actions.get(id);
      for (int f = 0; f < fairness.size(); f++) {
        if (fairness.get(f).family().test(a)) {
          families[id] |= 1L << f;
        }
      }
    }
    long[] enabled = new long[expanded];
    for (int v = 0; v < expanded; v++) {
      long m = 0;
      for (int e = offsets[v]; e < offsets[v + 1]; e++) {
        m |= families[edgeActions[e]];
      }
      enabled[v] = m;
    }
    for (Map.Entry<Integer, int[]> d : dropped.entrySet()) {
      for (int id : d.getValue()) {
        enabled[d.getKey()] |= families[id];
      }
    }
    return new LivenessGraph(size, initial.size(), expanded, offsets, targets, edgeActions,
        families, enabled);
  }

  /**
   * The lasso as a trace whose last state loops back to the state at {@code loopStart}. The states
   * are recomputed by replaying the lasso's actions from its initial state; the step back into the
   * cycle is checked to arrive where it should.
   */
  public Trace<S, A> trace(LeadsToChecker.Lasso l) {
    List<Step<S, A>> steps = new ArrayList<>();
    S s = initial.get(l.prefix()[0]);
    steps.add(new Step<>(null, s));
    for (int e : l.prefixEdges()) {
      A a = actions.get(edgeActions[e]);
      s = model.next(s, a);
      steps.add(new Step<>(a, s));
    }
    int loopStart = steps.size() - 1;
    S head = s;
    int[] cycleEdges = l.cycleEdges();
    for (int i = 0; i < cycleEdges.length; i++) {
      if (cycleEdges[i] < 0) {
        continue; // a stuttering step: the loop is the state itself
      }
      A a = actions.get(edgeActions[cycleEdges[i]]);
      s = model.next(s, a);
      if (i < cycleEdges.length - 1) {
        steps.add(new Step<>(a, s));
      }
    }
    if (!s.equals(head)) {
      throw new IllegalStateException(model.name() + ": replaying the lasso's cycle did not"
          + " return to its first state; the model is not deterministic");
    }
    return new Trace<>(steps, loopStart);
  }

  /**
   * Explores {@code model}'s reachable graph, marking the states that satisfy each of {@code
   * predicates}. Uses {@code config}'s workers, limits and progress period.
   */
  public static <S, A extends Action> StateGraph<S, A> explore(Model<S, A> model,
      List<Predicate<S>> predicates, ExploreConfig config, RunControl control,
      ProgressListener listener) {
    return new Search<>(model, predicates, config, control, listener).run();
  }

  /** {@link #explore} with default limits, on one thread. */
  public static <S, A extends Action> StateGraph<S, A> explore(Model<S, A> model,
      List<Predicate<S>> predicates) {
    return explore(model, predicates, ExploreConfig.builder().workers(1).build(), new RunControl(),
        ProgressListener.NONE);
  }

  /** The search: one instance per call of {@link #explore}. */
  private static final class Search<S, A extends Action> {
    final Model<S, A> model;
    final List<Predicate<S>> predicates;
    final int predicateWords;
    final ExploreConfig config;
    final Limits limits;
    final ProgressListener listener;
    final StateCodec<S> codec;
    final long start = System.nanoTime();
    final FingerprintTable table = new FingerprintTable(1 << 16);
    final List<S> initial = new ArrayList<>();
    final Map<ActionKey, Integer> actionIds = new HashMap<>();
    final List<A> actions = new ArrayList<>();
    final BitSet[] marks;
    final Map<Integer, int[]> dropped = new HashMap<>();
    int[] offsets = new int[1 << 12];
    int[] targets = new int[1 << 12];
    int[] edgeActions = new int[1 << 12];
    int size;
    int expanded;
    long edges;
    long generated;
    int depth;
    long lastProgress = System.nanoTime();

    Search(Model<S, A> model, List<Predicate<S>> predicates, ExploreConfig config,
        RunControl control, ProgressListener listener) {
      this.model = model;
      this.predicates = List.copyOf(predicates);
      this.predicateWords = (predicates.size() + 63) / 64;
      this.config = config;
      this.limits = new Limits(config, control);
      this.listener = listener;
      this.codec = model.codec();
      this.marks = new BitSet[predicates.size()];
      for (int k = 0; k < marks.length; k++) {
        marks[k] = new BitSet();
      }
    }

    StateGraph<S, A> run() {
      IncompleteReason stop = null;
      ExecutorService pool = config.workers() > 1
          ? Executors.newFixedThreadPool(config.workers(), r -> {
            Thread t = new Thread(r, "liveness-worker");
            t.setDaemon(true);
            return t;
          })
          : null;
      try {
        Level<S> level = new Level<>(codec);
        Fingerprinter fp = new Fingerprinter();
        for (S s : model.initialStates()) {
          generated++;
          if (table.add(fp.fingerprint(model, s), size)) {
            initial.add(s);
            level.add(s);
            size++;
          }
        }
        depth = 1;
        while (level.size() > 0 && stop == null) {
          Level<S> next = new Level<>(codec);
          int window = CHUNK * 4 * config.workers();
          for (int from = 0; from < level.size() && stop == null; from += window) {
            stop = limits.check();
            if (stop == null && config.maxStates() > 0 && size >= config.maxStates()) {
              stop = IncompleteReason.MAX_STATES;
            }
            if (stop != null) {
              break;
            }
            int to = Math.min(level.size(), from + window);
            List<Chunk<S, A>> done = expandAll(pool, level, from, to);
            for (Chunk<S, A> c : done) {
              merge(c, next);
            }
            progress(level.size() - to + next.size());
          }
          if (stop == null && next.size() > 0) {
            if (config.maxDepth() > 0 && depth >= config.maxDepth()) {
              stop = IncompleteReason.MAX_DEPTH;
            } else {
              depth++;
            }
          }
          level = next;
        }
      } catch (OutOfMemoryError e) {
        limits.outOfMemory();
        stop = IncompleteReason.MEMORY;
      } finally {
        if (pool != null) {
          pool.shutdownNow();
        }
      }
      offsets[expanded] = (int) edges;
      ExploreStats stats = new ExploreStats(generated, size, depth, size - expanded,
          (System.nanoTime() - start) / 1_000_000, config.workers(),
          Fingerprinter.collisionProbability(size, generated));
      return new StateGraph<>(model, List.copyOf(initial), size, expanded, offsets, targets,
          edgeActions, edges, List.copyOf(actions), marks, Map.copyOf(dropped), stop, stats);
    }

    private void progress(long queue) {
      long now = System.nanoTime();
      if (config.progressMillis() > 0 && now - lastProgress >= config.progressMillis() * 1_000_000) {
        lastProgress = now;
        listener.progress(new ExploreStats(generated, size, depth, queue,
            (now - start) / 1_000_000, config.workers(), 0));
      }
    }

    /** Expands states {@code [from, to)} of the level, in chunks, on the pool if there is one. */
    private List<Chunk<S, A>> expandAll(ExecutorService pool, Level<S> level, int from, int to) {
      List<Chunk<S, A>> out = new ArrayList<>();
      if (pool == null) {
        for (int c = from; c < to; c += CHUNK) {
          out.add(expand(level, c, Math.min(to, c + CHUNK), new Fingerprinter()));
        }
        return out;
      }
      List<Future<Chunk<S, A>>> futures = new ArrayList<>();
      for (int c = from; c < to; c += CHUNK) {
        int lo = c;
        int hi = Math.min(to, c + CHUNK);
        futures.add(pool.submit(() -> expand(level, lo, hi, new Fingerprinter())));
      }
      for (Future<Chunk<S, A>> f : futures) {
        try {
          out.add(f.get());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof OutOfMemoryError oom) {
            throw oom;
          }
          if (cause instanceof RuntimeException re) {
            throw re;
          }
          throw new IllegalStateException(cause);
        }
      }
      return out;
    }

    /** One worker's share: states {@code [lo, hi)} of the level. */
    private Chunk<S, A> expand(Level<S> level, int lo, int hi, Fingerprinter fp) {
      Chunk<S, A> c = new Chunk<>(hi - lo, predicateWords);
      for (int i = lo; i < hi; i++) {
        S s = level.get(i);
        int k = -1;
        A current = null;
        try {
          for (k = 0; k < predicates.size(); k++) {
            if (predicates.get(k).test(s)) {
              c.marks[(i - lo) * predicateWords + (k >>> 6)] |= 1L << k;
            }
          }
          k = -1;
          List<A> enabled = model.enabledActions(s);
          int count = 0;
          for (A a : enabled) {
            current = a;
            S t = model.next(s, a);
            c.generated++;
            if (!model.withinBounds(t)) {
              c.drop(i - lo, a);
              continue;
            }
            if (t.equals(s)) {
              continue;
            }
            c.add(a, t, fp.fingerprint(model, t));
            count++;
          }
          c.counts[i - lo] = count;
        } catch (RuntimeException e) {
          if (e instanceof ModelException) {
            throw e;
          }
          String where = k >= 0 ? "a liveness predicate"
              : current == null ? "enabledActions" : current.label();
          throw new ModelException(model.name(), where, depth, String.valueOf(s), e);
        }
      }
      return c;
    }

    /** Gives ids to a chunk's successors and appends its states' edges, in order. */
    private void merge(Chunk<S, A> c, Level<S> next) {
      generated += c.generated;
      int j = 0;
      for (int i = 0; i < c.states; i++) {
        int v = expanded;
        for (int k = 0; k < marks.length; k++) {
          if ((c.marks[i * predicateWords + (k >>> 6)] & (1L << k)) != 0) {
            marks[k].set(v);
          }
        }
        ensureNodes(v + 2);
        offsets[v] = (int) edges;
        long e = edges;
        for (int n = c.counts[i]; n > 0; n--, j++) {
          long id = table.get(c.fps[j], -1);
          if (id < 0) {
            if (size == Integer.MAX_VALUE - 8) {
              throw new IllegalStateException("more than 2^31 states: too many for a liveness"
                  + " graph");
            }
            id = size++;
            table.add(c.fps[j], id);
            next.add(c.succ(j));
          }
          ensureEdges(e + 1);
          targets[(int) e] = (int) id;
          edgeActions[(int) e] = actionId(c.action(j));
          e++;
        }
        edges = e;
        int[] cut = c.dropped(i);
        if (cut != null) {
          int[] ids = new int[cut.length];
          for (int x = 0; x < cut.length; x++) {
            ids[x] = actionId(c.droppedAction(cut[x]));
          }
          dropped.put(v, ids);
        }
        expanded = v + 1;
      }
    }

    private int actionId(A a) {
      ActionKey key = new ActionKey(a);
      Integer id = actionIds.get(key);
      if (id == null) {
        id = actions.size();
        actionIds.put(key, id);
        actions.add(a);
      }
      return id;
    }

    private void ensureNodes(int n) {
      if (n > offsets.length) {
        offsets = Arrays.copyOf(offsets, grow(offsets.length, n));
      }
    }

    private void ensureEdges(long n) {
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalStateException("more than 2^31 edges: too many for a liveness graph");
      }
      if (n > targets.length) {
        int cap = grow(targets.length, (int) n);
        targets = Arrays.copyOf(targets, cap);
        edgeActions = Arrays.copyOf(edgeActions, cap);
      }
    }

    private static int grow(int current, int needed) {
      long cap = Math.max(needed, current + (current >> 1));
      return (int) Math.min(cap, Integer.MAX_VALUE - 8);
    }
  }

  /**
   * An action as a hash key. Action records have small hash codes that collide across types
   * ({@code TimesliceEnds()} and {@code FwStatusAck(0)} both hash to 0), which turns a map of a
   * few hundred actions into lists; mixing in the type's name spreads them.
   */
  private record ActionKey(Object action) {
    @Override
    public int hashCode() {
      int h = action.getClass().getName().hashCode() * 0x9E3779B1 + action.hashCode();
      return h ^ (h >>> 16);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof ActionKey k && k.action.equals(action);
    }
  }

  /** What a worker found in one chunk of a level. */
  private static final class Chunk<S, A> {
    final int states;
    final int[] counts;
    final long[] marks;
    long[] fps = new long[64];
    Object[] succs = new Object[64];
    Object[] acts = new Object[64];
    int n;
    long generated;
    /** Steps the state constraint cut off: the state's index in the chunk, and the action. */
    int[] dropState = new int[0];
    Object[] dropAct = new Object[0];
    int nd;

    Chunk(int states, int predicateWords) {
      this.states = states;
      this.counts = new int[states];
      this.marks = new long[states * predicateWords];
    }

    void add(A a, S t, long fp) {
      if (n == fps.length) {
        fps = Arrays.copyOf(fps, n * 2);
        succs = Arrays.copyOf(succs, n * 2);
        acts = Arrays.copyOf(acts, n * 2);
      }
      fps[n] = fp;
      succs[n] = t;
      acts[n] = a;
      n++;
    }

    void drop(int state, A a) {
      if (nd == dropState.length) {
        dropState = Arrays.copyOf(dropState, Math.max(4, nd * 2));
        dropAct = Arrays.copyOf(dropAct, Math.max(4, nd * 2));
      }
      dropState[nd] = state;
      dropAct[nd] = a;
      nd++;
    }

    /** The indexes into the dropped steps of state {@code i}, or null. */
    int[] dropped(int i) {
      if (nd == 0) {
        return null;
      }
      int[] out = java.util.stream.IntStream.range(0, nd).filter(x -> dropState[x] == i)
          .toArray();
      return out.length == 0 ? null : out;
    }

    @SuppressWarnings("unchecked")
    A droppedAction(int x) {
      return (A) dropAct[x];
    }

    @SuppressWarnings("unchecked")
    S succ(int j) {
      return (S) succs[j];
    }

    @SuppressWarnings("unchecked")
    A action(int j) {
      return (A) acts[j];
    }
  }

  /** One BFS level's states: packed words with a codec, objects without. */
  private static final class Level<S> {
    private final StateCodec<S> codec;
    private final int w;
    private long[] words;
    private Object[] objects;
    private int size;

    Level(StateCodec<S> codec) {
      this.codec = codec;
      this.w = codec == null ? 0 : codec.words();
      if (codec == null) {
        objects = new Object[16];
      } else {
        words = new long[16 * w];
      }
    }

    int size() {
      return size;
    }

    void add(S s) {
      if (codec == null) {
        if (size == objects.length) {
          objects = Arrays.copyOf(objects, size * 2);
        }
        objects[size++] = s;
      } else {
        if ((size + 1) * w > words.length) {
          words = Arrays.copyOf(words, words.length * 2);
        }
        codec.pack(s, words, size * w);
        size++;
      }
    }

    @SuppressWarnings("unchecked")
    S get(int i) {
      return codec == null ? (S) objects[i] : codec.unpack(words, i * w);
    }
  }
}
