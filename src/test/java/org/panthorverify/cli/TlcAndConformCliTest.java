package org.panthorverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.panthorverify.explore.Explorer;
import org.panthorverify.explore.ExploreConfig;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.trace.Itf;
import org.panthorverify.trace.ItfTrace;

/** {@code tlc} and {@code conform} end to end, with real TLC child JVMs. */
@Tag("tlc")
class TlcAndConformCliTest {

  @TempDir Path out;

  private static final ObjectMapper JSON = new ObjectMapper();

  private Path runDir(Cli c) {
    return Path.of(c.field("dir"));
  }

  private JsonNode json(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  @ParameterizedTest
  @ValueSource(strings = {"twophase", "fw-handshake", "scheduler", "mmu"})
  void conformPassesOnSmall(String model) throws IOException {
    conformPasses(model, "small");
  }

  /** The default configs: 0.3 to 1.9 million states each, minutes of TLC each. */
  @Tag("slow")
  @ParameterizedTest
  @ValueSource(strings = {"twophase", "fw-handshake", "scheduler", "mmu"})
  void conformPassesOnDefault(String model) throws IOException {
    conformPasses(model, "default");
  }

  private void conformPasses(String model, String config) throws IOException {
    Cli c = Cli.run("conform", model, "--config", config, "--quiet", "--out", out.toString());
    assertEquals(0, c.exit(), c.out() + c.err());
    assertTrue(c.out().contains("done verdict=equal"), c.out());
    JsonNode j = json(runDir(c).resolve("conform.json"));
    assertEquals("equal", j.get("verdict").asText());
    assertEquals(j.get("tlcStates").asLong(), j.get("javaStates").asLong());
    assertEquals(j.get("tlcEdges").asLong(), j.get("javaEdges").asLong());
    assertFalse(Files.exists(runDir(c).resolve("tlc/graph.dot")), "the dump is not kept");
    assertTrue(Files.isRegularFile(runDir(c).resolve("tlc.log")), "TLC's log is kept");
  }

  /** The committed shortest Java trace of a variant, and TLC's translated trace, agree. */
  @ParameterizedTest
  @ValueSource(strings = {"mmu:small:as-cmd-no-wait:M-5", "mmu:small:unlock-without-flush:"
      + "TlbCoherent", "fw-handshake:default:post-reset-skipped:ResetEndsWithPostReset"})
  void tlcOnAVariantGivesATraceThatReplaysOnTheJavaModel(String row) throws IOException {
    String[] f = row.split(":");
    // one TLC worker: TLC's BFS gives a shortest trace only then
    Cli c = Cli.run("tlc", f[0], "--config", f[1], "--variant", f[2], "--workers", "1", "--out",
        out.toString());
    assertEquals(12, c.exit(), c.out() + c.err());
    assertTrue(c.out().contains("violated property=" + f[3]), c.out());
    assertTrue(c.out().contains("replays, violates " + f[3] + " (the same property)"), c.out());
    JsonNode stats = json(runDir(c).resolve("stats.json"));
    assertTrue(stats.get("replays").asBoolean());
    assertEquals(f[3], stats.get("replayViolates").asText());
    ItfTrace mine = Itf.read(Path.of(stats.get("trace").asText()));
    ItfTrace committed = Itf.read(Path.of("traces", f[0], "violations", f[3], f[2]
        + ".itf.json"));
    assertEquals(committed.states().size(), mine.states().size(),
        "TLC's BFS trace is as short as the explorer's");
    assertEquals(f[2], mine.meta().variant());
    // and replay agrees, from the file alone
    Cli r = Cli.run("replay", stats.get("trace").asText(), "--out", out.toString());
    assertEquals(12, r.exit(), r.out() + r.err());
  }

  @Test
  void tlcPassesWithCheckShapedOutput() throws IOException {
    Cli c = Cli.run("tlc", "mmu", "--config", "small", "--workers", "1", "--out",
        out.toString());
    assertEquals(0, c.exit(), c.out() + c.err());
    assertEquals("PASSED", c.field("verdict"));
    assertEquals("13992", c.field("distinct"));
    assertEquals("61", c.field("depth"));
    for (String f : List.of("run.json", "stats.json", "summary.md", "tlc.log")) {
      assertTrue(Files.isRegularFile(runDir(c).resolve(f)), f);
    }
    assertEquals("tlc", json(runDir(c).resolve("run.json")).get("engine").asText());
  }

  @Test
  void distributedTlcOnTwoLocalWorkersAgreesWithTheExplorer() throws IOException {
    Cli c = Cli.run("tlc", "mmu", "--config", "small", "--distributed", "2", "--workers", "1",
        "--out", out.toString());
    assertEquals(0, c.exit(), c.out() + c.err());
    long explorer = Explorer.check(ModelRegistry.standard().get("mmu").resolve("small",
        List.of(), null).create(), ExploreConfig.builder().workers(1).build()).stats()
        .distinct();
    assertEquals(Long.toString(explorer), c.field("distinct"));
    Path tlcDir = runDir(c).resolve("tlc");
    assertTrue(Files.isRegularFile(tlcDir.resolve("worker-1.log")));
    assertTrue(Files.isRegularFile(tlcDir.resolve("worker-2.log")));
    // both workers took part
    for (String w : List.of("worker-1.log", "worker-2.log")) {
      String log = Files.readString(tlcDir.resolve(w));
      assertTrue(log.contains("work completed"), w + ": " + log);
    }
    assertEquals("tlc-distributed", json(runDir(c).resolve("run.json")).get("engine").asText());
  }

  // ---- bad input: one line, non-zero exit, no stack trace ---------------------------------

  private static void oneLineError(Cli c, int exit, String... parts) {
    assertEquals(exit, c.exit(), c.out() + c.err());
    String err = c.err().strip();
    assertEquals(1, err.lines().count(), err);
    assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    for (String p : parts) {
      assertTrue(err.contains(p), err);
    }
  }

  @Test
  void aModelWithoutSpecIsRefused() {
    oneLineError(Cli.run("conform", "diehard", "--out", out.toString()), 2, "no TLA+",
        "models with one: ", "mmu");
    oneLineError(Cli.run("tlc", "philosophers", "--out", out.toString()), 2, "no TLA+ spec");
  }

  @Test
  void aConfigWithoutMcFilesNamesThoseThatExist() throws IOException {
    Path spec = copySpec("mmu", out.resolve("spec-nolarge"));
    Files.delete(spec.resolve("MC_large.cfg"));
    Files.delete(spec.resolve("MC_large.tla"));
    oneLineError(Cli.run(withSpec("mmu", spec), "conform", "mmu", "--config", "large",
        "--quiet", "--out", out.toString()), 2, "MC_large", "configs that have one: ", "small");
    oneLineError(Cli.run(withSpec("mmu", spec), "tlc", "mmu", "--config", "large", "--out",
        out.toString()), 2, "MC_large");
  }

  @Test
  void aVariantOnlyInJavaIsRefused() {
    oneLineError(Cli.run("tlc", "twophase", "--config", "small", "--variant",
        "commit-without-prepare", "--out", out.toString()), 2, "not in its TLA+ spec");
    oneLineError(Cli.run("tlc", "mmu", "--variant", "no-such", "--out", out.toString()), 2,
        "no-such");
  }

  private ModelRegistry withSpec(String model, Path specDir) {
    ModelEntry e = ModelRegistry.standard().get(model);
    return ModelRegistry.of(List.of(new ModelEntry(e.id(), e.description(), e.constants(),
        e.configs(), e.variants(), specDir.toAbsolutePath().toString(), e.factory())));
  }

  private Path copySpec(String folder, Path to) throws IOException {
    Files.createDirectories(to);
    try (Stream<Path> files = Files.list(Path.of("specs", folder))) {
      for (Path f : files.toList()) {
        Files.copy(f, to.resolve(f.getFileName()));
      }
    }
    return to;
  }

  @Test
  void constantsThatDisagreeWithTheRegistryAreNamed() throws IOException {
    Path spec = copySpec("mmu", out.resolve("spec-mmu"));
    Path mc = spec.resolve("MC_small.tla");
    Files.writeString(mc, Files.readString(mc).replace("MC_Binds == 1", "MC_Binds == 2"));
    ModelRegistry reg = withSpec("mmu", spec);
    oneLineError(Cli.run(reg, "tlc", "mmu", "--config", "small", "--out", out.toString()), 2,
        "Binds = 2", "needs Binds = 1");
    oneLineError(Cli.run(reg, "conform", "mmu", "--config", "small", "--quiet", "--out",
        out.toString()), 2, "Binds = 2");
  }

  @Test
  void aSpecThatSanyCannotParseGivesTlcsExitAndMessage() throws IOException {
    Path spec = copySpec("testkit", out.resolve("spec-bad"));
    Path tla = spec.resolve("TwoPhase.tla");
    Files.writeString(tla, Files.readString(tla).replace("TMCommit ==", "TMCommit == == ("));
    Cli c = Cli.run(withSpec("twophase", spec), "tlc", "twophase", "--config", "small",
        "--out", out.toString());
    assertTrue(c.exit() >= 150 && c.exit() <= 153, c.exit() + c.out() + c.err());
    oneLineError(c, c.exit(), "could not parse", "log");
    assertTrue(Files.isRegularFile(Path.of(c.field("dir")).resolve("tlc.log")));
    Cli conform = Cli.run(withSpec("twophase", spec), "conform", "twophase", "--config",
        "small", "--quiet", "--out", out.toString());
    oneLineError(conform, 2, "TLC did not dump");
  }

  @Test
  void aMissingCfgIsNamed() throws IOException {
    Path spec = copySpec("testkit", out.resolve("spec-nocfg"));
    Files.delete(spec.resolve("MC_rm3.cfg"));
    oneLineError(Cli.run(withSpec("twophase", spec), "conform", "twophase", "--config",
        "small", "--quiet", "--out", out.toString()), 2, "MC_rm3.cfg");
  }
}
