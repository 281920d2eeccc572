package org.panthorverify.models.testkit;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;

/**
 * Dining philosophers who all pick up their left fork first: a deadlock. With {@code n}
 * philosophers the shortest deadlock is every philosopher holding the left fork, reached after
 * {@code n} steps (a trace of {@code n + 1} states).
 */
public final class PhilosophersModel
    implements Model<PhilosophersModel.Table, PhilosophersModel.PhilAction> {

  /** Philosopher states. */
  public enum Phil {
    THINKING,
    HAS_LEFT,
    EATING
  }

  /**
   * The table.
   *
   * @param phils each philosopher's state
   * @param forks for each fork, the philosopher holding it, or -1
   */
  public record Table(List<Phil> phils, List<Integer> forks) {
    public Table {
      phils = List.copyOf(phils);
      forks = List.copyOf(forks);
    }
  }

  /** A philosopher's step. */
  public sealed interface PhilAction extends Action {
    int p();
  }

  /** Philosopher {@code p} picks up fork {@code p} (the left one). */
  public record TakeLeft(int p) implements PhilAction {}

  /** Philosopher {@code p} picks up fork {@code p+1 mod n} and eats. */
  public record TakeRight(int p) implements PhilAction {}

  /** Philosopher {@code p} puts both forks down. */
  public record Release(int p) implements PhilAction {}

  private final int n;

  /** {@code n} philosophers (2 or more). */
  public PhilosophersModel(int n) {
    if (n < 2 || n > 12) {
      throw new IllegalArgumentException("n must be between 2 and 12, was " + n);
    }
    this.n = n;
  }

  @Override
  public String name() {
    return "philosophers";
  }

  @Override
  public List<String> variables() {
    return List.of("phils", "forks");
  }

  @Override
  public List<Table> initialStates() {
    List<Phil> phils = new ArrayList<>();
    List<Integer> forks = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      phils.add(Phil.THINKING);
      forks.add(-1);
    }
    return List.of(new Table(phils, forks));
  }

  private int right(int p) {
    return (p + 1) % n;
  }

  @Override
  public List<PhilAction> enabledActions(Table t) {
    List<PhilAction> out = new ArrayList<>();
    for (int p = 0; p < n; p++) {
      Phil s = t.phils().get(p);
      if (s == Phil.THINKING && t.forks().get(p) == -1) {
        out.add(new TakeLeft(p));
      } else if (s == Phil.HAS_LEFT && t.forks().get(right(p)) == -1) {
        out.add(new TakeRight(p));
      } else if (s == Phil.EATING) {
        out.add(new Release(p));
      }
    }
    return out;
  }

  @Override
  public Table next(Table t, PhilAction a) {
    List<Phil> phils = new ArrayList<>(t.phils());
    List<Integer> forks = new ArrayList<>(t.forks());
    int p = a.p();
    if (a instanceof TakeLeft) {
      phils.set(p, Phil.HAS_LEFT);
      forks.set(p, p);
    } else if (a instanceof TakeRight) {
      phils.set(p, Phil.EATING);
      forks.set(right(p), p);
    } else {
      phils.set(p, Phil.THINKING);
      forks.set(p, -1);
      forks.set(right(p), -1);
    }
    return new Table(phils, forks);
  }

  @Override
  public List<String> actionNames() {
    return List.of("Release", "TakeLeft", "TakeRight");
  }

  @Override
  public List<Property<Table, PhilAction>> properties() {
    return List.of(
        Property.invariant("ForksHeldByNeighbours",
            "a fork is held only by one of the two philosophers beside it",
            t -> {
              for (int f = 0; f < n; f++) {
                int h = t.forks().get(f);
                if (h != -1 && h != f && h != (f + n - 1) % n) {
                  return false;
                }
              }
              return true;
            }),
        Property.reachable("SomeoneEats", "a philosopher eats",
            t -> t.phils().contains(Phil.EATING)));
  }
}
