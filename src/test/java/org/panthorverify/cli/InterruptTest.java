package org.panthorverify.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by Ctrl-C (SIGINT, sent with kill) still writes its report and exits 3
 * (incomplete).
 */
class InterruptTest {
  @TempDir Path tmp;

  @Test
  void signal_endsTheRunIncomplete_withItsStatisticsWritten() throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(List.of(java.toString(), "-Xmx2g", "-cp",
        System.getProperty("java.class.path"), Main.class.getName(), "check", "twophase",
        "--set", "rm=12", "--workers", "2", "--progress-interval", "200ms", "--out",
        tmp.toString()))
        .redirectErrorStream(true)
        .start();
    BufferedReader reader = new BufferedReader(
        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String dir = null;
    StringBuilder seen = new StringBuilder();
    for (String line; (line = reader.readLine()) != null; ) {
      seen.append(line).append('\n');
      if (line.startsWith("dir ")) {
        dir = line.substring(4);
      }
      if (line.startsWith("progress ")) {
        break;
      }
    }
    assertTrue(dir != null, seen.toString());
    // SIGINT, as Ctrl-C sends: the shutdown hook cancels the search and waits for the report.
    Process kill = new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start();
    assertEquals(0, kill.waitFor());
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "did not stop");
    reader.lines().forEach(l -> seen.append(l).append('\n'));
    assertEquals(3, p.exitValue(), seen.toString());
    assertTrue(seen.toString().contains("reason=INTERRUPTED"), seen.toString());
    String stats = Files.readString(Path.of(dir).resolve("stats.json"));
    assertTrue(stats.contains("\"incomplete\" : \"INTERRUPTED\""), stats);
  }
}
