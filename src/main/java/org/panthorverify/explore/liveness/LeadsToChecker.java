package org.panthorverify.explore.liveness;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;

/**
 * Checks {@code P ~> Q} on a {@link LivenessGraph} under weak and strong fairness of families,
 * with TLA+'s semantics: a behaviour may stutter in any state, on a step of no family.
 *
 * <p>A counterexample is a reachable state satisfying P and not Q, followed by a path and then a
 * cycle that stay in states not satisfying Q, where the cycle is fair: every weakly fair family
 * is taken on the cycle or disabled somewhere on it, and every strongly fair family enabled
 * somewhere on it is taken on it. The search: restrict the graph to the not-Q states reachable,
 * without leaving not-Q, from a P-and-not-Q state; split it into strongly connected components
 * (iterative Tarjan); keep a component if it is fair, dropping it if a weakly fair family is
 * enabled throughout it and never taken, and refining it (removing the states where the family
 * is enabled, then splitting again) if a strongly fair family is enabled in it but never taken.
 * The lasso uses the shortest path from an initial state to the closest P-and-not-Q state that
 * leads to a fair component, then the shortest path into that component, then a cycle through
 * one witness edge or state per fairness family.
 */
public final class LeadsToChecker {
  private LeadsToChecker() {}

  /**
   * A lasso: {@code prefix} runs from an initial node to the cycle's first node (inclusive),
   * {@code cycle} from that node back to it (the first node repeated at the end); {@code
   * cycleEdges[i]} is the edge from {@code cycle[i]} to {@code cycle[i + 1]}, or -1 for a
   * stuttering step; {@code prefixEdges} likewise for the prefix.
   */
  public record Lasso(int[] prefix, int[] prefixEdges, int[] cycle, int[] cycleEdges) {}

