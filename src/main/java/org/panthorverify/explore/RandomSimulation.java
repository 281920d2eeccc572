package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/**
 * Seeded random simulation: {@code walks} random walks of at most {@code walkDepth} steps. Walk
 * {@code i} draws from its own generator seeded by {@code (seed, i)}, and walks run in fixed
 * batches whose results are merged in walk order, so the outcome does not depend on the number of
 * workers. A violation found by a walk is shrunk ({@link Shrinker}) before it is reported.
 */
final class RandomSimulation<S, A extends Action> {
  private static final int BATCH = 64;

  private final Model<S, A> model;
  private final ExploreConfig config;
  private final PropertySet<S, A> props;
  private final Limits limits;
  private final Findings<S, A> findings;
  private final ProgressListener listener;
  private final FingerprintTable seen = new FingerprintTable(1 << 12);
  private final List<Expander<S, A>> expanders = new ArrayList<>();

  RandomSimulation(Model<S, A> model, ExploreConfig config, ProgressListener listener,
      RunControl control) {
    this.model = model;
    this.config = config;
    this.listener = listener;
    this.props = new PropertySet<>(model, config);
    this.limits = new Limits(config, control);
    this.findings = new Findings<>(props, listener);
  }

  /** What one walk found. */
  private final class Walk implements Expander.Visitor<S, A> {
    final List<Step<S, A>> steps = new ArrayList<>();
    final long[] fps;
    final List<Step<S, A>> successors = new ArrayList<>();
    int violated = -1;
    Step<S, A> violatingStep;
    final List<int[]> reachedAt = new ArrayList<>();

    Walk(int maxSteps) {
      fps = new long[maxSteps + 1];
    }

    @Override
    public void stateViolation(int index) {
      if (violated < 0) {
        violated = index;
      }
    }

    @Override
    public void reached(int index) {
      reachedAt.add(new int[] {index, steps.size()});
    }

    @Override
    public void transitionViolation(int index, int ordinal, A action, S succ) {
      if (violated < 0) {
        violated = index;
        violatingStep = new Step<>(action, succ);
      }
    }

    @Override
    public void successor(int ordinal, A action, S succ) {
      successors.add(new Step<>(action, succ));
    }
  }

