package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.PackedSuccessors;
import org.panthorverify.core.StateCodec;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/**
 * Level-synchronous parallel breadth-first search whose answers do not depend on the number of
 * workers.
 *
 * <p>Each BFS level runs in two phases separated by a barrier:
 *
 * <ol>
 *   <li><b>Expand.</b> Workers take fixed-size chunks of the level's frontier, check each state's
 *       properties and compute its successors. A successor whose fingerprint is already in the
 *       visited set is dropped (the set is only read in this phase, so no locks are needed); the
 *       others are kept, with their parent's fingerprint, in the chunk's output, sorted by
 *       partition.
 *   <li><b>Insert.</b> The fingerprint space is cut into {@value #PARTITIONS} partitions by its top
 *       bits, each an open-addressing {@link FingerprintTable} owned by one worker at a time. A
 *       worker inserts its partition's candidates chunk by chunk, in frontier order; the new
 *       states form the partition's part of the next frontier.
 * </ol>
 *
 * <p>The next frontier is therefore the same sequence of states whatever the number of workers,
 * and so are the distinct-state count, the depth and the counterexample: among the violations
 * found in a level, the one reported is the one of the first state in frontier order (then the
 * first property, then the first action). Violations in the level's states come before those on
 * transitions out of the level (action properties, invariants of successors outside the state
 * constraint), whose counterexamples are one step longer. A violation ends the search after its
 * level, so the counterexample is a shortest one. Parent fingerprints are kept next to each
 * fingerprint (16 bytes a state) and counterexamples are rebuilt by re-executing the model.
 */
final class ParallelBfs<S, A extends Action> {
  static final int PARTITION_BITS = 8;
  static final int PARTITIONS = 1 << PARTITION_BITS;
  static final int CHUNK = 1024;
  private static final long ROOT = 0;
  /** Orders transition findings after every state finding of the level (frontier index < 2^46). */
  private static final long TRANSITION = 1L << 62;

  private final Model<S, A> model;
  private final ExploreConfig config;
  private final PropertySet<S, A> props;
  private final Limits limits;
  private final Findings<S, A> findings;
  private final FingerprintTable[] tables = new FingerprintTable[PARTITIONS];
  private final List<Worker> workers = new ArrayList<>();
  private final TraceRebuilder<S, A> rebuilder;
  private final Progress progress;
  // Buffers reused from level to level, so that they are not garbage collected and copied again.
  private final java.util.concurrent.ConcurrentLinkedQueue<ChunkOut> spareOuts =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final java.util.concurrent.ConcurrentLinkedQueue<Segment> spareSegments =
      new java.util.concurrent.ConcurrentLinkedQueue<>();
  private final Scratch[] scratches;
  /** Whether successors are computed on packed words (see {@link PackedSuccessors}). */
  private final boolean packedPath;
  private final StateCodec<S> codec;
  /**
   * Whether the expand phase drops successors already in the visited set. Probing the whole set
   * from the expand phase costs a cache miss per successor; leaving every duplicate to the insert
   * phase, where each partition's candidates are inserted in slot order, is much faster but
   * buffers every candidate of a level. So the expand phase probes only once a level produced
   * more candidates than an eighth of the heap holds. Either way the same states are inserted in
   * the same order.
   */
  private boolean probeInExpand;

  private final long probeAbove;
  /** The initial states computed; TLC counts them as generated. */
  private long initialGenerated;

  ParallelBfs(Model<S, A> model, ExploreConfig config, ProgressListener listener,
      RunControl control) {
    this.model = model;
    this.config = config;
    this.props = new PropertySet<>(model, config);
    this.limits = new Limits(config, control);
    this.findings = new Findings<>(props, listener);
    this.rebuilder = new TraceRebuilder<>(model);
    this.codec = model.codec();
    // A buffered candidate: fingerprint, parent, state (packed words or a reference to an object
    // of a few dozen bytes), and the insert phase's scratch arrays.
    long candidateBytes = 8 + 8 + (codec == null ? 64 : 8L * codec.words()) + 8 + 8 + 4 + 1;
    this.probeAbove = Runtime.getRuntime().maxMemory() / 8 / candidateBytes;
    this.packedPath = codec != null && model.packedSuccessors() != null
        && props.actionProperties.length == 0;
    for (int p = 0; p < PARTITIONS; p++) {
      tables[p] = new FingerprintTable(64);
    }
    for (int w = 0; w < config.workers(); w++) {
      workers.add(new Worker());
    }
    this.progress = new Progress(listener, config);
    this.scratches = new Scratch[config.workers()];
    for (int w = 0; w < scratches.length; w++) {
      scratches[w] = new Scratch();
    }
  }

