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
 *   <li>{@link Liveness}: something eventually happens, on every behaviour that satisfies the
 *       property's fairness assumptions (an infinite counterexample: a lasso).
 * </ul>
 *
 * @param <S> state type
 * @param <A> action type
 */
public sealed interface Property<S, A extends Action>
    permits Property.Invariant, Property.ActionProperty, Property.Reachable, Property.Liveness {

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

  /**
   * A liveness property: a conjunction of clauses of one temporal {@link Form}, each over a pair
   * of state predicates, that must hold on every infinite behaviour satisfying every one of
   * {@code fairness}. A finite behaviour that ends in a state without successors counts as
   * stuttering there forever, as in TLA+. The TLA+ twin states the same clauses and the same
   * fairness ({@code WF_vars}/{@code SF_vars} of the same action families).
   *
   * @param form how each clause reads
   * @param clauses the clauses; the property holds when every clause does
   * @param fairness the assumptions under which the property must hold
   */
  record Liveness<S, A extends Action>(String name, String description, Form form,
      java.util.List<Clause<S>> clauses, java.util.List<Fairness<A>> fairness)
      implements Property<S, A> {
    public Liveness {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(form, "form");
      clauses = java.util.List.copyOf(clauses);
      fairness = java.util.List.copyOf(fairness);
      if (clauses.isEmpty()) {
        throw new IllegalArgumentException(name + ": a liveness property needs a clause");
      }
    }

    @Override
    public PropertyKind kind() {
      return PropertyKind.LIVENESS;
    }
  }

  /** The temporal shape of a {@link Liveness} clause. */
  enum Form {
    /** {@code P ~> Q}: whenever P holds, Q holds then or later. */
    LEADS_TO,
    /** {@code <>Q}: every behaviour reaches Q (P is ignored and should be always true). */
    EVENTUALLY,
    /** {@code []<>Q}: Q holds infinitely often (P is ignored and should be always true). */
    ALWAYS_EVENTUALLY
  }

  /**
   * One clause of a {@link Liveness} property.
   *
   * @param label a short name, such as the TLA+ conjunct it matches
   * @param p the trigger ({@link Form#LEADS_TO} only)
   * @param q the goal
   */
  record Clause<S>(String label, Predicate<S> p, Predicate<S> q) {
    public Clause {
      Objects.requireNonNull(label, "label");
      Objects.requireNonNull(p, "p");
      Objects.requireNonNull(q, "q");
    }
  }

  /**
   * A fairness assumption over a family of actions, as TLA+'s {@code WF_vars(A)} (weak: if the
   * family stays enabled it is eventually taken) or {@code SF_vars(A)} (strong: if it is enabled
   * infinitely often it is taken infinitely often), where A is the disjunction of the family.
   *
   * @param name the family's name, as in the TLA+ spec
   * @param strong strong rather than weak fairness
   * @param family which actions belong to the family
   */
  record Fairness<A extends Action>(String name, boolean strong, Predicate<A> family) {
    public Fairness {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(family, "family");
    }

    /** Weak fairness of a family. */
    public static <A extends Action> Fairness<A> weak(String name, Predicate<A> family) {
      return new Fairness<>(name, false, family);
    }

    /** Strong fairness of a family. */
    public static <A extends Action> Fairness<A> strong(String name, Predicate<A> family) {
      return new Fairness<>(name, true, family);
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
