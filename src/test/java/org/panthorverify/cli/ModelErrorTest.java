package org.panthorverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.panthorverify.core.Action;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.registry.ConfigPreset;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;

/** An exception inside model code ends the run with exit 75, naming model, action and state. */
class ModelErrorTest {
  @TempDir Path tmp;

  record Counter(int x) {}

  record Inc() implements Action {}

  /** Counts up; the action throws when x reaches 3. */
  static final class Faulty implements Model<Counter, Inc> {
    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public List<String> variables() {
      return List.of("x");
    }

    @Override
    public List<Counter> initialStates() {
      return List.of(new Counter(0));
    }

    @Override
    public List<Inc> enabledActions(Counter s) {
      return s.x() < 10 ? List.of(new Inc()) : List.of();
    }

    @Override
    public Counter next(Counter s, Inc a) {
      if (s.x() == 3) {
        throw new IllegalStateException("counter overflow at 3");
      }
      return new Counter(s.x() + 1);
    }

    @Override
    public boolean isAcceptableEnd(Counter s) {
      return true;
    }

    @Override
    public List<Property<Counter, Inc>> properties() {
      return List.of();
    }
  }

  @Test
  void exceptionInModelCode_exit75_withModelActionStepAndState() {
    ModelRegistry registry = ModelRegistry.of(List.of(new ModelEntry("faulty", "throws",
        List.of(), List.of(new ConfigPreset("default", "", Map.of(), -1, -1, "passed")),
        List.of(), null, (c, v) -> new Faulty())));
    Cli r = Cli.run(registry, "check", "faulty", "--out", tmp.toString());
    assertEquals(75, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("model faulty"), r.err());
    assertTrue(r.err().contains("in Inc"), r.err());
    assertTrue(r.err().contains("step 4"), r.err());
    assertTrue(r.err().contains("x=3") || r.err().contains("x=\"3\"") || r.err().contains("x=3}"),
        r.err());
    assertTrue(r.err().contains("counter overflow at 3"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
