package org.panthorverify.core;

import java.util.List;
import java.util.Map;

/**
 * A nondeterministic transition system: the executable twin of a TLA+ spec.
 *
 * <p><b>Contract.</b> Implementations are pure and deterministic: the same state gives the same
 * enabled actions, in the same order, and the same successors. Counterexamples are rebuilt and
 * traces replayed by re-executing the model, so iterating a {@code HashSet} to produce actions is
 * a bug ({@link NondeterministicModelException} names it when it is caught). States are immutable
 * values; {@link #encode} writes their canonical encoding, from which fingerprints are computed.
 *
 * @param <S> the state type (an immutable record, no arrays)
 * @param <A> the action type (usually a sealed interface of records)
 */
public interface Model<S, A extends Action> {

  /** The model's identifier, e.g. {@code twophase} or {@code fw-handshake}. */
  String name();

  /** The state variables, in the order traces list them (ITF {@code vars}). */
  List<String> variables();

  /** The initial states, in a fixed order. */
  List<S> initialStates();

  /** The actions enabled in {@code state}, in a fixed order. */
  List<A> enabledActions(S state);

  /** The state reached by taking {@code action}, which must be enabled, in {@code state}. */
  S next(S state, A action);

  /** Invariants, action properties and reachability witnesses, in a fixed order. */
  List<Property<S, A>> properties();

  /**
   * The names of all action kinds the model can take, so that coverage can flag an action that
   * never fired. Empty means: report only what fired.
   */
  default List<String> actionNames() {
    return List.of();
  }

  /**
   * The state constraint (TLC's {@code CONSTRAINT}): a successor outside the bounds is counted as
   * generated and its invariants and action properties are checked, but, as in TLC, it is neither
   * kept (not a distinct state) nor expanded.
   */
  default boolean withinBounds(S state) {
    return true;
  }

  /** Whether a state without enabled actions is an intended end rather than a deadlock. */
  default boolean isAcceptableEnd(S state) {
    return false;
  }

  /**
   * The symmetry hook: a representative of {@code state}'s equivalence class when some slots or
   * groups are interchangeable. Properties must not distinguish the states of one class.
   */
  default S canonical(S state) {
    return state;
  }

  /**
   * Writes the canonical encoding of {@code state}. The default walks records, enums, boxed
   * primitives, strings, lists, sorted sets and sorted or enum maps reflectively; a model on a
   * hot path overrides it with a few {@code putLong} calls.
   */
  default void encode(S state, StateEncoder out) {
    RecordEncoding.encode(state, out);
  }

  /**
   * A fixed-width packing of states, or null (the default) if the model has none. Large models
   * should provide one: the BFS frontier then lives in {@code long[]} arrays.
   */
  default StateCodec<S> codec() {
    return null;
  }

  /**
   * The packed fast path for successors, or null (the default). Only for models with a {@link
   * #codec()}; see {@link PackedSuccessors} for the contract.
   */
  default PackedSuccessors packedSuccessors() {
    return null;
  }

  /** The state as trace variables, keyed by {@link #variables()}. */
  default Map<String, Value> describe(S state) {
    return Reflect.components(state);
  }

  /**
   * How this model's states and steps look in its TLA+ twin, or null (the default) when it has
   * none; {@code conform} and {@code tlc} need it.
   */
  default TlaView<S, A> tla() {
    return null;
  }
}
