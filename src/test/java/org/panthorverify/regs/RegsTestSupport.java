package org.panthorverify.regs;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Shared helpers of the register tests: the project's description, fixtures, compilers. */
final class RegsTestSupport {
  private RegsTestSupport() {}

  /** specs/regs/panthor.regs, from the project root (Maven runs tests there). */
  static Path panthorRegs() {
    return Path.of("specs", "regs", "panthor.regs");
  }

  static RegisterMap panthor() {
    return RegsParser.parse(panthorRegs());
  }

  static String resource(String name) {
    try (InputStream in = RegsTestSupport.class.getResourceAsStream("/regs/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource regs/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static RegisterMap mini() {
    return RegsParser.parse("mini.regs", resource("mini.regs"));
  }

  /** True when {@code tool --version} runs; otherwise says so on stderr, visibly. */
  static boolean present(String tool) {
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return true;
      }
    } catch (IOException e) {
      // not installed
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    System.err.println("SKIPPED: " + tool + " is not installed; the generated code is not "
        + "compiled with it");
    return false;
  }

  /** Runs a command; returns its exit code and output. */
  static Object[] run(List<String> cmd, Path dir) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("timed out: " + cmd);
    }
    return new Object[] {p.exitValue(), out};
  }

  static Path write(Path dir, String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }
}