  private FingerprintTable table(long fp) {
    return tables[(int) (fp >>> (64 - PARTITION_BITS))];
  }

  /** A run of the frontier: states and their fingerprints. */
  private final class Segment {
    final StateBuffer<S> states;
    long[] fps;

    Segment(int capacity) {
      states = StateBuffer.create(codec, capacity);
      fps = new long[Math.max(4, capacity)];
    }

    int size() {
      return states.size;
    }

    void clear() {
      states.clear();
    }

    void add(S s, long fp) {
      addFp(fp);
      states.add(s);
    }

    void addFrom(ChunkOut out, int i) {
      addFp(out.fps[i]);
      states.addFrom(out.states, i);
    }

    private void addFp(long fp) {
      if (states.size == fps.length) {
        fps = Arrays.copyOf(fps, fps.length * 2);
      }
      fps[states.size] = fp;
    }
  }

  /** A slice of one segment with its position in the level's frontier order. */
  private record Chunk(ParallelBfs<?, ?>.Segment segment, int from, int to, long base) {}

  /**
   * The candidates one chunk produced, in generation order, with a permutation that lists them
   * by partition (a stable counting sort).
   */
  private final class ChunkOut {
    long[] fps = new long[4 * CHUNK];
    long[] parents = new long[4 * CHUNK];
    final StateBuffer<S> states = StateBuffer.create(codec, 4 * CHUNK);
    int[] byPartition = new int[4 * CHUNK];
    final int[] start = new int[PARTITIONS + 1];
    private final int[] offsets = new int[PARTITIONS + 1];

    int size() {
      return states.size;
    }

    void clear() {
      states.clear();
    }

    void add(long fp, long parent, S state) {
      addFingerprints(fp, parent);
      states.add(state);
    }

    void addWords(long fp, long parent, long[] words, int offset) {
      addFingerprints(fp, parent);
      ((StateBuffer.Packed<S>) states).addWords(words, offset);
    }

    private void addFingerprints(long fp, long parent) {
      int n = states.size;
      if (n == fps.length) {
        fps = Arrays.copyOf(fps, n * 2);
        parents = Arrays.copyOf(parents, n * 2);
      }
      fps[n] = fp;
      parents[n] = parent;
    }

    void sortByPartition() {
      int n = states.size;
      Arrays.fill(offsets, 0);
      for (int i = 0; i < n; i++) {
        offsets[(int) (fps[i] >>> (64 - PARTITION_BITS)) + 1]++;
      }
      for (int p = 0; p < PARTITIONS; p++) {
        offsets[p + 1] += offsets[p];
      }
      System.arraycopy(offsets, 0, start, 0, PARTITIONS + 1);
      if (byPartition.length < n) {
        byPartition = new int[Math.max(n, byPartition.length * 2)];
      }
      for (int i = 0; i < n; i++) {
        byPartition[offsets[(int) (fps[i] >>> (64 - PARTITION_BITS))]++] = i;
      }
    }
  }

  /** A worker's reusable arrays for inserting one partition's candidates. */
  private static final class Scratch {
    long[] fps = new long[0];
    long[] parents = new long[0];
    long[] refs = new long[0];
    boolean[] added = new boolean[0];
    int[] order = new int[0];

    void ensure(int n) {
      if (fps.length < n) {
        int cap = Math.max(n, fps.length * 3 / 2);
        fps = new long[cap];
        parents = new long[cap];
        refs = new long[cap];
        added = new boolean[cap];
        order = new int[cap];
      }
    }
  }

