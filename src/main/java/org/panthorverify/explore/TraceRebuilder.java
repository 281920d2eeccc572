package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.NondeterministicModelException;
import org.panthorverify.core.Step;

/**
 * Rebuilds a concrete trace from a path of fingerprints by re-executing the model (TLC keeps
 * fingerprints and predecessor links, not states, and does the same). At each step it takes the
 * first enabled action, in the model's order, whose successor has the next fingerprint, so the
 * trace is deterministic and consists of real, replayable states even under symmetry reduction.
 */
final class TraceRebuilder<S, A extends Action> {
  private final Model<S, A> model;
  private final Fingerprinter fingerprinter = new Fingerprinter();

  TraceRebuilder(Model<S, A> model) {
    this.model = model;
  }

  /** The fingerprint under which the explorer stores {@code state}. */
  long fingerprint(S state) {
    return fingerprinter.fingerprint(model, model.canonical(state));
  }

  /** The trace through the states with fingerprints {@code path}, from an initial state. */
  List<Step<S, A>> rebuild(long[] path) {
    List<Step<S, A>> steps = new ArrayList<>(path.length + 1);
    S current = null;
    for (S init : model.initialStates()) {
      if (fingerprint(init) == path[0]) {
        current = init;
        break;
      }
    }
    if (current == null) {
      throw new NondeterministicModelException(
          "no initial state of model " + model.name() + " has the fingerprint the search stored;"
              + " the model is not deterministic (initialStates() changed between calls)");
    }
    steps.add(new Step<>(null, current));
    for (int i = 1; i < path.length; i++) {
      long target = path[i];
      Step<S, A> step = transition(current, i, t -> fingerprint(t.state()) == target);
      steps.add(step);
      current = step.state();
    }
    return steps;
  }

  /**
   * The first transition from {@code from} (at trace index {@code index - 1}) that satisfies
   * {@code accept}.
   */
  Step<S, A> transition(S from, int index, Predicate<Step<S, A>> accept) {
    List<A> actions = model.enabledActions(from);
    for (A a : actions) {
      Step<S, A> step = new Step<>(a, model.next(from, a));
      if (accept.test(step)) {
        return step;
      }
    }
    List<String> labels = actions.stream().map(Action::label).toList();
    throw new NondeterministicModelException(
        "re-executing model " + model.name() + " at step " + index + " did not reproduce a"
            + " transition the search had taken, from state " + model.describe(from)
            + "; enabled actions now: " + labels + ". The model is not deterministic: its"
            + " actions or successors depend on something besides the state (HashSet/HashMap"
            + " iteration order, a static counter, the clock or a random source).");
  }
}
