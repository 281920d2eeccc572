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
    int expanded = g.expanded();
    // 1. The not-Q states reachable, inside not-Q, from a P-and-not-Q state. Only expanded nodes:
    // the successors and enabled families of the others are unknown.
    BitSet region = new BitSet(n);
    IntQueue work = new IntQueue(n);
    for (int v = p.nextSetBit(0); v >= 0 && v < expanded; v = p.nextSetBit(v + 1)) {
      if (!q.get(v)) {
        region.set(v);
        work.add(v);
      }
    }
    while (!work.isEmpty()) {
      int v = work.poll();
      for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
        int t = g.target(e);
        if (t < expanded && !q.get(t) && !region.get(t)) {
          region.set(t);
          work.add(t);
        }
      }
    }
    work = null;
    if (region.isEmpty()) {
      return Optional.empty();
    }
    // 2. Fair components. A component found fair gets an id in fairComponent; one that a strongly
    // fair family makes unfair is refined (its states where the family is enabled removed) and
    // split again. No per-component bit sets: membership is marked with stamps.
    Components comps = new Components(g, weak, strong);
    comps.split(members(region));
    while (!comps.pending.isEmpty()) {
      comps.split(comps.pending.poll());
    }
    if (comps.fairCount == 0) {
      return Optional.empty();
    }
    BitSet fair = new BitSet(n);
    for (int v = region.nextSetBit(0); v >= 0; v = region.nextSetBit(v + 1)) {
      if (comps.fairComponent[v] >= 0) {
        fair.set(v);
      }
    }
    // 3. The region's states that reach a fair component inside the region.
    BitSet leads = backward(g, region, fair);
    // 4. The shortest prefix to a P-and-not-Q state that leads there.
    Paths paths = new Paths(n);
    int[][] prefix = paths.shortest(g, null, initials(g), v -> p.get(v) && !q.get(v)
        && leads.get(v));
    if (prefix == null) {
      return Optional.empty(); // not reachable from an initial state
    }
    int start = prefix[0][prefix[0].length - 1];
    IntList prefixNodes = new IntList(prefix[0]);
    IntList prefixEdges = new IntList(prefix[1]);
    // 5. Into the closest fair component, inside the region.
    int[][] into = paths.shortest(g, region, new int[] {start}, fair::get);
    int entry = into[0][into[0].length - 1];
    for (int i = 1; i < into[0].length; i++) {
      prefixNodes.add(into[0][i]);
      prefixEdges.add(into[1][i - 1]);
    }
    // 6. A cycle through one witness per fairness family.
    int id = comps.fairComponent[entry];
    BitSet c = new BitSet(n);
    for (int v = fair.nextSetBit(0); v >= 0; v = fair.nextSetBit(v + 1)) {
      if (comps.fairComponent[v] == id) {
        c.set(v);
      }
    }
    IntList cycle = new IntList(new int[] {entry});
    IntList cycleEdges = new IntList(new int[0]);
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
      at = walk(g, paths, c, at, witnessNode, cycle, cycleEdges);
      if (witnessEdge >= 0) {
        cycle.add(g.target(witnessEdge));
        cycleEdges.add(witnessEdge);
        at = g.target(witnessEdge);
      }
    }
    walk(g, paths, c, at, entry, cycle, cycleEdges);
    if (cycle.size() == 1) {
      cycle.add(entry);
      cycleEdges.add(-1); // stutter
    }
    return Optional.of(new Lasso(prefixNodes.toArray(), prefixEdges.toArray(), cycle.toArray(),
        cycleEdges.toArray()));
  }

  private static int[] initials(LivenessGraph g) {
    int[] out = new int[g.initialCount()];
    for (int v = 0; v < out.length; v++) {
      out[v] = v;
    }
    return out;
  }

  /** Appends the shortest path inside {@code c} from {@code from} to {@code to}. */
  private static int walk(LivenessGraph g, Paths paths, BitSet c, int from, int to,
      IntList nodes, IntList edges) {
    if (from == to) {
      return to;
    }
    int[][] p = paths.shortest(g, c, new int[] {from}, v -> v == to);
    for (int i = 1; i < p[0].length; i++) {
      nodes.add(p[0][i]);
      edges.add(p[1][i - 1]);
    }
    return to;
  }

  /**
   * Breadth-first shortest paths with scratch arrays reused between searches (only the entries a
   * search touched are reset), so that the few searches a lasso needs on a graph of millions of
   * nodes cost no fresh arrays of the graph's size.
   */
  private static final class Paths {
    final int[] parent;
    final int[] parentEdge;
    final IntQueue queue;

    Paths(int n) {
      parent = new int[n];
      parentEdge = new int[n];
      Arrays.fill(parent, -2);
      queue = new IntQueue(n);
    }

    /**
     * The shortest path from one of {@code sources} (tried in order) to a node satisfying {@code
     * goal}, through nodes of {@code within} (null: any node); {@code [nodes, edges]}, or null.
     */
    int[][] shortest(LivenessGraph g, BitSet within, int[] sources,
        java.util.function.IntPredicate goal) {
      queue.clear();
      for (int s : sources) {
        if (parent[s] == -2) {
          parent[s] = -1;
          parentEdge[s] = -1;
          queue.add(s);
        }
      }
      int end = -1;
      int visited = 0;
      while (visited < queue.tail) {
        int v = queue.items[visited++];
        if (goal.test(v)) {
          end = v;
          break;
        }
        for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
          int t = g.target(e);
          if ((within == null || within.get(t)) && parent[t] == -2) {
            parent[t] = v;
            parentEdge[t] = e;
            queue.add(t);
          }
        }
      }
      int[][] out = null;
      if (end >= 0) {
        IntList nodes = new IntList(new int[0]);
        IntList edges = new IntList(new int[0]);
        for (int v = end; v >= 0; v = parent[v]) {
          nodes.add(v);
          if (parent[v] >= 0) {
            edges.add(parentEdge[v]);
          }
        }
        out = new int[][] {nodes.reversed(), edges.reversed()};
      }
      for (int i = 0; i < queue.tail; i++) {
        parent[queue.items[i]] = -2;
      }
      return out;
    }
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
    fill = null;
    BitSet seen = (BitSet) targets.clone();
    IntQueue queue = new IntQueue(n);
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
   * Splits node sets into strongly connected components and sorts them into fair, unfair and to
   * be refined. Scratch arrays of the graph's size are allocated once and shared by every split.
   */
  static final class Components {
    final LivenessGraph g;
    final long weak;
    final long strong;
    /** The id of the fair component a node belongs to, or -1. */
    final int[] fairComponent;
    int fairCount;
    final ArrayDeque<int[]> pending = new ArrayDeque<>();
    /** Membership of the node set being split. */
    private final int[] setStamp;
    /** Membership of the component being judged. */
    private final int[] compStamp;
    private int stamp;
    private final int[] index;
    private final int[] low;
    private final int[] stack;
    private final int[] callNode;
    private final int[] callEdge;
    private final BitSet onStack;

    Components(LivenessGraph g, long weak, long strong) {
      this.g = g;
      this.weak = weak;
      this.strong = strong;
      int n = g.size();
      fairComponent = new int[n];
      Arrays.fill(fairComponent, -1);
      setStamp = new int[n];
      compStamp = new int[n];
      index = new int[n];
      low = new int[n];
      stack = new int[n];
      callNode = new int[n];
      callEdge = new int[n];
      onStack = new BitSet(n);
    }

    /**
     * Splits the subgraph induced by {@code nodes} into strongly connected components by an
     * iterative Tarjan (no recursion, so deep graphs do not overflow the stack), judging each as
     * it is found. Every node has a stuttering self-loop, so each component, even a single node,
     * carries a cycle.
     */
    void split(int[] nodes) {
      int mine = ++stamp;
      for (int v : nodes) {
        setStamp[v] = mine;
        index[v] = -1;
      }
      int sp = 0;
      int counter = 0;
      for (int root : nodes) {
        if (index[root] >= 0) {
          continue;
        }
        int depth = 0;
        callNode[0] = root;
        callEdge[0] = g.edgeStart(root);
        index[root] = low[root] = counter++;
        stack[sp++] = root;
        onStack.set(root);
        while (depth >= 0) {
          int v = callNode[depth];
          if (callEdge[depth] < g.edgeEnd(v)) {
            int t = g.target(callEdge[depth]++);
            if (setStamp[t] != mine) {
              continue;
            }
            if (index[t] < 0) {
              index[t] = low[t] = counter++;
              stack[sp++] = t;
              onStack.set(t);
              depth++;
              callNode[depth] = t;
              callEdge[depth] = g.edgeStart(t);
            } else if (onStack.get(t)) {
              low[v] = Math.min(low[v], index[t]);
            }
            continue;
          }
          if (low[v] == index[v]) {
            int top = sp;
            int w;
            do {
              w = stack[--sp];
              onStack.clear(w);
            } while (w != v);
            judge(sp, top);
          }
          depth--;
          if (depth >= 0) {
            int up = callNode[depth];
            low[up] = Math.min(low[up], low[v]);
          }
        }
      }
    }

    /** Judges the component {@code stack[from .. to)}. */
    private void judge(int from, int to) {
      if (to - from == 1) {
        // A single node: its cycles are stuttering, which takes no family, and self-loops.
        int v = stack[from];
        long enabled = g.enabled(v);
        long taken = 0;
        for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
          if (g.target(e) == v) {
            taken |= g.edgeFamilies(e);
          }
        }
        if (((weak | strong) & enabled & ~taken) == 0) {
          fairComponent[v] = fairCount++;
        }
        return;
      }
      int mine = ++stamp;
      long taken = 0;
      long all = -1L;
      long any = 0;
      for (int i = from; i < to; i++) {
        compStamp[stack[i]] = mine;
      }
      for (int i = from; i < to; i++) {
        int v = stack[i];
        all &= g.enabled(v);
        any |= g.enabled(v);
        for (int e = g.edgeStart(v); e < g.edgeEnd(v); e++) {
          if (compStamp[g.target(e)] == mine) {
            taken |= g.edgeFamilies(e);
          }
        }
      }
      if ((weak & all & ~taken) != 0) {
        return; // a weakly fair family enabled throughout and never taken
      }
      long unmet = strong & any & ~taken;
      if (unmet != 0) {
        int[] rest = Arrays.stream(stack, from, to)
            .filter(v -> (g.enabled(v) & unmet) == 0).sorted().toArray();
        if (rest.length > 0) {
          pending.add(rest);
        }
        return;
      }
      int id = fairCount++;
      for (int i = from; i < to; i++) {
        fairComponent[stack[i]] = id;
      }
    }
  }

  /** A FIFO of ints with room for every node once. */
  private static final class IntQueue {
    final int[] items;
    int head;
    int tail;

    IntQueue(int capacity) {
      items = new int[capacity];
    }

    void add(int v) {
      items[tail++] = v;
    }

    int poll() {
      return items[head++];
    }

    boolean isEmpty() {
      return head == tail;
    }

    void clear() {
      head = 0;
      tail = 0;
    }
  }

  /** A growable list of ints. */
  private static final class IntList {
    private int[] items;
    private int size;

    IntList(int[] initial) {
      items = Arrays.copyOf(initial, Math.max(4, initial.length));
      size = initial.length;
    }

    void add(int v) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = v;
    }

    int size() {
      return size;
    }

    int[] toArray() {
      return Arrays.copyOf(items, size);
    }

    int[] reversed() {
      int[] out = new int[size];
      for (int i = 0; i < size; i++) {
        out[i] = items[size - 1 - i];
      }
      return out;
    }
  }
}