  /**
   * The best (first in frontier order) finding of one kind in the current level: key = frontier
   * index * 2^16 for a state's own property; {@link #TRANSITION} + frontier index * 2^16 + action
   * ordinal + 1 for a transition, whose trace is one state longer.
   */
  private static final class Best {
    long key = Long.MAX_VALUE;
    long stateFp;
    long succFp;

    void offer(long key, long stateFp, long succFp) {
      if (key < this.key) {
        this.key = key;
        this.stateFp = stateFp;
        this.succFp = succFp;
      }
    }

    void merge(Best other) {
      offer(other.key, other.stateFp, other.succFp);
    }
  }

  /** One worker: its expander, fingerprinter and per-level findings. */
  private final class Worker implements Expander.Visitor<S, A>, PackedSuccessors.Sink {
    final Expander<S, A> expander = new Expander<>(model, props);
    final Fingerprinter fingerprinter = new Fingerprinter();
    Best[] violations;
    Best[] reached;
    boolean truncated;
    // The state being expanded.
    S state;
    long stateFp;
    long index;
    boolean cutoff;
    boolean probe;
    ChunkOut out;

    void startLevel() {
      violations = new Best[props.size()];
      reached = new Best[props.size()];
      for (int i = 0; i < props.size(); i++) {
        violations[i] = new Best();
        reached[i] = new Best();
      }
      findings.publish(expander);
    }

    /** Successors on packed words (see {@link PackedSuccessors}), or null. */
    final PackedSuccessors packed = packedPath ? model.packedSuccessors() : null;
    final long[] scratch = new long[codec == null ? 0 : codec.words()];
    long[] stateWords;
    int stateOffset;

    @SuppressWarnings("unchecked")
    void expand(Chunk chunk, int depth, ChunkOut target) {
      out = target;
      cutoff = config.maxDepth() > 0 && depth >= config.maxDepth();
      probe = probeInExpand || cutoff;
      Segment seg = (Segment) chunk.segment();
      for (int i = chunk.from(); i < chunk.to(); i++) {
        state = seg.states.get(i);
        stateFp = seg.fps[i];
        index = chunk.base() + (i - chunk.from());
        if (!expander.checkState(state, depth, this)) {
          continue;
        }
        if (packed == null) {
          expander.successors(state, depth, this);
        } else {
          stateWords = ((StateBuffer.Packed<S>) seg.states).words();
          stateOffset = i * scratch.length;
          int enabled;
          try {
            enabled = packed.successors(stateWords, stateOffset, scratch, this);
          } catch (RuntimeException e) {
            throw expander.modelException("packedSuccessors", depth, state, e);
          }
          expander.checkDeadlock(state, enabled, this);
        }
      }
      state = null;
    }

    /** A successor from the packed path. */
    @Override
    public void successor(int kind, long[] words, int offset) {
      expander.generated++;
      expander.coverage.kinds[kind]++;
      int w = words.length;
      if (Arrays.equals(words, offset, offset + w, stateWords, stateOffset, stateOffset + w)) {
        return;
      }
      long fp = fingerprinter.fingerprint(words, offset, w);
      if (probe && table(fp).contains(fp)) {
        return;
      }
      if (cutoff) {
        truncated = true;
        return;
      }
      out.addWords(fp, stateFp, words, offset);
    }

    @Override
    public void stateViolation(int p) {
      violations[p].offer(index << 16, stateFp, 0);
    }

    @Override
    public void reached(int p) {
      reached[p].offer(index << 16, stateFp, 0);
    }

    @Override
    public void transitionViolation(int p, int ordinal, A action, S succ) {
      long succFp = fingerprinter.fingerprint(model, model.canonical(succ));
      violations[p].offer(TRANSITION + (index << 16) + Math.min(ordinal, 0xfffe) + 1, stateFp,
          succFp);
    }

    @Override
    public void successor(int ordinal, A action, S succ) {
      if (succ.equals(state)) {
        return;
      }
      S canon = model.canonical(succ);
      long fp = fingerprinter.fingerprint(model, canon);
      if (probe && table(fp).contains(fp)) {
        return;
      }
      if (cutoff) {
        truncated = true;
        return;
      }
      out.add(fp, stateFp, canon);
    }
  }