  private Walk walk(int index, Expander<S, A> expander, Fingerprinter fpr, List<S> inits) {
    SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + index);
    Walk w = new Walk(config.walkDepth());
    S s = inits.get(rnd.nextInt(inits.size()));
    w.steps.add(new Step<>(null, s));
    for (int depth = 1; ; depth++) {
      try {
        w.fps[depth - 1] = fpr.fingerprint(model, model.canonical(s));
      } catch (RuntimeException e) {
        // Named like the BFS names it: the action taken from the previous state.
        throw depth == 1
            ? expander.modelException("initialStates", 0, s, e)
            : expander.modelException(w.steps.get(depth - 1).action().label(), depth - 1,
                w.steps.get(depth - 2).state(), e);
      }
      boolean inBounds = expander.checkState(s, depth, w);
      if (w.violated >= 0 || !inBounds || depth > config.walkDepth()) {
        break;
      }
      w.successors.clear();
      expander.successors(s, depth, w);
      if (w.violated >= 0 || w.successors.isEmpty()) {
        break;
      }
      Step<S, A> step = w.successors.get(rnd.nextInt(w.successors.size()));
      w.steps.add(step);
      s = step.state();
    }
    return w;
  }

  CheckResult<S, A> run() {
    long started = System.nanoTime();
    List<S> inits;
    Expander<S, A> first = new Expander<>(model, props);
    try {
      inits = model.initialStates();
    } catch (RuntimeException e) {
      throw first.modelException("initialStates", 0, null, e);
    }
    for (int i = 0; i < config.workers(); i++) {
      expanders.add(i == 0 ? first : new Expander<>(model, props));
    }
    IncompleteReason incomplete = null;
    int maxDepth = 0;
    int done = 0;
    Shrinker<S, A> shrinker = new Shrinker<>(model, props);
    ExecutorService pool = Executors.newFixedThreadPool(config.workers(), r -> {
      Thread t = new Thread(r, "pv-sim-worker");
      t.setDaemon(true);
      return t;
    });
    long lastProgress = started;
    try {
      while (done < config.walks() && !inits.isEmpty()) {
        incomplete = limits.check();
        if (incomplete != null) {
          break;
        }
        int from = done;
        int to = Math.min(config.walks(), done + BATCH);
        List<Walk> batch = runBatch(pool, from, to, inits);
        boolean stop = false;
        for (Walk w : batch) {
          for (int d = 0; d < w.steps.size(); d++) {
            seen.add(w.fps[d], 1);
          }
          maxDepth = Math.max(maxDepth, w.steps.size());
          for (int[] r : w.reachedAt) {
            if (!findings.isReached(r[0])) {
              findings.witness(r[0], new Trace<>(w.steps.subList(0, r[1])));
            }
          }
          // Without --continue only the first violation (in walk order) is reported.
          if (w.violated >= 0 && !findings.isReported(w.violated) && !stop) {
            List<Step<S, A>> steps = new ArrayList<>(w.steps);
            if (w.violatingStep != null) {
              steps.add(w.violatingStep);
            }
            findings.violation(w.violated, shrinker.shrink(new Trace<>(steps), w.violated));
            stop |= !config.continueAfterViolation();
          }
        }
        done = to;
        expanders.forEach(findings::publish);
        long now = System.nanoTime();
        if (now - lastProgress > config.progressMillis() * 1_000_000L) {
          lastProgress = now;
          listener.progress(stats(started, maxDepth, config.walks() - done));
        }
        if (stop) {
          break;
        }
      }
    } finally {
      pool.shutdownNow();
    }
    Coverage coverage = Coverage.Counter.merge(model.actionNames(),
        expanders.stream().map(e -> e.coverage).toList());
    // Random walks never prove a property: without another reason the run is incomplete.
    return findings.finish(incomplete != null ? incomplete : IncompleteReason.SIMULATION, false,
        stats(started, maxDepth, config.walks() - done), coverage);
  }

  private List<Walk> runBatch(ExecutorService pool, int from, int to, List<S> inits) {
    @SuppressWarnings("unchecked")
    Walk[] walks = (Walk[]) java.lang.reflect.Array.newInstance(Walk.class, to - from);
    AtomicInteger next = new AtomicInteger(from);
    // A model exception stops its worker; the one of the first walk is thrown, as with one worker.
    RuntimeException[] failed = new RuntimeException[to - from];
    List<Future<?>> futures = new ArrayList<>();
    for (Expander<S, A> e : expanders) {
      futures.add(pool.submit(() -> {
        Fingerprinter fpr = new Fingerprinter();
        for (int i; (i = next.getAndIncrement()) < to; ) {
          try {
            walks[i - from] = walk(i, e, fpr, inits);
          } catch (RuntimeException ex) {
            failed[i - from] = ex;
            return;
          }
        }
      }));
    }
    for (Future<?> f : futures) {
      try {
        f.get();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", ex);
      } catch (java.util.concurrent.ExecutionException ex) {
        if (ex.getCause() instanceof RuntimeException re) {
          throw re;
        }
        throw new IllegalStateException(ex.getCause());
      }
    }
    for (RuntimeException ex : failed) {
      if (ex != null) {
        throw ex;
      }
    }
    return List.of(walks);
  }

  private ExploreStats stats(long startedNanos, int depth, long queue) {
    long generated = expanders.stream().mapToLong(e -> e.generated).sum();
    long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
    return new ExploreStats(generated, seen.size(), depth, queue, elapsed, config.workers(),
        Fingerprinter.collisionProbability(seen.size(), generated));
  }
}
