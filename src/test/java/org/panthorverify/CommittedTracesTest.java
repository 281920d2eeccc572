package org.panthorverify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.panthorverify.core.Model;
import org.panthorverify.core.Value;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.replay.ModelReplayer;
import org.panthorverify.replay.ReplayResult;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;

/**
 * Every curated trace under {@code traces/} does what its folder says:
 * {@code <model>/violations/<Property>/…} replays on its model and violates exactly that
 * property; {@code <model>/witnesses/…} replays cleanly.
 */
class CommittedTracesTest {

  @TestFactory
  Stream<DynamicTest> everyCommittedTraceReplaysAsItsFolderSays() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(Path.of("traces"))) {
      files = walk.filter(p -> p.toString().endsWith(".itf.json")).sorted().toList();
    }
    assertFalse(files.isEmpty(), "no committed traces found");
    return files.stream().map(f -> DynamicTest.dynamicTest(f.toString(), () -> check(f)));
  }

  private static void check(Path file) {
    ItfTrace trace = Itf.read(file);
    Path rel = Path.of("traces").relativize(file);
    String kind = rel.getName(1).toString();
    ModelEntry entry = ModelRegistry.standard().get(trace.meta().model());
    assertEquals(rel.getName(0).toString(), entry.id(), "folder names the model");
    List<String> sets = new ArrayList<>();
    for (Map.Entry<String, Value> c : trace.meta().constants().entrySet()) {
      sets.add(c.getKey() + "=" + ((Value.Int) c.getValue()).value());
    }
    Model<?, ?> model = entry.resolve(trace.meta().config(), sets, trace.meta().variant())
        .create();
    ReplayResult r = ModelReplayer.replay(model, trace);
    assertTrue(r.conforms(), r.message());
    if (kind.equals("violations")) {
      assertEquals(rel.getName(2).toString(), r.violated(), "violated property");
    } else {
      assertEquals("witnesses", kind);
    }
  }
}