  CheckResult<S, A> run() {
    long started = System.nanoTime();
    List<Segment> frontier = initialFrontier();
    IncompleteReason incomplete = null;
    int depth = 0;
    long distinct = size(frontier);
    progress.distinct(distinct);
    boolean stoppedEarly = false;
    ExecutorService pool =
        Executors.newFixedThreadPool(config.workers(), r -> {
          Thread t = new Thread(r, "pv-bfs-worker");
          t.setDaemon(true);
          return t;
        });
    progress.start(this::snapshotFor);
    try {
      while (!frontier.isEmpty()) {
        depth++;
        progress.level(depth, size(frontier));
        List<Chunk> chunks = chunks(frontier);
        @SuppressWarnings("unchecked")
        ChunkOut[] outs =
            (ChunkOut[]) java.lang.reflect.Array.newInstance(ChunkOut.class, chunks.size());
        incomplete = expandLevel(pool, chunks, outs, depth);
        boolean violated = collectFindings(depth);
        if (incomplete != null || (violated && !config.continueAfterViolation())) {
          stoppedEarly = true;
          break;
        }
        if (workers.stream().anyMatch(w -> w.truncated)) {
          incomplete = IncompleteReason.MAX_DEPTH;
          stoppedEarly = true;
          break;
        }
        long candidates = 0;
        for (ChunkOut out : outs) {
          candidates += out.size();
        }
        probeInExpand = candidates > probeAbove;
        // The frontier was only needed to expand it: its buffers can hold the next one.
        spareSegments.addAll(frontier);
        frontier = insertLevel(pool, outs);
        spareOuts.addAll(Arrays.asList(outs));
        distinct += size(frontier);
        progress.distinct(distinct);
        if (frontier.isEmpty()) {
          break;
        }
        incomplete = limits.check();
        if (incomplete == null && config.maxStates() > 0 && distinct >= config.maxStates()) {
          incomplete = IncompleteReason.MAX_STATES;
        }
        if (incomplete != null) {
          stoppedEarly = true;
          break;
        }
      }
    } finally {
      pool.shutdownNow();
      progress.stop();
    }
    long queue = stoppedEarly ? size(frontier) : 0;
    ExploreStats stats = stats(distinct, depth, queue, started);
    return findings.finish(incomplete, !stoppedEarly, stats, coverage());
  }

  private List<Segment> initialFrontier() {
    List<S> inits;
    try {
      inits = model.initialStates();
    } catch (RuntimeException e) {
      throw workers.get(0).expander.modelException("initialStates", 0, null, e);
    }
    initialGenerated = inits.size();
    progress.generated.addAndGet(inits.size());
    Segment seg = new Segment(inits.size());
    Worker w = workers.get(0);
    for (S s : inits) {
      S canon;
      long fp;
      try {
        canon = model.canonical(s);
        fp = w.fingerprinter.fingerprint(model, canon);
      } catch (RuntimeException e) {
        throw w.expander.modelException("initialStates", 0, s, e);
      }
      if (table(fp).add(fp, ROOT)) {
        seg.add(canon, fp);
      }
    }
    List<Segment> frontier = new ArrayList<>();
    if (seg.size() > 0) {
      frontier.add(seg);
    }
    return frontier;
  }

  private long size(List<Segment> frontier) {
    long n = 0;
    for (Segment s : frontier) {
      n += s.size();
    }
    return n;
  }

  private List<Chunk> chunks(List<Segment> frontier) {
    List<Chunk> chunks = new ArrayList<>();
    long base = 0;
    for (Segment s : frontier) {
      for (int from = 0; from < s.size(); from += CHUNK) {
        int to = Math.min(s.size(), from + CHUNK);
        chunks.add(new Chunk(s, from, to, base));
        base += to - from;
      }
    }
    return chunks;
  }

