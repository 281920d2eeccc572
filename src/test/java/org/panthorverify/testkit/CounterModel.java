package org.panthorverify.testkit;

import java.util.List;
import java.util.Map;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.core.StateEncoder;
import org.panthorverify.core.Value;

/**
 * An infinite model, for the tests of limits and cancellation: a counter that starts at 0 and
 * steps up by 1 or 2 (by 1, 2 or 3 from 0). No search ever finishes on it.
 *
 * <p>The branching is chosen on purpose: the initial state has three successors and every other
 * state two, so the number of generated states is always odd and never a multiple of any power of
 * two. An engine that polls its stop conditions only when that count hits a multiple of 1024 would
 * never stop.
 */
public final class CounterModel implements Model<CounterModel.Count, CounterModel.Step> {

  /** The state. */
  public record Count(long n) {}

  /** Add {@code by} to the counter. */
  public record Step(int by) implements Action {
    @Override
    public String name() {
      return "Add";
    }

    @Override
    public Map<String, Value> params() {
      return Map.of("by", Value.of(by));
    }
  }

  private static final List<Step> FROM_ZERO = List.of(new Step(1), new Step(2), new Step(3));
  private static final List<Step> OTHERS = List.of(new Step(1), new Step(2));

  private final long failFrom;

  /** The counter. */
  public CounterModel() {
    this(-1);
  }

  /** A counter whose every step from {@code failFrom} throws (a bug in the model). */
  public CounterModel(long failFrom) {
    this.failFrom = failFrom;
  }

  @Override
  public String name() {
    return "counter";
  }

  @Override
  public List<String> variables() {
    return List.of("n");
  }

  @Override
  public List<Count> initialStates() {
    return List.of(new Count(0));
  }

  @Override
  public List<Step> enabledActions(Count state) {
    return state.n() == 0 ? FROM_ZERO : OTHERS;
  }

  @Override
  public Count next(Count state, Step action) {
    if (state.n() == failFrom) {
      throw new IllegalStateException("cannot step from " + failFrom);
    }
    return new Count(state.n() + action.by());
  }

  @Override
  public List<Property<Count, Step>> properties() {
    return List.of(Property.invariant("NonNegative", "the counter never goes below 0",
        c -> c.n() >= 0));
  }

  @Override
  public void encode(Count state, StateEncoder out) {
    out.putLong(state.n());
  }
}
