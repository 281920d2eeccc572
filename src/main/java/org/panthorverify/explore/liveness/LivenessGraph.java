package org.panthorverify.explore.liveness;

import java.util.Arrays;

/**
 * A state graph in compressed sparse row form, as liveness checking needs it. Node ids are dense
 * ({@code 0 .. size-1}); node 0 .. {@code initialCount-1} are the initial states. Each edge carries
 * a label (in the checker's graphs, the id of the action that takes it), and each label the mask of
 * the fairness families it belongs to (bit {@code f} for family {@code f}, at most 64 families);
 * each node carries the mask of families enabled in it. Stuttering is implicit: every node may
 * repeat itself, on a step that belongs to no family.
 *
 * <p>A graph may be partial: only nodes {@code 0 .. expanded-1} have their successors (an
 * exploration stopped by a limit). Nodes from {@code expanded} on are known only as targets; a
 * checker must not put them on a cycle, since their edges and enabled families are unknown.
 *
 * <p>Memory: 4 bytes a node for the offsets, 8 for the enabled mask, and 8 an edge (target and
 * label); no objects per node or edge.
 */
public final class LivenessGraph {
  private final int size;
  private final int initialCount;
  private final int expanded;
  private final int[] offsets;
  private final int[] targets;
  private final int[] edgeLabels;
  private final long[] labelFamilies;
  private final long[] enabled;

  LivenessGraph(int size, int initialCount, int expanded, int[] offsets, int[] targets,
      int[] edgeLabels, long[] labelFamilies, long[] enabled) {
    this.size = size;
    this.initialCount = initialCount;
    this.expanded = expanded;
    this.offsets = offsets;
    this.targets = targets;
    this.edgeLabels = edgeLabels;
    this.labelFamilies = labelFamilies;
    this.enabled = enabled;
  }

  public int size() {
    return size;
  }

  public int initialCount() {
    return initialCount;
  }

  /** The nodes {@code 0 .. expanded()-1} have their successors; equal to size when complete. */
  public int expanded() {
    return expanded;
  }

  /** The first edge index of node {@code v}; its edges are {@code [edgeStart(v), edgeEnd(v))}. */
  public int edgeStart(int v) {
    return v < expanded ? offsets[v] : 0;
  }

  public int edgeEnd(int v) {
    return v < expanded ? offsets[v + 1] : 0;
  }

  public int target(int edge) {
    return targets[edge];
  }

  /** The edge's label (an action id in the checker's graphs). */
  public int edgeLabel(int edge) {
    return edgeLabels[edge];
  }

  public long edgeFamilies(int edge) {
    return labelFamilies[edgeLabels[edge]];
  }

  /** The families enabled in node {@code v}. */
  public long enabled(int v) {
    return v < expanded ? enabled[v] : 0;
  }

  /** A builder that takes nodes in id order and each node's edges right after it. */
  public static final class Builder {
    private final int initialCount;
    private int size;
    private int[] offsets = new int[16];
    private int[] targets = new int[16];
    private int[] labels = new int[16];
    private long[] enabled = new long[16];
    private final java.util.Map<Long, Integer> labelOf = new java.util.HashMap<>();
    private long[] labelFamilies = new long[4];
    private int edges;

    public Builder(int initialCount) {
      this.initialCount = initialCount;
    }

    /** Starts the next node (its id is the number of nodes so far) with its enabled families. */
    public Builder node(long enabledFamilies) {
      if (size + 1 >= offsets.length) {
        offsets = Arrays.copyOf(offsets, offsets.length * 2);
        enabled = Arrays.copyOf(enabled, enabled.length * 2);
      }
      offsets[size] = edges;
      enabled[size] = enabledFamilies;
      size++;
      return this;
    }

    /** An edge of the current node to {@code target}, taken by an action of {@code families}. */
    public Builder edge(int target, long families) {
      if (size == 0) {
        throw new IllegalStateException("edge before the first node");
      }
      if (edges == targets.length) {
        targets = Arrays.copyOf(targets, edges * 2);
        labels = Arrays.copyOf(labels, edges * 2);
      }
      Integer label = labelOf.get(families);
      if (label == null) {
        label = labelOf.size();
        labelOf.put(families, label);
        if (label == labelFamilies.length) {
          labelFamilies = Arrays.copyOf(labelFamilies, label * 2);
        }
        labelFamilies[label] = families;
      }
      targets[edges] = target;
      labels[edges] = label;
      edges++;
      return this;
    }

    public LivenessGraph build() {
      if (initialCount < 1 || initialCount > size) {
        throw new IllegalStateException("initial count " + initialCount + " of " + size);
      }
      int[] off = Arrays.copyOf(offsets, size + 1);
      off[size] = edges;
      for (int e = 0; e < edges; e++) {
        if (targets[e] < 0 || targets[e] >= size) {
          throw new IllegalStateException("edge to unknown node " + targets[e]);
        }
      }
      return new LivenessGraph(size, initialCount, size, off, targets, labels, labelFamilies,
          Arrays.copyOf(enabled, size));
    }
  }
}