  /** Phase 1: expand every chunk; returns why the level was cut short, or null. */
  private IncompleteReason expandLevel(ExecutorService pool, List<Chunk> chunks, ChunkOut[] outs,
      int depth) {
    AtomicInteger next = new AtomicInteger();
    // A model exception stops its worker; the one of the first chunk is thrown, as with one
    // worker (chunks are handed out in order, so no earlier chunk is left unexpanded).
    RuntimeException[] failed = new RuntimeException[chunks.size()];
    List<Callable<IncompleteReason>> tasks = new ArrayList<>();
    for (Worker w : workers) {
      w.startLevel();
      tasks.add(() -> {
        try {
          for (int c; (c = next.getAndIncrement()) < chunks.size(); ) {
            IncompleteReason stop = limits.check();
            if (stop != null) {
              return stop;
            }
            ChunkOut out = spareOuts.poll();
            if (out == null) {
              out = new ChunkOut();
            } else {
              out.clear();
            }
            long before = w.expander.generated;
            try {
              w.expand(chunks.get(c), depth, out);
            } catch (RuntimeException e) {
              failed[c] = e;
              return null;
            }
            out.sortByPartition();
            outs[c] = out;
            progress.expanded(chunks.get(c).to() - chunks.get(c).from(),
                w.expander.generated - before);
          }
          return null;
        } catch (OutOfMemoryError e) {
          limits.outOfMemory();
          return IncompleteReason.MEMORY;
        }
      });
    }
    IncompleteReason reason = runAll(pool, tasks);
    for (RuntimeException e : failed) {
      if (e != null) {
        throw e;
      }
    }
    return reason;
  }

  /** Phase 2: insert candidates partition by partition; returns the next frontier. */
  private List<Segment> insertLevel(ExecutorService pool, ChunkOut[] outs) {
    @SuppressWarnings("unchecked")
    Segment[] next = (Segment[]) java.lang.reflect.Array.newInstance(Segment.class, PARTITIONS);
    AtomicInteger nextPartition = new AtomicInteger();
    List<Callable<IncompleteReason>> tasks = new ArrayList<>();
    for (Scratch scratch : scratches) {
      tasks.add(() -> {
        try {
          for (int p; (p = nextPartition.getAndIncrement()) < PARTITIONS; ) {
            int n = 0;
            for (ChunkOut out : outs) {
              n += out.start[p + 1] - out.start[p];
            }
            scratch.ensure(n);
            // Gather the partition's candidates in frontier order.
            int k = 0;
            for (int c = 0; c < outs.length; c++) {
              ChunkOut out = outs[c];
              int[] order = out.byPartition;
              for (int j = out.start[p], end = out.start[p + 1]; j < end; j++) {
                int i = order[j];
                scratch.fps[k] = out.fps[i];
                scratch.parents[k] = out.parents[i];
                scratch.refs[k++] = ((long) c << 32) | i;
              }
            }
            tables[p].addAll(scratch.fps, scratch.parents, n, scratch.added, scratch.order);
            Segment seg = spareSegments.poll();
            if (seg == null) {
              seg = new Segment(n / 4);
            } else {
              seg.clear();
            }
            for (k = 0; k < n; k++) {
              if (scratch.added[k]) {
                long ref = scratch.refs[k];
                seg.addFrom(outs[(int) (ref >>> 32)], (int) ref);
              }
            }
            next[p] = seg;
          }
          return null;
        } catch (OutOfMemoryError e) {
          limits.outOfMemory();
          return IncompleteReason.MEMORY;
        }
      });
    }
    IncompleteReason stop = runAll(pool, tasks);
    List<Segment> frontier = new ArrayList<>();
    if (stop != null) {
      return frontier;
    }
    for (Segment s : next) {
      if (s.size() > 0) {
        frontier.add(s);
      }
    }
    return frontier;
  }

