package org.panthorverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line, end to end, in-process: exit codes, key output lines and written files. */
class CliTest {
  @TempDir Path tmp;

  private String out() {
    return tmp.resolve("reports").toString();
  }

  private static Path runDir(Cli r) {
    for (String line : r.out().split("\n")) {
      if (line.startsWith("dir ")) {
        return Path.of(line.substring(4));
      }
    }
    throw new AssertionError("no run directory in:\n" + r.out());
  }

  @Test
  void list_showsModelsConfigsVariantsAndProperties() {
    Cli r = Cli.run("list");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("twophase: "), r.out());
    assertTrue(r.out().contains("config   small"), r.out());
    assertTrue(r.out().contains("variant  commit-without-prepare"), r.out());
    assertTrue(r.out().contains("property Consistent"), r.out());
    assertTrue(r.out().contains("diehard: "), r.out());
  }

  @Test
  void check_passingModel_exits0_matchesGolden_andWritesTheRunDirectory() throws IOException {
    Cli r = Cli.run("check", "twophase", "--config", "small", "--workers", "2", "--out", out());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertEquals("PASSED", r.field("verdict"));
    assertEquals("288", r.field("distinct"));
    assertTrue(r.out().contains("golden match"), r.out());
    Path dir = runDir(r);
    for (String f : List.of("run.json", "summary.md", "stats.json", "coverage.json",
        "witnesses/SomeCommit.itf.json")) {
      assertTrue(Files.exists(dir.resolve(f)), f);
    }
    String run = Files.readString(dir.resolve("run.json"));
    assertTrue(run.contains("\"command\" : \"panthor-verify check twophase --config small"
        + " --set rm=3 --strategy bfs --workers 2"), run);
  }

  @Test
  void check_violation_exits12_writesShortestTrace_thatReplaysTo12_andEditedTraceTo20()
      throws IOException {
    Cli r = Cli.run("check", "diehard", "--out", out(), "--workers", "2");
    assertEquals(12, r.exit(), r.out());
    Path trace = Path.of(r.field("trace"));
    assertEquals("7", r.field("states"));
    String json = Files.readString(trace);
    assertTrue(json.matches("(?s).*\"property\"\\s*:\\s*\"NotSolved\".*"), json);

    Cli replay = Cli.run("replay", trace.toString(), "--out", out());
    assertEquals(12, replay.exit(), replay.out() + replay.err());
    assertTrue(replay.out().contains("violated property=NotSolved"), replay.out());

    // Edit state 3: claim the big jug holds 1 gallon more than it does.
    String[] parts = json.split("\"#meta\"\\s*:\\s*\\{\\s*\"index\"\\s*:\\s*3\\b", 2);
    assertEquals(2, parts.length, "trace layout changed: " + json);
    String tail = parts[1].replaceFirst("\"big\"\\s*:\\s*\\{\\s*\"#bigint\"\\s*:\\s*\"(\\d)\"",
        "\"big\": { \"#bigint\": \"9\"");
    assertFalse(tail.equals(parts[1]), "no big jug in state 3");
    Path edited = tmp.resolve("edited.itf.json");
    Files.writeString(edited, parts[0] + "\"#meta\": { \"index\": 3" + tail);
    Cli diverged = Cli.run("replay", edited.toString(), "--out", out());
    assertEquals(20, diverged.exit(), diverged.out() + diverged.err());
    assertTrue(diverged.out().contains("diverged step=3"), diverged.out());
  }

  @Test
  void check_deadlock_exits11() {
    Cli r = Cli.run("check", "philosophers", "--out", out());
    assertEquals(11, r.exit(), r.out());
    assertEquals("Deadlock", r.field("property"));
    assertEquals("4", r.field("states"));
  }

  @Test
  void check_variant_failsOnItsProperty() {
    Cli r = Cli.run("check", "twophase", "--config", "small", "--variant",
        "commit-without-prepare", "--out", out());
    assertEquals(12, r.exit(), r.out());
    assertEquals("Consistent", r.field("property"));
  }

  @Test
  void check_maxStates_isIncomplete_exit3() {
    Cli r = Cli.run("check", "twophase", "--max-states", "1000", "--out", out());
    assertEquals(3, r.exit(), r.out());
    assertEquals("INCOMPLETE", r.field("verdict"));
    assertEquals("MAX_STATES", r.field("reason"));
  }

  @Test
  void checkAll_printsOneTable_andExits0WhenEveryModelMatches() {
    Cli r = Cli.run("check", "all", "--out", out(), "--quiet");
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("check all: every model matched"), r.out());
    assertTrue(r.out().lines().anyMatch(l -> l.startsWith("diehard") && l.endsWith("OK")),
        r.out());
  }

  @Test
  void simulate_sameSeed_givesByteIdenticalTraces_whateverTheWorkers() throws IOException {
    Cli a = Cli.run("simulate", "diehard", "--seed", "7", "--workers", "1", "--out", out());
    Cli b = Cli.run("simulate", "diehard", "--seed", "7", "--workers", "2", "--out", out());
    assertEquals(12, a.exit(), a.out());
    assertEquals(12, b.exit(), b.out());
    assertEquals(Files.readString(Path.of(a.field("trace"))),
        Files.readString(Path.of(b.field("trace"))));
    Cli replay = Cli.run("replay", a.field("trace"), "--out", out());
    assertEquals(12, replay.exit(), replay.out());
  }

  @Test
  void bfs_sameCommandTwice_givesByteIdenticalTraces() throws IOException {
    Cli a = Cli.run("check", "diehard", "--workers", "1", "--out", out());
    Cli b = Cli.run("check", "diehard", "--workers", "2", "--out", out());
    assertEquals(Files.readString(Path.of(a.field("trace"))),
        Files.readString(Path.of(b.field("trace"))));
  }

  @Test
  void check_livenessProperty_holds_exit0() {
    Cli r = Cli.run("check", "fw-handshake", "--config", "small", "--property", "FL-2",
        "--out", out());
    assertEquals(0, r.exit(), r.out());
    assertTrue(r.out().contains("liveness property=FL-2 verdict=holds"), r.out());
  }

  @Test
  void check_livenessStoppedByMaxStates_isUnknown_exit3_withStats() throws IOException {
    Cli r = Cli.run("check", "scheduler", "--config", "small", "--property", "SL-3",
        "--max-states", "2000", "--out", out());
    assertEquals(3, r.exit(), r.out());
    assertTrue(r.out().contains("liveness property=SL-3 verdict=unknown reason=MAX_STATES"),
        r.out());
    assertTrue(r.out().contains("done verdict=INCOMPLETE reason=MAX_STATES"), r.out());
    String dir = r.out().lines().filter(l -> l.startsWith("dir ")).findFirst().orElseThrow()
        .substring(4);
    String stats = Files.readString(Path.of(dir).resolve("stats.json"));
    assertTrue(stats.contains("\"incomplete\" : \"MAX_STATES\""), stats);
  }

  static Stream<Arguments> badInput() {
    return Stream.of(
        Arguments.of(new String[] {"check", "nosuchmodel"}, "unknown model 'nosuchmodel'; valid:"),
        Arguments.of(new String[] {"check", "twophase", "--config", "huge"},
            "unknown config 'huge' for model twophase; valid: small, default, large"),
        Arguments.of(new String[] {"check", "twophase", "--variant", "nope"},
            "unknown variant 'nope' for model twophase; valid: commit-without-prepare"),
        Arguments.of(new String[] {"check", "twophase", "--property", "Nope"},
            "unknown property 'Nope' for model twophase; valid:"),
        Arguments.of(new String[] {"check", "fw-handshake", "--config", "small", "--property",
            "FL-1", "--property", "FH-1"}, "property 'FL-1' of model fw-handshake is a liveness"
                + " property; check liveness properties on their own"),
        Arguments.of(new String[] {"check", "twophase", "--set", "rms=3"},
            "unknown constant 'rms' for model twophase; valid: rm (1..16)"),
        Arguments.of(new String[] {"check", "twophase", "--set", "rm=99"},
            "bad value '99' for constant rm; valid: 1..16"),
        Arguments.of(new String[] {"check", "twophase", "--workers", "0"},
            "--workers must be between 1 and 256"),
        Arguments.of(new String[] {"check", "twophase", "--max-states", "-5"},
            "--max-states must be a positive number"),
        Arguments.of(new String[] {"check", "twophase", "--time-limit", "soon"},
            "--time-limit: cannot read 'soon' as a duration"),
        Arguments.of(new String[] {"check", "twophase", "--strategy", "best"},
            "Invalid value for option '--strategy'"),
        Arguments.of(new String[] {"check"}, "Missing required parameter: 'MODEL'"),
        Arguments.of(new String[] {"frobnicate"}, "Unmatched argument"),
        Arguments.of(new String[] {"replay", "/nonexistent/t.itf.json"}, "no such file"));
  }

  @ParameterizedTest
  @MethodSource("badInput")
  void badInput_oneLineError_exit2_noStackTrace(String[] args, String expected) {
    Cli r = Cli.run(withOut(args));
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }

  private String[] withOut(String[] args) {
    if (args.length < 2 || !args[0].equals("check")) {
      return args;
    }
    String[] a = java.util.Arrays.copyOf(args, args.length + 2);
    a[args.length] = "--out";
    a[args.length + 1] = out();
    return a;
  }

  @Test
  void replay_malformedTrace_exit2() throws IOException {
    Path bad = tmp.resolve("bad.itf.json");
    Files.writeString(bad, "{\"vars\": [\"x\"], \"states\": [");
    Cli r = Cli.run("replay", bad.toString());
    assertEquals(2, r.exit(), r.err());
    assertTrue(r.err().contains("bad.itf.json"), r.err());
  }

  @Test
  void replay_traceOfAnotherModel_exit2() {
    Cli check = Cli.run("check", "diehard", "--out", out());
    Cli r = Cli.run("replay", check.field("trace"), "--model", "twophase", "--out", out());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("are not those of model twophase"), r.err());
  }

  @Test
  void bench_configWithoutTlcSpec_isOneLineNamingTheConfigsThatHaveOne() throws IOException {
    // every scheduler preset has its MC files: bench a copy of the spec folder without large's
    Path spec = tmp.resolve("spec-scheduler");
    Files.createDirectories(spec);
    try (Stream<Path> files = Files.list(Path.of("specs", "scheduler"))) {
      for (Path f : files.toList()) {
        if (!f.getFileName().toString().startsWith("MC_large")) {
          Files.copy(f, spec.resolve(f.getFileName()));
        }
      }
    }
    org.panthorverify.registry.ModelEntry e =
        org.panthorverify.registry.ModelRegistry.standard().get("scheduler");
    org.panthorverify.registry.ModelRegistry reg = org.panthorverify.registry.ModelRegistry.of(
        List.of(new org.panthorverify.registry.ModelEntry(e.id(), e.description(),
            e.constants(), e.configs(), e.variants(), spec.toAbsolutePath().toString(),
            e.factory())));
    Cli r = Cli.run(reg, "bench", "scheduler", "--config", "large", "--out", out());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("no TLC spec for scheduler config large"), r.err());
    assertTrue(r.err().contains("configs that have one: ") && r.err().contains("small"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void bench_livenessProperty_explorerOnly_reportsItsVerdict() {
    Cli r = Cli.run("bench", "fw-handshake", "--config", "small", "--property", "FL-1",
        "--skip-tlc", "--out", out());
    assertEquals(0, r.exit(), r.out() + r.err());
    assertTrue(r.out().matches("(?s).*explorer\\s+FL-1\\s+holds\\s+33,465.*"), r.out());
  }

  @Test
  void bench_unknownLivenessProperty_listsTheModelsOnes() {
    Cli r = Cli.run("bench", "scheduler", "--config", "small", "--property", "SL-9",
        "--skip-tlc", "--out", out());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("no liveness property SL-9 in scheduler; liveness properties:"
        + " SL-1, SL-2, SL-3, SL-4, SL-4a, SL-5"), r.err());
  }

  @Test
  void check_constantsThatDoNotFitTogether_isOneLineSayingWhy() {
    Cli r = Cli.run("check", "scheduler", "--set", "queues=2", "--set", "groups=6", "--out",
        out());
    assertEquals(2, r.exit(), r.out() + r.err());
    assertTrue(r.err().contains("groups x queues must be at most 8, was 12"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }
}