  /**
   * Searches a counterexample to {@code p ~> q}.
   *
   * @param weak the weakly fair families (bit mask)
   * @param strong the strongly fair families (bit mask)
   */
  public static Optional<Lasso> check(LivenessGraph g, BitSet p, BitSet q, long weak,
      long strong) {
    int n = g.size();
    // 1. The not-Q states reachable, inside not-Q, from a P-and-not-Q state.
    BitSet region = new BitSet(n);
    ArrayDeque<Integer> work = new ArrayDeque<>();
    for (int v = p.nextSetBit(0); v >= 0 && v < n; v = p.nextSetBit(v + 1)) {
      if (!q.get(v)) {
        region.set(v);
        work.add(v);
      }
    }
    while (!work.isEmpty()) {
      int v = work.poll();
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        int t = g.target(e);
        if (!q.get(t) && !region.get(t)) {
          region.set(t);
          work.add(t);
        }
      }
    }
    if (region.isEmpty()) {
      return Optional.empty();
    }
    // 2. Fair components (members as int arrays; membership through a stamped array, so that
    // millions of small components cost no per-component bit set of the graph's size).
    BitSet fair = new BitSet(n);
    int[] fairComponent = new int[n];
    Arrays.fill(fairComponent, -1);
    List<int[]> components = new ArrayList<>();
    int[] stampOf = new int[n];
    int[] stamp = {0};
    ArrayDeque<int[]> pending = new ArrayDeque<>(scc(g, members(region), stampOf, stamp));
    while (!pending.isEmpty()) {
      int[] c = pending.poll();
      int mine = ++stamp[0];
      for (int v : c) {
        stampOf[v] = mine;
      }
      long taken = 0;
      long all = -1L;
      long any = 0;
      for (int v : c) {
        all &= g.enabled(v);
        any |= g.enabled(v);
        for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
          if (stampOf[g.target(e)] == mine) {
            taken |= g.edgeFamilies(e);
          }
        }
      }
      if ((weak & all & ~taken) != 0) {
        continue; // a weakly fair family enabled throughout and never taken
      }
      long unmet = strong & any & ~taken;
      if (unmet != 0) {
        int[] rest = Arrays.stream(c).filter(v -> (g.enabled(v) & unmet) == 0).toArray();
        if (rest.length > 0) {
          pending.addAll(scc(g, rest, stampOf, stamp));
        }
        continue;
      }
      int id = components.size();
      components.add(c);
      for (int v : c) {
        fair.set(v);
        fairComponent[v] = id;
      }
    }
    if (fair.isEmpty()) {
      return Optional.empty();
    }
    // 3. The region's states that reach a fair component inside the region.
    BitSet leads = backward(g, region, fair);
    // 4. The shortest prefix to a P-and-not-Q state that leads there.
    int[] parentEdge = new int[n];
    int[] parent = new int[n];
    Arrays.fill(parent, -2);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int v = 0; v < g.initialCount(); v++) {
      parent[v] = -1;
      parentEdge[v] = -1;
      queue.add(v);
    }
    int start = -1;
    while (!queue.isEmpty() && start < 0) {
      int v = queue.poll();
      if (p.get(v) && !q.get(v) && leads.get(v)) {
        start = v;
        break;
      }
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        int t = g.target(e);
        if (parent[t] == -2) {
          parent[t] = v;
          parentEdge[t] = e;
          queue.add(t);
        }
      }
    }
    if (start < 0) {
      return Optional.empty(); // not reachable from an initial state
    }
    List<Integer> prefixNodes = new ArrayList<>();
    List<Integer> prefixEdges = new ArrayList<>();
    for (int v = start; v >= 0; v = parent[v]) {
      prefixNodes.add(0, v);
      prefixEdges.add(0, parentEdge[v]);
    }
    prefixEdges.remove(0);
    // 5. Into the closest fair component, inside the region.
    int[][] into = path(g, region, start, fair);
    int entry = into[0][into[0].length - 1];
    for (int i = 1; i < into[0].length; i++) {
      prefixNodes.add(into[0][i]);
      prefixEdges.add(into[1][i - 1]);
    }
    // 6. A cycle through one witness per fairness family.
    BitSet c = new BitSet(n);
    for (int v : components.get(fairComponent[entry])) {
      c.set(v);
    }
    List<Integer> cycle = new ArrayList<>(List.of(entry));
    List<Integer> cycleEdges = new ArrayList<>();
    int at = entry;
    for (int f = 0; f < 64; f++) {
      long bit = 1L << f;
      if (((weak | strong) & bit) == 0) {
        continue;
      }
      int witnessEdge = -1;
      int witnessNode = -1;
      for (int v = c.nextSetBit(0); v >= 0 && witnessEdge < 0; v = c.nextSetBit(v + 1)) {
        for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
          if (c.get(g.target(e)) && (g.edgeFamilies(e) & bit) != 0) {
            witnessEdge = e;
            witnessNode = v;
            break;
          }
        }
      }
      if (witnessEdge < 0) {
        // Not taken: fair only because it is disabled somewhere (weak) or nowhere enabled.
        if ((strong & bit) != 0) {
          continue;
        }
        for (int v = c.nextSetBit(0); v >= 0; v = c.nextSetBit(v + 1)) {
          if ((g.enabled(v) & bit) == 0) {
            witnessNode = v;
            break;
          }
        }
      }
      if (witnessNode < 0) {
        continue;
      }
      at = walk(g, c, at, witnessNode, cycle, cycleEdges);
      if (witnessEdge >= 0) {
        cycle.add(g.target(witnessEdge));
        cycleEdges.add(witnessEdge);
        at = g.target(witnessEdge);
      }
    }
    walk(g, c, at, entry, cycle, cycleEdges);
    if (cycle.size() == 1) {
      cycle.add(entry);
      cycleEdges.add(-1); // stutter
    }
    return Optional.of(new Lasso(ints(prefixNodes), ints(prefixEdges), ints(cycle),
        ints(cycleEdges)));
  }

  /** Appends the shortest path inside {@code c} from {@code from} to {@code to}. */
  private static int walk(LivenessGraph g, BitSet c, int from, int to, List<Integer> nodes,
      List<Integer> edges) {
    if (from == to) {
      return to;
    }
    BitSet target = new BitSet();
    target.set(to);
    int[][] p = path(g, c, from, target);
    for (int i = 1; i < p[0].length; i++) {
      nodes.add(p[0][i]);
      edges.add(p[1][i - 1]);
    }
    return to;
  }

  /** The shortest path inside {@code within} from {@code from} to a node of {@code to}. */
  private static int[][] path(LivenessGraph g, BitSet within, int from, BitSet to) {
    int n = g.size();
    int[] parent = new int[n];
    int[] parentEdge = new int[n];
    Arrays.fill(parent, -2);
    parent[from] = -1;
    ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
    int end = -1;
    while (!queue.isEmpty()) {
      int v = queue.poll();
      if (to.get(v)) {
        end = v;
        break;
      }
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        int t = g.target(e);
        if (within.get(t) && parent[t] == -2) {
          parent[t] = v;
          parentEdge[t] = e;
          queue.add(t);
        }
      }
    }
    if (end < 0) {
      throw new IllegalStateException("no path from " + from);
    }
    List<Integer> nodes = new ArrayList<>();
    List<Integer> edges = new ArrayList<>();
    for (int v = end; v != from; v = parent[v]) {
      nodes.add(0, v);
      edges.add(0, parentEdge[v]);
    }
    nodes.add(0, from);
    return new int[][] {ints(nodes), ints(edges)};
  }

  /** The nodes of {@code within} that reach {@code targets} without leaving {@code within}. */
  private static BitSet backward(LivenessGraph g, BitSet within, BitSet targets) {
    int n = g.size();
    // Reverse adjacency restricted to `within`.
    int[] count = new int[n + 1];
    for (int v = within.nextSetBit(0); v >= 0; v = within.nextSetBit(v + 1)) {
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        if (within.get(g.target(e))) {
          count[g.target(e) + 1]++;
        }
      }
    }
    for (int i = 0; i < n; i++) {
      count[i + 1] += count[i];
    }
    int[] sources = new int[count[n]];
    int[] fill = Arrays.copyOf(count, n);
    for (int v = within.nextSetBit(0); v >= 0; v = within.nextSetBit(v + 1)) {
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        int t = g.target(e);
        if (within.get(t)) {
          sources[fill[t]++] = v;
        }
      }
    }
    BitSet seen = (BitSet) targets.clone();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    for (int v = targets.nextSetBit(0); v >= 0; v = targets.nextSetBit(v + 1)) {
      queue.add(v);
    }
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (int i = count[v]; i < count[v + 1]; i++) {
        int s = sources[i];
        if (!seen.get(s)) {
          seen.set(s);
          queue.add(s);
        }
      }
    }
    return seen;
  }

  /** The set bits of {@code b}, in order. */
  private static int[] members(BitSet b) {
    return b.stream().toArray();
  }

  /**
   * The strongly connected components of the subgraph induced by {@code nodes}, by an iterative
   * Tarjan (no recursion, so deep graphs do not overflow the stack). Every node has a stuttering
   * self-loop, so each component, even a single node, carries a cycle. Membership of {@code
   * nodes} is marked in {@code stampOf} with a fresh stamp taken from {@code stamp}.
   */
  static List<int[]> scc(LivenessGraph g, int[] nodes, int[] stampOf, int[] stamp) {
    int mine = ++stamp[0];
    for (int v : nodes) {
      stampOf[v] = mine;
    }
    int m = nodes.length;
    // Local indices: position in `nodes` (found by binary search; nodes are sorted).
    int[] sorted = nodes.clone();
    Arrays.sort(sorted);
    int[] index = new int[m];
    int[] low = new int[m];
    Arrays.fill(index, -1);
    boolean[] onStack = new boolean[m];
    int[] stack = new int[m];
    int sp = 0;
    int[] callNode = new int[m];
    int[] callEdge = new int[m];
    int counter = 0;
    List<int[]> out = new ArrayList<>();
    for (int rootPos = 0; rootPos < m; rootPos++) {
      if (index[rootPos] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = rootPos;
      callEdge[0] = g.edgeStart(sorted[rootPos]);
      index[rootPos] = low[rootPos] = counter++;
      stack[sp++] = rootPos;
      onStack[rootPos] = true;
      while (depth >= 0) {
        int vp = callNode[depth];
        int v = sorted[vp];
        if (callEdge[depth] < g.edgeEnd(v)) {
          int t = g.target(callEdge[depth]++);
          if (stampOf[t] != mine) {
            continue;
          }
          int tp = Arrays.binarySearch(sorted, t);
          if (index[tp] < 0) {
            index[tp] = low[tp] = counter++;
            stack[sp++] = tp;
            onStack[tp] = true;
            depth++;
            callNode[depth] = tp;
            callEdge[depth] = g.edgeStart(t);
          } else if (onStack[tp]) {
            low[vp] = Math.min(low[vp], index[tp]);
          }
          continue;
        }
        if (low[vp] == index[vp]) {
          int count = 0;
          int w;
          int top = sp;
          do {
            w = stack[--sp];
            onStack[w] = false;
            count++;
          } while (w != vp);
          int[] c = new int[count];
          for (int i = 0; i < count; i++) {
            c[i] = sorted[stack[sp + i]];
          }
          Arrays.sort(c);
          out.add(c);
          assert top - sp == count;
        }
        depth--;
        if (depth >= 0) {
          int up = callNode[depth];
          low[up] = Math.min(low[up], low[vp]);
        }
      }
    }
    return out;
  }

  private static int[] ints(List<Integer> l) {
    return l.stream().mapToInt(Integer::intValue).toArray();
  }
}
