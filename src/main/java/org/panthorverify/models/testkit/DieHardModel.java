package org.panthorverify.models.testkit;

import java.util.ArrayList;
import java.util.List;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;

/**
 * The Die Hard water-jug puzzle (from Lamport's TLA+ course): with a 3-gallon and a 5-gallon jug,
 * measure exactly 4 gallons. The invariant {@code NotSolved} ({@code big /= 4}) is violated; the
 * shortest counterexample has 7 states (6 steps), found at BFS depth 7. The model has 16 distinct
 * states.
 */
public final class DieHardModel implements Model<DieHardModel.Jugs, DieHardModel.JugAction> {

  /** Gallons in each jug. */
  public record Jugs(int small, int big) {}

  /** The six ways to pour. */
  public sealed interface JugAction extends Action {
    Jugs apply(Jugs j);
  }

  /** Fill the 3-gallon jug. */
  public record FillSmallJug() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      return new Jugs(3, j.big());
    }
  }

  /** Fill the 5-gallon jug. */
  public record FillBigJug() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      return new Jugs(j.small(), 5);
    }
  }

  /** Empty the small jug. */
  public record EmptySmallJug() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      return new Jugs(0, j.big());
    }
  }

  /** Empty the big jug. */
  public record EmptyBigJug() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      return new Jugs(j.small(), 0);
    }
  }

  /** Pour the small jug into the big one until one is empty or the other full. */
  public record SmallToBig() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      int poured = Math.min(j.small(), 5 - j.big());
      return new Jugs(j.small() - poured, j.big() + poured);
    }
  }

  /** Pour the big jug into the small one. */
  public record BigToSmall() implements JugAction {
    @Override
    public Jugs apply(Jugs j) {
      int poured = Math.min(j.big(), 3 - j.small());
      return new Jugs(j.small() + poured, j.big() - poured);
    }
  }

  private static final List<JugAction> ACTIONS = List.of(new FillSmallJug(), new FillBigJug(),
      new EmptySmallJug(), new EmptyBigJug(), new SmallToBig(), new BigToSmall());

  @Override
  public String name() {
    return "diehard";
  }

  @Override
  public List<String> variables() {
    return List.of("small", "big");
  }

  @Override
  public List<Jugs> initialStates() {
    return List.of(new Jugs(0, 0));
  }

  /** Every pour is always enabled (pouring may change nothing). */
  @Override
  public List<JugAction> enabledActions(Jugs state) {
    return new ArrayList<>(ACTIONS);
  }

  @Override
  public Jugs next(Jugs state, JugAction action) {
    return action.apply(state);
  }

  @Override
  public List<String> actionNames() {
    return ACTIONS.stream().map(Action::name).sorted().toList();
  }

  @Override
  public List<Property<Jugs, JugAction>> properties() {
    return List.of(
        Property.invariant("TypeOK", "0 <= small <= 3 and 0 <= big <= 5",
            j -> j.small() >= 0 && j.small() <= 3 && j.big() >= 0 && j.big() <= 5),
        Property.invariant("NotSolved", "the big jug never holds exactly 4 gallons",
            j -> j.big() != 4));
  }
}
