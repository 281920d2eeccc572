package org.panthorverify.testkit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateCodec;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.core.Value;

/**
 * A {@link Model} drawn by hand as a directed graph: states are node numbers, actions are labelled
 * edges. Built with {@link #builder()}:
 *
 * <pre>{@code
 * GraphModel g = GraphModel.builder().init(0)
 *     .edge(0, 1, "a").edge(1, 2, "b").edge(0, 5, "c")
 *     .invariant("NoBad", n -> n != 5)
 *     .reachable("SeesTwo", n -> n == 2)
 *     .acceptEnd(n -> n == 2)
 *     .bound(n -> n < 10)
 *     .build();
 * }</pre>
 *
 * <p>The enabled actions of a node are its outgoing edges in insertion order; {@link Edge#name()}
 * is the edge's label and {@link Edge#params()} is {@code {to: target}}. Nothing else is needed to
 * write a targeted test of an explorer: shortest paths, frontier order, deadlocks, the state
 * constraint, action properties, reachability witnesses and model exceptions.
 */
public final class GraphModel implements Model<GraphModel.Node, GraphModel.Edge> {

  /** A state: one node of the graph. */
  public record Node(int id) {
    @Override
    public String toString() {
      return "n" + id;
    }
  }

  /**
   * An action: a labelled edge to {@code to}. Its record component {@code label} is also its
   * {@link Action#label()}, so messages (model exceptions, for one) show the bare label.
   */
  public record Edge(String label, int to) implements Action {
    @Override
    public String name() {
      return label;
    }

    @Override
    public Map<String, Value> params() {
      return Map.of("to", Value.of(to));
    }
  }

  /** A predicate over one transition {@code from --label--> to}. */
  @FunctionalInterface
  public interface EdgePredicate {
    boolean test(int from, String label, int to);
  }

  private final String name;
  private final List<Node> inits;
  private final Map<Integer, List<Edge>> edges;
  private final List<Property<Node, Edge>> properties;
  private final IntPredicate acceptEnd;
  private final IntPredicate bound;
  private final Set<String> failOn;
  private final Set<Integer> unencodable;
  private final boolean packed;

  private GraphModel(Builder b) {
    this.name = b.name;
    this.inits = b.inits.stream().map(Node::new).toList();
    Map<Integer, List<Edge>> e = new LinkedHashMap<>();
    b.edges.forEach((k, v) -> e.put(k, List.copyOf(v)));
    this.edges = e;
    this.properties = List.copyOf(b.properties);
    this.acceptEnd = b.acceptEnd;
    this.bound = b.bound;
    this.failOn = Set.copyOf(b.failOn);
    this.unencodable = Set.copyOf(b.unencodable);
    this.packed = b.packed;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The outgoing edges of {@code node}, in insertion order. */
  public List<Edge> edgesFrom(int node) {
    return edges.getOrDefault(node, List.of());
  }

  /** The initial nodes, in insertion order. */
  public List<Integer> initialNodes() {
    return inits.stream().map(Node::id).toList();
  }

  /** Whether {@code node} is inside the state constraint. */
  public boolean inBounds(int node) {
    return bound.test(node);
  }

  /** Whether {@code node} is an accepted end state. */
  public boolean acceptsEnd(int node) {
    return acceptEnd.test(node);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public List<String> variables() {
    return List.of("id");
  }

  @Override
  public List<Node> initialStates() {
    return inits;
  }

  @Override
  public List<Edge> enabledActions(Node state) {
    return edgesFrom(state.id());
  }

  @Override
  public Node next(Node state, Edge action) {
    if (failOn.contains(action.label())) {
      throw new IllegalStateException("edge " + action.label() + " fails on purpose");
    }
    return new Node(action.to());
  }

  @Override
  public List<Property<Node, Edge>> properties() {
    return properties;
  }

  @Override
  public boolean withinBounds(Node state) {
    return bound.test(state.id());
  }

  @Override
  public boolean isAcceptableEnd(Node state) {
    return acceptEnd.test(state.id());
  }

  @Override
  public void encode(Node state, StateEncoder out) {
    if (unencodable.contains(state.id())) {
      throw new IllegalArgumentException("node " + state.id() + " has no encoding");
    }
    out.putInt(state.id());
  }

  @Override
  public StateCodec<Node> codec() {
    return packed ? CODEC : null;
  }

  private static final StateCodec<Node> CODEC =
      new StateCodec<>() {
        @Override
        public int words() {
          return 1;
        }

        @Override
        public void pack(Node state, long[] dst, int offset) {
          dst[offset] = state.id();
        }

        @Override
        public Node unpack(long[] src, int offset) {
          return new Node((int) src[offset]);
        }
      };

  /** Collects the graph. */
  public static final class Builder {
    private String name = "graph";
    private final Set<Integer> inits = new LinkedHashSet<>();
    private final Map<Integer, List<Edge>> edges = new LinkedHashMap<>();
    private final List<Property<Node, Edge>> properties = new ArrayList<>();
    private IntPredicate acceptEnd = n -> false;
    private IntPredicate bound = n -> true;
    private final Set<String> failOn = new LinkedHashSet<>();
    private final Set<Integer> unencodable = new LinkedHashSet<>();
    private boolean packed;

    private Builder() {}

    public Builder name(String v) {
      name = v;
      return this;
    }

    /** Adds initial nodes (in order; a node given twice is kept once). */
    public Builder init(int... nodes) {
      for (int n : nodes) {
        inits.add(n);
      }
      return this;
    }

    /** Adds the edge {@code from --label--> to} after the edges {@code from} already has. */
    public Builder edge(int from, int to, String label) {
      edges.computeIfAbsent(from, k -> new ArrayList<>()).add(new Edge(label, to));
      return this;
    }

    /** Adds a path {@code nodes[0] -> nodes[1] -> ...}, each edge labelled {@code label}. */
    public Builder path(String label, int... nodes) {
      for (int i = 1; i < nodes.length; i++) {
        edge(nodes[i - 1], nodes[i], label);
      }
      return this;
    }

    public Builder invariant(String propertyName, IntPredicate holds) {
      properties.add(Property.invariant(propertyName, "invariant " + propertyName,
          n -> holds.test(n.id())));
      return this;
    }

    public Builder actionProperty(String propertyName, EdgePredicate holds) {
      properties.add(Property.action(propertyName, "action property " + propertyName,
          (s, a, t) -> holds.test(s.id(), a.label(), t.id())));
      return this;
    }

    public Builder reachable(String propertyName, IntPredicate target) {
      properties.add(Property.reachable(propertyName, "some state satisfies " + propertyName,
          n -> target.test(n.id())));
      return this;
    }

    /** Nodes without successors that are intended ends, not deadlocks. */
    public Builder acceptEnd(IntPredicate v) {
      acceptEnd = v;
      return this;
    }

    /** The state constraint: nodes outside it are checked but neither kept nor expanded. */
    public Builder bound(IntPredicate v) {
      bound = v;
      return this;
    }

    /** Makes {@code next} throw when it takes an edge with this label. */
    public Builder failOn(String label) {
      failOn.add(label);
      return this;
    }

    /** Makes {@code encode} throw for {@code node} (a bug in the model's encoding). */
    public Builder unencodable(int node) {
      unencodable.add(node);
      return this;
    }

    /** Gives the model a one-word {@link StateCodec}, so the BFS keeps packed frontiers. */
    public Builder packed(boolean v) {
      packed = v;
      return this;
    }

    public GraphModel build() {
      if (inits.isEmpty()) {
        throw new IllegalStateException("a graph model needs an initial node");
      }
      return new GraphModel(this);
    }
  }
}
