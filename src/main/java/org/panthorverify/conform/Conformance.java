package org.panthorverify.conform;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.panthorverify.core.Action;
import org.panthorverify.core.Fingerprinter;
import org.panthorverify.core.Model;
import org.panthorverify.core.TlaValues;
import org.panthorverify.core.TlaView;
import org.panthorverify.core.UserInputException;
import org.panthorverify.core.Value;
import org.panthorverify.tlc.TlcGraph;

/**
 * Compares the Java model's reachable graph with TLC's, exactly: the same initial states, and from
 * every reachable state the same set of (label, successor) edges, states compared as canonical
 * TLA+ values through the model's {@link TlaView}. Equal initial states and equal edge sets from
 * every state reached imply equal reachable state sets, so the check is one breadth-first search
 * of the Java model that looks up each state in TLC's graph.
 *
 * <p>Graphs are compared up to stuttering: a step that leaves the TLA+ state unchanged (a
 * self-loop) is allowed in every state by TLA+ and is left out on both sides.
 *
 * <p>The search stops at the first difference in breadth-first order (initial states first, then
 * level by level, each state's edges in the model's action order, TLC's extra edges after them by
 * label and successor): everything before it agrees, so its trace, the Java model's shortest path
 * to the differing state or edge, is a path in both graphs but for its last step.
 */
public final class Conformance {

  private Conformance() {}

  /** What differs. */
  public enum Kind {
    /** An initial state of the Java model that TLC does not have. */
    INIT_ONLY_IN_JAVA,
    /** An initial state of TLC's that the Java model does not have. */
    INIT_ONLY_IN_TLC,
    /** A step of the Java model to a state TLC never reaches. */
    STATE_ONLY_IN_JAVA,
    /** A step in TLC's graph to a state the Java model never reaches. */
    STATE_ONLY_IN_TLC,
    /** A labelled step of the Java model between states both have, that TLC does not take. */
    EDGE_ONLY_IN_JAVA,
    /** A labelled step in TLC's graph between states both have, that the Java model lacks. */
    EDGE_ONLY_IN_TLC,
    /** Two Java states that the view renders as one TLA+ state. */
    JAVA_STATES_MERGED
  }

  /** One step of a difference's trace: the label that led to it (null first) and the state. */
  public record Step(String label, Map<String, Value> state) {}

  /**
   * The first difference.
   *
   * @param kind what differs
   * @param description one line saying it, naming the label and the side that has it
   * @param trace the shortest trace to the differing state or edge, its last step the difference
   *     itself (TLA+ values, the view's variables)
   */
  public record Difference(Kind kind, String description, List<Step> trace) {}

  /**
   * The outcome.
   *
   * @param javaStates distinct states of the Java model explored
   * @param javaEdges distinct (state, label, successor) edges of the Java model explored
   * @param tlcStates states in TLC's graph
   * @param tlcEdges distinct edges in TLC's graph
   * @param difference the first difference, null when the graphs are equal
   * @param stopped true when {@code stop} ended the search early (no verdict)
   */
  public record Result(long javaStates, long javaEdges, int tlcStates, int tlcEdges,
      Difference difference, boolean stopped) {
    public boolean equal() {
      return difference == null && !stopped;
    }
  }

  /**
   * Runs the comparison.
   *
   * @param stop polled between states; true ends the search with {@code stopped}
   * @throws UserInputException if the model has no TLA+ view
   */
  public static <S, A extends Action> Result compare(Model<S, A> model, TlcGraph tlc,
      BooleanSupplier stop) {
    TlaView<S, A> view = model.tla();
    if (view == null) {
      throw new UserInputException("model " + model.name() + " has no TLA+ view; conform needs"
          + " one (Model.tla())");
    }
    return new Search<>(model, view, tlc, stop).run();
  }

  private static final class Search<S, A extends Action> {
    final Model<S, A> model;
    final TlaView<S, A> view;
    final List<String> vars;
    final TlcGraph tlc;
    final BooleanSupplier stop;
    final Fingerprinter fp = new Fingerprinter();
    /** Java fingerprint to node id. */
    final Map<Long, Integer> ids = new HashMap<>();
    /** Canonical TLA+ hash to node id, to catch two Java states that render as one. */
    final Map<Long, Integer> byTla = new HashMap<>();
    final List<Integer> parent = new ArrayList<>();
    final List<Integer> parentAction = new ArrayList<>();
    long edges;

    Search(Model<S, A> model, TlaView<S, A> view, TlcGraph tlc, BooleanSupplier stop) {
      this.model = model;
      this.view = view;
      this.vars = List.copyOf(view.variables());
      this.tlc = tlc;
      this.stop = stop;
    }

