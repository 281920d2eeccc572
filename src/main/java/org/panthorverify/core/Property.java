package org.panthorverify.core;

import java.util.Objects;
import java.util.function.Predicate;

/**
 * Something a model must satisfy. Names are unique within a model and equal the TLA+ operator (or
 * the reference's property ID, such as {@code FH-1}).
 *
 * <ul>
 *   <li>{@link Invariant}: holds in every reachable state (safety; a finite counterexample).
 *   <li>{@link ActionProperty}: holds for every transition {@code (s, a, s')} (TLA+'s {@code
 *       [][A]_v} action invariants).
 *   <li>{@link Reachable}: some reachable state satisfies it: a witness that the model is not
 *       vacuous. Missing after a complete search, it is a violation.
 * </ul>
 *
 * @param <S> state type
 * @param <A> action type
 */
public sealed interface Property<S, A extends Action>
    permits Property.Invariant, Property.ActionProperty, Property.Reachable {

  /** The unique name, e.g. {@code Consistent}. */
  String name();

  /** One sentence saying what the property means. */
  String description();

  /** The kind, which decides how a failure is reported and the exit code. */
  PropertyKind kind();

  /** A state predicate that must hold in every reachable state. */
  record Invariant<S, A extends Action>(String name, String description, Predicate<S> holds)
      implements Property<S, A> {
    public Invariant {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(holds, "holds");
    }

    @Override
    public PropertyKind kind() {
      return PropertyKind.INVARIANT;
    }
  }

  /** A predicate over each transition {@code (s, a, s')}. */
  record ActionProperty<S, A extends Action>(
      String name, String description, TransitionPredicate<S, A> holds)
      implements Property<S, A> {
    public ActionProperty {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(holds, "holds");
    }

    @Override
    public PropertyKind kind() {
      return PropertyKind.ACTION;
    }
  }

  /** A state that must be reachable; the shortest path to it is its witness trace. */
  record Reachable<S, A extends Action>(String name, String description, Predicate<S> target)
      implements Property<S, A> {
    public Reachable {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(target, "target");
    }

    @Override
    public PropertyKind kind() {
      return PropertyKind.REACHABLE;
    }
  }

  /** Shorthand for an {@link Invariant}. */
  static <S, A extends Action> Property<S, A> invariant(
      String name, String description, Predicate<S> holds) {
    return new Invariant<>(name, description, holds);
  }

  /** Shorthand for an {@link ActionProperty}. */
  static <S, A extends Action> Property<S, A> action(
      String name, String description, TransitionPredicate<S, A> holds) {
    return new ActionProperty<>(name, description, holds);
  }

  /** Shorthand for a {@link Reachable} witness. */
  static <S, A extends Action> Property<S, A> reachable(
      String name, String description, Predicate<S> target) {
    return new Reachable<>(name, description, target);
  }

  /** A predicate over one transition. */
  @FunctionalInterface
  interface TransitionPredicate<S, A> {
    boolean test(S before, A action, S after);
  }
}
