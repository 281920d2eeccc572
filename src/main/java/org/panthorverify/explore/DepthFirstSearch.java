package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/**
 * Depth-first search with an explicit stack (no recursion, so deep models cannot overflow the
 * Java stack), optionally bounded by {@code maxDepth}. The visited table keeps, for each
 * fingerprint, the smallest depth at which the state was reached; a state reached again at a
 * smaller depth is expanded again, so a bounded search misses nothing within its bound (TLC's
 * DFID does the same). Counterexamples are the stack, so they are not necessarily shortest. Single
 * threaded; the state count of a complete search equals that of BFS.
 */
final class DepthFirstSearch<S, A extends Action> {
  private final Model<S, A> model;
  private final ExploreConfig config;
  private final PropertySet<S, A> props;
  private final Limits limits;
  private final Findings<S, A> findings;
  private final Expander<S, A> expander;
  private final Fingerprinter fingerprinter = new Fingerprinter();
  private final FingerprintTable seen = new FingerprintTable(1 << 16);
  private final ProgressListener listener;

  DepthFirstSearch(Model<S, A> model, ExploreConfig config, ProgressListener listener,
      RunControl control) {
    this.model = model;
    this.config = config;
    this.listener = listener;
    this.props = new PropertySet<>(model, config);
    this.limits = new Limits(config, control);
    this.findings = new Findings<>(props, listener);
    this.expander = new Expander<>(model, props);
  }

  /** One stack frame: a state, the successors it has, and the next one to try. */
  private final class Frame implements Expander.Visitor<S, A> {
    final S state;
    final A action;
    final int depth;
    final List<Step<S, A>> successors = new ArrayList<>();
    int next;

    Frame(A action, S state, int depth) {
      this.action = action;
      this.state = state;
      this.depth = depth;
    }

    @Override
    public void stateViolation(int index) {
      report(index, null);
    }

    @Override
    public void reached(int index) {
      findings.witness(index, trace(null));
      findings.publish(expander);
    }

    @Override
    public void transitionViolation(int index, int ordinal, A a, S succ) {
      report(index, new Step<>(a, succ));
    }

    @Override
    public void successor(int ordinal, A a, S succ) {
      successors.add(new Step<>(a, succ));
    }
  }

  private final List<Frame> stack = new ArrayList<>();
  private int maxDepth;
  /**
   * Fingerprints of states met just beyond {@code maxDepth} while unseen. The bound truncated the
   * search only if one of them is still unseen at the end: a state first met beyond the bound may
   * be reached within it later.
   */
  private final FingerprintTable cutOff = new FingerprintTable(16);
  private long[] cutOffFps = new long[16];
  private int cutOffCount;
  private boolean stop;
  private long initialGenerated;
  private long visits;

  private void report(int index, Step<S, A> last) {
    if (stop || findings.isReported(index)) {
      return;
    }
    findings.violation(index, trace(last));
    findings.publish(expander);
    if (!config.continueAfterViolation()) {
      stop = true;
    }
  }

  private Trace<S, A> trace(Step<S, A> last) {
    List<Step<S, A>> steps = new ArrayList<>(stack.size() + 1);
    for (Frame f : stack) {
      steps.add(new Step<>(f.action, f.state));
    }
    if (last != null) {
      steps.add(last);
    }
    return new Trace<>(steps);
  }

  CheckResult<S, A> run() {
    long started = System.nanoTime();
    long lastProgress = started;
    IncompleteReason incomplete = null;
    List<S> inits;
    try {
      inits = model.initialStates();
    } catch (RuntimeException e) {
      throw expander.modelException("initialStates", 0, null, e);
    }
    initialGenerated = inits.size();
    outer:
    for (S init : inits) {
      if (!visit(null, init, 1)) {
        continue;
      }
      while (!stack.isEmpty() && !stop) {
        Frame top = stack.get(stack.size() - 1);
        if (top.next == top.successors.size()) {
          stack.remove(stack.size() - 1);
          continue;
        }
        if (config.maxStates() > 0 && seen.size() >= config.maxStates()) {
          incomplete = IncompleteReason.MAX_STATES;
          break outer;
        }
        // Poll by visits: the generated count can step over every multiple of 1024.
        if ((visits++ & 0x3ff) == 0) {
          incomplete = limits.check();
          if (incomplete != null) {
            break outer;
          }
          long now = System.nanoTime();
          if (now - lastProgress > config.progressMillis() * 1_000_000L) {
            lastProgress = now;
            listener.progress(stats(started, stack.size()));
          }
        }
        Step<S, A> succ = top.successors.get(top.next++);
        visit(succ.action(), succ.state(), top.depth + 1);
      }
      if (stop) {
        break;
      }
    }
    if (incomplete == null && truncated()) {
      incomplete = IncompleteReason.MAX_DEPTH;
    }
    long queue = stop || incomplete != null ? stack.size() : 0;
    Coverage coverage = Coverage.Counter.merge(model.actionNames(), List.of(expander.coverage));
    return findings.finish(incomplete, !stop, stats(started, queue), coverage);
  }

  /** Whether a state beyond the depth bound was never reached within it. */
  private boolean truncated() {
    for (int i = 0; i < cutOffCount; i++) {
      if (seen.get(cutOffFps[i], Long.MAX_VALUE) == Long.MAX_VALUE) {
        return true;
      }
    }
    return false;
  }

  /** Visits a state at {@code depth}; true if it was pushed. */
  private boolean visit(A action, S state, int depth) {
    long fp;
    try {
      fp = fingerprinter.fingerprint(model, model.canonical(state));
    } catch (RuntimeException e) {
      // Named like the BFS names it: the action taken from the state on top of the stack.
      throw action == null
          ? expander.modelException("initialStates", 0, state, e)
          : expander.modelException(action.label(), depth - 1, stack.get(stack.size() - 1).state,
              e);
    }
    long seenAt = seen.get(fp, Long.MAX_VALUE);
    boolean bounded = config.maxDepth() > 0;
    if (seenAt != Long.MAX_VALUE && (!bounded || seenAt <= depth)) {
      return false;
    }
    if (bounded && depth > config.maxDepth()) {
      if (seenAt == Long.MAX_VALUE && cutOff.add(fp, depth)) {
        if (cutOffCount == cutOffFps.length) {
          cutOffFps = java.util.Arrays.copyOf(cutOffFps, cutOffCount * 2);
        }
        cutOffFps[cutOffCount++] = fp;
      }
      return false;
    }
    seen.put(fp, depth);
    Frame frame = new Frame(action, state, depth);
    stack.add(frame);
    maxDepth = Math.max(maxDepth, depth);
    if (expander.checkState(state, depth, frame) && !stop) {
      expander.successors(state, depth, frame);
    }
    return true;
  }

  private ExploreStats stats(long startedNanos, long queue) {
    long elapsed = (System.nanoTime() - startedNanos) / 1_000_000;
    long generated = initialGenerated + expander.generated;
    return new ExploreStats(generated, seen.size(), maxDepth, queue, elapsed, 1,
        Fingerprinter.collisionProbability(seen.size(), generated));
  }
}
