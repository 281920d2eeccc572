package org.panthorverify.explore.liveness;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.Step;
import org.panthorverify.core.Trace;

/**
 * Checks a model's {@link Property.Liveness} property: builds the reachable state graph (one
 * thread, states kept in a hash map, so for small and medium configs), labels each edge with the
 * fairness families of its action and each state with the families enabled in it, and asks
 * {@link LeadsToChecker} about every clause.
 *
 * <p>As in TLA+, where {@code WF_vars(A)} speaks of {@code <<A>>_vars}, a step that leaves the
 * state unchanged counts as stuttering: it neither enables nor takes its family. Successors
 * outside the model's bounds ({@link Model#withinBounds}) are dropped.
 */
public final class LivenessRunner {
  private LivenessRunner() {}

  /**
   * The verdict on one liveness property.
   *
   * @param property its name
   * @param clause the label of the first clause that fails, or null when all hold
   * @param lasso the counterexample (a trace with a loop), or null
   * @param states the reachable states the graph has
   * @param vacuous the labels of the clauses whose trigger (P) no reachable state satisfies: they
   *     hold without saying anything
   */
  public record Verdict<S, A extends Action>(String property, String clause, Trace<S, A> lasso,
      int states, List<String> vacuous) {
    public boolean holds() {
      return lasso == null;
    }
  }

  public static <S, A extends Action> Verdict<S, A> check(Model<S, A> model,
      Property.Liveness<S, A> property) {
    List<Property.Fairness<A>> fairness = property.fairness();
    if (fairness.size() > 64) {
      throw new IllegalArgumentException(property.name() + ": at most 64 fairness families");
    }
    long weak = 0;
    long strong = 0;
    for (int f = 0; f < fairness.size(); f++) {
      if (fairness.get(f).strong()) {
        strong |= 1L << f;
      } else {
        weak |= 1L << f;
      }
    }
    // The reachable graph, breadth-first, so node ids follow BFS order.
    Map<S, Integer> ids = new HashMap<>();
    List<S> states = new ArrayList<>();
    List<S> initial = model.initialStates();
    for (S s : initial) {
      if (ids.putIfAbsent(s, states.size()) == null) {
        states.add(s);
      }
    }
    LivenessGraph.Builder builder = new LivenessGraph.Builder(states.size());
    List<A> edgeActions = new ArrayList<>();
    for (int v = 0; v < states.size(); v++) {
      S s = states.get(v);
      List<A> actions = model.enabledActions(s);
      long enabled = 0;
      List<long[]> edges = new ArrayList<>();
      List<A> taken = new ArrayList<>();
      for (A a : actions) {
        S t = model.next(s, a);
        if (!model.withinBounds(t) || t.equals(s)) {
          continue; // dropped, or a stuttering step
        }
        long families = 0;
        for (int f = 0; f < fairness.size(); f++) {
          if (fairness.get(f).family().test(a)) {
            families |= 1L << f;
          }
        }
        enabled |= families;
        Integer id = ids.get(t);
        if (id == null) {
          id = states.size();
          ids.put(t, id);
          states.add(t);
        }
        edges.add(new long[] {id, families});
        taken.add(a);
      }
      builder.node(enabled);
      for (long[] e : edges) {
        builder.edge((int) e[0], e[1]);
      }
      edgeActions.addAll(taken);
    }
    LivenessGraph g = builder.build();
    BitSet all = new BitSet();
    all.set(0, states.size());
    BitSet init = new BitSet();
    init.set(0, g.initialCount());
    List<String> vacuous = new ArrayList<>();
    for (Property.Clause<S> clause : property.clauses()) {
      BitSet p = switch (property.form()) {
        case LEADS_TO -> mark(states, clause.p());
        case EVENTUALLY -> init;
        case ALWAYS_EVENTUALLY -> all;
      };
      if (p.isEmpty()) {
        vacuous.add(clause.label());
        continue;
      }
      BitSet q = mark(states, clause.q());
      Optional<LeadsToChecker.Lasso> lasso = LeadsToChecker.check(g, p, q, weak, strong);
      if (lasso.isPresent()) {
        return new Verdict<>(property.name(), clause.label(),
            trace(lasso.get(), states, edgeActions), states.size(), List.copyOf(vacuous));
      }
    }
    return new Verdict<>(property.name(), null, null, states.size(), List.copyOf(vacuous));
  }

  private static <S> BitSet mark(List<S> states, java.util.function.Predicate<S> pred) {
    BitSet b = new BitSet(states.size());
    for (int v = 0; v < states.size(); v++) {
      if (pred.test(states.get(v))) {
        b.set(v);
      }
    }
    return b;
  }

  /** The lasso as a trace whose last state loops back to the cycle's first state. */
  private static <S, A extends Action> Trace<S, A> trace(LeadsToChecker.Lasso l, List<S> states,
      List<A> edgeActions) {
    List<Step<S, A>> steps = new ArrayList<>();
    int[] prefix = l.prefix();
    steps.add(new Step<>(null, states.get(prefix[0])));
    for (int i = 1; i < prefix.length; i++) {
      steps.add(new Step<>(edgeActions.get(l.prefixEdges()[i - 1]), states.get(prefix[i])));
    }
    int loopStart = steps.size() - 1;
    int[] cycle = l.cycle();
    for (int i = 1; i < cycle.length - 1; i++) {
      steps.add(new Step<>(edgeActions.get(l.cycleEdges()[i - 1]), states.get(cycle[i])));
    }
    return new Trace<>(steps, loopStart);
  }
}
