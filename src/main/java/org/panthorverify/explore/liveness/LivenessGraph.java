package org.panthorverify.explore.liveness;

import java.util.Arrays;

/**
 * A state graph in compressed sparse row form, as liveness checking needs it. Node ids are dense
 * ({@code 0 .. size-1}); node 0 .. {@code initialCount-1} are the initial states. Each edge carries
 * the mask of the fairness families its action belongs to (bit {@code f} for family {@code f}, at
 * most 64 families); each node carries the mask of families enabled in it. Stuttering is implicit:
 * every node may repeat itself, on a step that belongs to no family.
 */
public final class LivenessGraph {
  private final int size;
  private final int initialCount;
  private final int[] offsets;
  private final int[] targets;
  private final long[] edgeFamilies;
  private final long[] enabled;

  private LivenessGraph(int size, int initialCount, int[] offsets, int[] targets,
      long[] edgeFamilies, long[] enabled) {
    this.size = size;
    this.initialCount = initialCount;
    this.offsets = offsets;
    this.targets = targets;
    this.edgeFamilies = edgeFamilies;
    this.enabled = enabled;
  }

  public int size() {
    return size;
  }

  public int initialCount() {
    return initialCount;
  }

  /** The first edge index of node {@code v}; its edges are {@code [edgeStart(v), edgeEnd(v))}. */
  public int edgeStart(int v) {
    return offsets[v];
  }

  public int edgeEnd(int v) {
    return offsets[v + 1];
  }

  public int target(int edge) {
    return targets[edge];
  }

  public long edgeFamilies(int edge) {
    return edgeFamilies[edge];
  }

  /** The families enabled in node {@code v}. */
  public long enabled(int v) {
    return enabled[v];
  }

  /** A builder that takes nodes in id order and each node's edges right after it. */
  public static final class Builder {
    private final int initialCount;
    private int size;
    private int[] offsets = new int[16];
    private int[] targets = new int[16];
    private long[] edgeFamilies = new long[16];
    private long[] enabled = new long[16];
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
        edgeFamilies = Arrays.copyOf(edgeFamilies, edges * 2);
      }
      targets[edges] = target;
      edgeFamilies[edges] = families;
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
      return new LivenessGraph(size, initialCount, off, Arrays.copyOf(targets, edges),
          Arrays.copyOf(edgeFamilies, edges), Arrays.copyOf(enabled, size));
    }
  }
}
