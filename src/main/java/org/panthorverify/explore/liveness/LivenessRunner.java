package org.panthorverify.explore.liveness;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.Trace;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.explore.IncompleteReason;
import org.panthorverify.explore.ProgressListener;
import org.panthorverify.explore.RunControl;

/**
 * Checks a model's {@link Property.Liveness} properties: explores the reachable graph once ({@link
 * StateGraph}, compact and parallel), labels it for each property's fairness, and asks {@link
 * LeadsToChecker} about every clause. The forms reduce to leads-to: {@code <>Q} is {@code Init ~>
 * Q}, {@code []<>Q} is {@code TRUE ~> Q}.
 */
public final class LivenessRunner {
  private LivenessRunner() {}

  /**
   * The verdict on one liveness property.
   *
   * @param property its name
   * @param clause the label of the first clause that fails, or null when none was found to fail
   * @param lasso the counterexample (a trace with a loop), or null
   * @param states the states the graph has
   * @param vacuous the labels of the clauses that hold without saying anything: no reachable state
   *     satisfies their trigger (P), or no fair behaviour passes through one that does (only
   *     reported for a complete graph)
   * @param noFairBehaviour true when the fairness and the state constraint leave no fair behaviour
   *     at all: the property holds vacuously
   * @param incomplete why the graph is incomplete, or null: without a lasso the property is then
   *     neither proved nor refuted; a lasso found in an incomplete graph is still a real one
   */
  public record Verdict<S, A extends Action>(String property, String clause, Trace<S, A> lasso,
      int states, List<String> vacuous, boolean noFairBehaviour, IncompleteReason incomplete) {
    /** True when the property is proved: no lasso on a complete graph. */
    public boolean holds() {
      return lasso == null && incomplete == null;
    }

    /** True when the search stopped early and found no lasso. */
    public boolean unknown() {
      return lasso == null && incomplete != null;
    }
  }

  /** The verdicts on several properties, and the one graph they were checked on. */
  public record Result<S, A extends Action>(List<Verdict<S, A>> verdicts, StateGraph<S, A> graph) {}

  /** One property, on one thread, without limits. */
  public static <S, A extends Action> Verdict<S, A> check(Model<S, A> model,
      Property.Liveness<S, A> property) {
    return checkAll(model, List.of(property), ExploreConfig.builder().workers(1).build(),
        new RunControl(), ProgressListener.NONE).verdicts().get(0);
  }

  /** Several properties on one graph, with {@code config}'s workers, limits and progress. */
  public static <S, A extends Action> Result<S, A> checkAll(Model<S, A> model,
      List<Property.Liveness<S, A>> properties, ExploreConfig config, RunControl control,
      ProgressListener listener) {
    for (Property.Liveness<S, A> l : properties) {
      if (l.fairness().size() > 64) {
        throw new IllegalArgumentException(l.name() + ": at most 64 fairness families, got "
            + l.fairness().size());
      }
    }
    // The predicates every clause needs, indexed: P (for leads-to) then Q, clause by clause.
    List<Predicate<S>> predicates = new ArrayList<>();
    for (Property.Liveness<S, A> l : properties) {
      for (Property.Clause<S> c : l.clauses()) {
        predicates.add(c.p());
        predicates.add(c.q());
      }
    }
    StateGraph<S, A> graph = StateGraph.explore(model, predicates, config, control, listener);
    List<Verdict<S, A>> verdicts = new ArrayList<>();
    int k = 0;
    for (Property.Liveness<S, A> l : properties) {
      verdicts.add(check(graph, l, k));
      k += 2 * l.clauses().size();
    }
    return new Result<>(List.copyOf(verdicts), graph);
  }

  private static <S, A extends Action> Verdict<S, A> check(StateGraph<S, A> graph,
      Property.Liveness<S, A> property, int firstPredicate) {
    List<Property.Fairness<A>> fairness = property.fairness();
    long weak = 0;
    long strong = 0;
    for (int f = 0; f < fairness.size(); f++) {
      if (fairness.get(f).strong()) {
        strong |= 1L << f;
      } else {
        weak |= 1L << f;
      }
    }
    LivenessGraph g = graph.underFairness(fairness);
    BitSet all = new BitSet();
    all.set(0, g.expanded());
    BitSet init = new BitSet();
    init.set(0, Math.min(g.initialCount(), g.expanded()));
    List<String> vacuous = new ArrayList<>();
    // Without a state constraint every finite graph has a fair behaviour (a bottom component,
    // whose every enabled step stays inside it, is fair), so this is only asked when the
    // constraint cut steps off: a cut step keeps its family enabled, and stuttering where a fair
    // family is enabled is unfair.
    boolean constrained = graph.constrained() > 0 && graph.incomplete() == null;
    BitSet none = new BitSet();
    boolean noFair = constrained && LeadsToChecker.check(g, init, none, weak, strong).isEmpty();
    int k = firstPredicate;
    for (Property.Clause<S> clause : property.clauses()) {
      BitSet p = switch (property.form()) {
        case LEADS_TO -> graph.marked(k);
        case EVENTUALLY -> init;
        case ALWAYS_EVENTUALLY -> all;
      };
      BitSet q = graph.marked(k + 1);
      k += 2;
      if (p.isEmpty()) {
        if (graph.incomplete() == null) {
          vacuous.add(clause.label());
        }
        continue;
      }
      Optional<LeadsToChecker.Lasso> lasso = LeadsToChecker.check(g, p, q, weak, strong);
      if (lasso.isPresent()) {
        return new Verdict<>(property.name(), clause.label(), graph.trace(lasso.get()),
            graph.size(), List.copyOf(vacuous), noFair, graph.incomplete());
      }
      if (constrained && !noFair && LeadsToChecker.check(g, p, none, weak, strong).isEmpty()) {
        vacuous.add(clause.label()); // no fair behaviour passes through a P state
      }
    }
    return new Verdict<>(property.name(), null, null, graph.size(), List.copyOf(vacuous), noFair,
        graph.incomplete());
  }
}
