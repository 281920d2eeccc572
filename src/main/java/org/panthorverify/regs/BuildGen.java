package org.panthorverify.regs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The build step that generates the simulator's Java constants from the register description
 * (run by Maven in generate-sources, before the main compilation):
 * {@code BuildGen <description.regs> <generated-sources dir>}. The file is rewritten only when
 * its text changes, so an unchanged description does not force a recompilation. A description
 * that does not parse or lint fails the build with the linter's lines.
 */
public final class BuildGen {
  private BuildGen() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      throw new IllegalArgumentException("usage: BuildGen <description.regs> <output dir>");
    }
    Path source = Path.of(args[0]);
    Path outDir = Path.of(args[1]);
    RegisterMap map = RegsParser.parse(source);
    String text = RegsGen.generate(RegsGen.Lang.JAVA, map, "specs/regs/" + source.getFileName());
    Path out = outDir.resolve(RegsGen.DEFAULT_JAVA_PACKAGE.replace('.', '/'))
        .resolve(RegsGen.DEFAULT_JAVA_CLASS + ".java");
    Files.createDirectories(out.getParent());
    if (!Files.exists(out) || !Files.readString(out, StandardCharsets.UTF_8).equals(text)) {
      Files.writeString(out, text, StandardCharsets.UTF_8);
    }
  }
}