    Map<String, Value> render(S s) {
      Map<String, Value> raw = view.state(s);
      Map<String, Value> out = new LinkedHashMap<>();
      for (String v : vars) {
        Value x = raw.get(v);
        if (x == null) {
          throw new IllegalStateException("the TLA+ view of " + model.name()
              + " gives no value for variable " + v);
        }
        out.put(v, TlaValues.canonical(x));
      }
      return out;
    }

    /** Java fingerprint to canonical TLA+ hash: each distinct state is rendered once. */
    final java.util.concurrent.ConcurrentHashMap<Long, Long> hashes =
        new java.util.concurrent.ConcurrentHashMap<>();
    final ThreadLocal<Fingerprinter> fps = ThreadLocal.withInitial(Fingerprinter::new);

    long hash(S s) {
      return hash(fps.get().fingerprint(model, s), s);
    }

    /** The canonical TLA+ hash of {@code s}, whose Java fingerprint is {@code f}. */
    long hash(long f, S s) {
      Long h = hashes.get(f);
      if (h == null) {
        h = TlaValues.hash(vars, render(s));
        hashes.put(f, h);
      }
      return h;
    }

    /** A frontier state's labelled successors (computed in parallel, compared in order). */
    record Expansion<S, A>(List<A> actions, List<S> succ, List<Long> succFp,
        List<Long> succHash, List<String> labels) {}

    Expansion<S, A> expand(S s) {
      List<A> actions = model.enabledActions(s);
      List<S> succ = new ArrayList<>(actions.size());
      List<Long> succFp = new ArrayList<>(actions.size());
      List<Long> succHash = new ArrayList<>(actions.size());
      List<String> labels = new ArrayList<>(actions.size());
      for (A a : actions) {
        S n = model.next(s, a);
        succ.add(n);
        long f = fps.get().fingerprint(model, n);
        succFp.add(f);
        succHash.add(hash(f, n));
        labels.add(view.label(s, a, n));
      }
      return new Expansion<>(actions, succ, succFp, succHash, labels);
    }

    Result result(Difference d, boolean stopped) {
      return new Result(ids.size(), edges, tlc.size(), tlc.edges(), d, stopped);
    }

    Result run() {
      List<S> frontier = new ArrayList<>();
      List<Integer> frontierIds = new ArrayList<>();
      List<S> inits = model.initialStates();
      java.util.Set<Long> javaInit = new java.util.HashSet<>();
      for (int k = 0; k < inits.size(); k++) {
        S s = inits.get(k);
        long h = hash(s);
        int t = tlc.indexOf(h);
        if (t < 0 || !tlc.initial(t)) {
          return result(new Difference(Kind.INIT_ONLY_IN_JAVA, "initial state " + (k + 1)
              + " of the Java model is " + (t < 0 ? "not a state" : "not an initial state")
              + " of TLC's graph", List.of(new Step(null, render(s)))), false);
        }
        Integer seen = add(fp.fingerprint(model, s), h, -1, -1);
        if (seen == null) {
          javaInit.add(h);
          frontier.add(s);
          frontierIds.add(ids.size() - 1);
        } else if (seen == -2) {
          return merged(s, h, null);
        }
      }
      for (int t = 0; t < tlc.size(); t++) {
        if (tlc.initial(t) && !javaInit.contains(tlc.hash(t))) {
          return result(new Difference(Kind.INIT_ONLY_IN_TLC, "an initial state of TLC's graph"
              + " is not an initial state of the Java model", List.of(new Step(null,
                  tlc.state(t)))), false);
        }
      }
      while (!frontier.isEmpty()) {
        List<S> next = new ArrayList<>();
        List<Integer> nextIds = new ArrayList<>();
        if (stop.getAsBoolean()) {
          return result(null, true);
        }
        List<S> level = frontier;
        List<Expansion<S, A>> expansions = java.util.stream.IntStream.range(0, level.size())
            .parallel().mapToObj(k -> expand(level.get(k))).toList();
        for (int k = 0; k < frontier.size(); k++) {
          S s = frontier.get(k);
          int id = frontierIds.get(k);
          long h = hash(s);
          int t = tlc.indexOf(h);
          // labelled successors of the Java side, in action order, one per distinct edge
          Expansion<S, A> x = expansions.get(k);
          List<A> actions = x.actions();
          List<S> succ = x.succ();
          List<Long> succHash = x.succHash();
          List<String> labels = x.labels();
          Map<Long, Integer> javaEdges = new LinkedHashMap<>();
          for (int a = 0; a < actions.size(); a++) {
            if (succHash.get(a) != h) { // stuttering steps are not compared (see TlcGraph)
              javaEdges.putIfAbsent(edgeKey(labels.get(a), succHash.get(a)), a);
            }
          }
          edges += javaEdges.size();
          java.util.Set<Long> tlcEdges = new java.util.HashSet<>();
          for (int e = tlc.edgeStart(t); e < tlc.edgeStart(t + 1); e++) {
            tlcEdges.add(edgeKey(tlc.edgeLabel(e), tlc.hash(tlc.edgeTarget(e))));
          }
          for (Map.Entry<Long, Integer> e : javaEdges.entrySet()) {
            if (!tlcEdges.contains(e.getKey())) {
              int a = e.getValue();
              String label = labels.get(a);
              boolean known = tlc.indexOf(succHash.get(a)) >= 0;
              List<Step> trace = trace(id);
              trace.add(new Step(label, render(succ.get(a))));
              return result(new Difference(known ? Kind.EDGE_ONLY_IN_JAVA
                  : Kind.STATE_ONLY_IN_JAVA, "the Java model takes " + actions.get(a).label()
                  + " (TLA+ label " + label + ") from state " + (trace.size() - 2) + " to "
                  + (known ? "a state TLC has, by a step TLC does not take"
                      : "a state TLC never reaches"), trace), false);
            }
          }
          for (int e = tlc.edgeStart(t); e < tlc.edgeStart(t + 1); e++) {
            long target = tlc.hash(tlc.edgeTarget(e));
            if (!javaEdges.containsKey(edgeKey(tlc.edgeLabel(e), target))) {
              boolean known = byTla.containsKey(target) || succHash.contains(target);
              List<Step> trace = trace(id);
              trace.add(new Step(tlc.edgeLabel(e), tlc.state(tlc.edgeTarget(e))));
              return result(new Difference(known ? Kind.EDGE_ONLY_IN_TLC
                  : Kind.STATE_ONLY_IN_TLC, "TLC takes " + tlc.edgeLabel(e) + " from state "
                  + (trace.size() - 2) + " to " + (known ? "a state the Java model has, by a"
                      + " step the Java model does not take" : "a state the Java model has not"
                      + " reached (so far)"), trace), false);
            }
          }
          for (int a = 0; a < actions.size(); a++) {
            Integer seen = add(x.succFp().get(a), succHash.get(a), id, a);
            if (seen == null) {
              next.add(succ.get(a));
              nextIds.add(ids.size() - 1);
            } else if (seen == -2) {
              return merged(succ.get(a), succHash.get(a), trace(id));
            }
          }
        }
        frontier = next;
        frontierIds = nextIds;
      }
      return result(null, false);
    }

