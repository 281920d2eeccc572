package org.panthorverify.explore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.PropertyKind;
import org.panthorverify.core.UserInputException;

/**
 * The properties one run checks, split by kind. Each property has an index: its position in
 * {@link #all()}; a deadlock has index {@link #deadlockIndex()}. Violations found in the same BFS
 * level are ordered by state, then by this index.
 */
final class PropertySet<S, A extends Action> {
  final List<Property<S, A>> all;
  final int[] invariants;
  final int[] actionProperties;
  final int[] reachables;
  final boolean checkDeadlock;

  @SuppressWarnings("unchecked")
  PropertySet(Model<S, A> model, ExploreConfig config) {
    List<Property<S, A>> declared = model.properties();
    Set<String> names = new LinkedHashSet<>();
    declared.forEach(p -> names.add(p.name()));
    for (String wanted : config.properties()) {
      if (!names.contains(wanted) && !wanted.equals(PropertyKind.DEADLOCK_NAME)) {
        throw new UserInputException(
            "unknown property '" + wanted + "' for model " + model.name() + "; valid: "
                + String.join(", ", names) + ", " + PropertyKind.DEADLOCK_NAME);
      }
    }
    Set<String> filter = config.properties();
    all = new ArrayList<>();
    for (Property<S, A> p : declared) {
      if (p.kind() == PropertyKind.LIVENESS) {
        if (filter.contains(p.name())) {
          throw new UserInputException("property '" + p.name() + "' of model " + model.name()
              + " is a liveness property; check liveness properties on their own (--property"
              + " with liveness properties only)");
        }
        continue; // checked by explore.liveness, not by a safety run
      }
      if (filter.isEmpty() || filter.contains(p.name())) {
        all.add(p);
      }
    }
    checkDeadlock =
        config.checkDeadlock()
            && (filter.isEmpty() || filter.contains(PropertyKind.DEADLOCK_NAME));
    invariants = indices(PropertyKind.INVARIANT);
    actionProperties = indices(PropertyKind.ACTION);
    reachables = indices(PropertyKind.REACHABLE);
  }

  private int[] indices(PropertyKind kind) {
    return java.util.stream.IntStream.range(0, all.size())
        .filter(i -> all.get(i).kind() == kind)
        .toArray();
  }

  List<Property<S, A>> all() {
    return all;
  }

  int size() {
    return all.size() + 1;
  }

  int deadlockIndex() {
    return all.size();
  }

  String name(int index) {
    return index == all.size() ? PropertyKind.DEADLOCK_NAME : all.get(index).name();
  }

  PropertyKind kind(int index) {
    return index == all.size() ? PropertyKind.DEADLOCK : all.get(index).kind();
  }

  String description(int index) {
    return index == all.size()
        ? "a reachable state has no enabled action and is not an accepted end state"
        : all.get(index).description();
  }

  Property.Invariant<S, A> invariant(int index) {
    return (Property.Invariant<S, A>) all.get(index);
  }

  Property.ActionProperty<S, A> actionProperty(int index) {
    return (Property.ActionProperty<S, A>) all.get(index);
  }

  Property.Reachable<S, A> reachable(int index) {
    return (Property.Reachable<S, A>) all.get(index);
  }
}