  private IncompleteReason runAll(ExecutorService pool, List<Callable<IncompleteReason>> tasks) {
    IncompleteReason reason = null;
    try {
      List<Future<IncompleteReason>> futures = pool.invokeAll(tasks);
      for (Future<IncompleteReason> f : futures) {
        IncompleteReason r = f.get();
        if (reason == null) {
          reason = r;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return IncompleteReason.INTERRUPTED;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
    return reason;
  }

  /** Merges the workers' findings of this level into {@link #findings}; true if any violation. */
  private boolean collectFindings(int depth) {
    Best[] violations = new Best[props.size()];
    Best[] reached = new Best[props.size()];
    for (int i = 0; i < props.size(); i++) {
      violations[i] = new Best();
      reached[i] = new Best();
      for (Worker w : workers) {
        violations[i].merge(w.violations[i]);
        reached[i].merge(w.reached[i]);
      }
    }
    for (int i = 0; i < props.size(); i++) {
      if (reached[i].key != Long.MAX_VALUE && !findings.isReached(i)) {
        findings.witness(i, new Trace<>(rebuilder.rebuild(path(reached[i].stateFp, depth))));
      }
    }
    Integer[] order = new Integer[props.size()];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(violations[a].key, violations[b].key));
    boolean any = false;
    for (int i : order) {
      Best b = violations[i];
      if (b.key == Long.MAX_VALUE || findings.isReported(i)) {
        continue;
      }
      any = true;
      List<Step<S, A>> steps = rebuilder.rebuild(path(b.stateFp, depth));
      if (b.succFp != 0) {
        steps.add(transitionTo(i, steps.get(steps.size() - 1).state(), b.succFp, depth));
      }
      findings.violation(i, new Trace<>(steps));
      if (!config.continueAfterViolation()) {
        break;
      }
    }
    return any;
  }

  private Step<S, A> transitionTo(int property, S from, long succFp, int depth) {
    return rebuilder.transition(from, depth, step -> {
      if (rebuilder.fingerprint(step.state()) != succFp) {
        return false;
      }
      if (props.kind(property) == org.panthorverify.core.PropertyKind.ACTION) {
        return !props.actionProperty(property).holds().test(from, step.action(), step.state());
      }
      return !props.invariant(property).holds().test(step.state());
    });
  }

  /** The fingerprints from an initial state to {@code fp}, which is at BFS depth {@code depth}. */
  private long[] path(long fp, int depth) {
    long[] path = new long[depth];
    long cur = fp;
    for (int i = depth - 1; i >= 0; i--) {
      path[i] = cur;
      cur = table(cur).get(cur, ROOT);
    }
    if (cur != ROOT) {
      throw new IllegalStateException("predecessor chain longer than the BFS depth");
    }
    return path;
  }

  private Coverage coverage() {
    return Coverage.Counter.merge(model.actionNames(),
        workers.stream().map(w -> w.expander.coverage).toList());
  }

  private ExploreStats stats(long distinct, int depth, long queue, long startedNanos) {
    long generated =
        initialGenerated + workers.stream().mapToLong(w -> w.expander.generated).sum();
    long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
    return new ExploreStats(generated, distinct, depth, queue, elapsed, config.workers(),
        Fingerprinter.collisionProbability(distinct, generated));
  }

  private ExploreStats snapshotFor(Progress p) {
    return new ExploreStats(p.generated.get(), p.distinct, p.depth, p.queue(),
        p.elapsedMillis(), config.workers(),
        Fingerprinter.collisionProbability(p.distinct, p.generated.get()));
  }

  /** Progress counters sampled by a timer thread. */
  static final class Progress {
    private final ProgressListener listener;
    private final long periodMillis;
    private final long startedNanos = System.nanoTime();
    final AtomicLong generated = new AtomicLong();
    final AtomicLong expandedInLevel = new AtomicLong();
    volatile long distinct;
    volatile int depth;
    volatile long levelSize;
    private java.util.concurrent.ScheduledExecutorService timer;

    Progress(ProgressListener listener, ExploreConfig config) {
      this.listener = listener;
      this.periodMillis = Math.max(50, config.progressMillis());
    }

    void start(java.util.function.Function<Progress, ExploreStats> snapshot) {
      timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "pv-progress");
        t.setDaemon(true);
        return t;
      });
      timer.scheduleAtFixedRate(() -> listener.progress(snapshot.apply(this)), periodMillis,
          periodMillis, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    void stop() {
      if (timer != null) {
        timer.shutdownNow();
      }
    }

    void level(int d, long size) {
      depth = d;
      levelSize = size;
      expandedInLevel.set(0);
    }

    void expanded(long states, long gen) {
      expandedInLevel.addAndGet(states);
      generated.addAndGet(gen);
    }

    void distinct(long d) {
      distinct = d;
    }

    long queue() {
      return Math.max(0, levelSize - expandedInLevel.get());
    }

    long elapsedMillis() {
      return (System.nanoTime() - startedNanos) / 1_000_000;
    }
  }
}
