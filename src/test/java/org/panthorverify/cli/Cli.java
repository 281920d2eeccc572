package org.panthorverify.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.panthorverify.registry.ModelRegistry;

/** Runs the CLI in-process and captures what it prints. */
record Cli(int exit, String out, String err) {

  static Cli run(String... args) {
    return run(ModelRegistry.standard(), args);
  }

  static Cli run(ModelRegistry registry, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.execute(args, new PrintWriter(out, true), new PrintWriter(err, true),
        registry);
    return new Cli(code, out.toString(), err.toString());
  }

  /** The value of {@code key=} on the first output line that has it. */
  String field(String key) {
    for (String line : out.split("\n")) {
      for (String part : line.split(" ")) {
        if (part.startsWith(key + "=")) {
          return part.substring(key.length() + 1);
        }
      }
    }
    throw new AssertionError("no " + key + "= in output:\n" + out);
  }
}