    private static long edgeKey(String label, long targetHash) {
      long h = (targetHash ^ (label.hashCode() * 0x9E3779B97F4A7C15L)) * 0xbf58476d1ce4e5b9L;
      return h ^ (h >>> 31);
    }

    /** Adds a state: null if new, its id if known, -2 if a different state renders the same. */
    private Integer add(long f, long tlaHash, int parentId, int action) {
      Integer known = ids.get(f);
      if (known != null) {
        return known;
      }
      if (byTla.containsKey(tlaHash)) {
        return -2;
      }
      int id = ids.size();
      ids.put(f, id);
      byTla.put(tlaHash, id);
      parent.add(parentId);
      parentAction.add(action);
      return null;
    }

    private Result merged(S s, long h, List<Step> prefix) {
      List<Step> trace = prefix == null ? new ArrayList<>() : prefix;
      trace.add(new Step(trace.isEmpty() ? null : "(Java step)", render(s)));
      List<Step> other = trace(byTla.get(h));
      return result(new Difference(Kind.JAVA_STATES_MERGED, "two different Java states render"
          + " as the same TLA+ state (the other is reached in " + other.size() + " states);"
          + " the view drops a variable the Java model keeps", trace), false);
    }

    /** The Java model's path to node {@code id}, re-executed from its initial state. */
    private List<Step> trace(int id) {
      List<Integer> chain = new ArrayList<>();
      for (int k = id; k >= 0; k = parent.get(k)) {
        chain.add(k);
      }
      java.util.Collections.reverse(chain);
      int root = chain.get(0);
      // initial states get ids 0.. in the order they were added
      S s = rootState(root);
      List<Step> out = new ArrayList<>();
      out.add(new Step(null, render(s)));
      for (int k = 1; k < chain.size(); k++) {
        A a = model.enabledActions(s).get(parentAction.get(chain.get(k)));
        S n = model.next(s, a);
        out.add(new Step(view.label(s, a, n), render(n)));
        s = n;
      }
      return out;
    }

    private S rootState(int root) {
      List<S> inits = model.initialStates();
      int seen = 0;
      for (S s : inits) {
        long f = fp.fingerprint(model, s);
        if (ids.get(f) != null && ids.get(f) == root) {
          return s;
        }
        seen++;
      }
      throw new IllegalStateException("initial state of node " + root + " not found among "
          + seen);
    }
  }
}
