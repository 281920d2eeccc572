package org.panthorverify.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.panthorverify.regs.RegisterMap;
import org.panthorverify.report.RunDirectory;
import org.panthorverify.regs.RegsCheck;
import org.panthorverify.regs.RegsException;
import org.panthorverify.regs.RegsGen;
import org.panthorverify.regs.RegsLint;
import org.panthorverify.regs.RegsParser;
import org.panthorverify.regs.RegsShow;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code regs}: the register description {@code specs/regs/panthor.regs} as the single source
 * of the register map: generate C, Rust or Java from it, check a header or Rust file against
 * it, lint it.
 */
@Command(name = "regs", mixinStandardHelpOptions = true,
    description = "The register description (specs/regs/panthor.regs): generate C, Rust or Java, "
        + "check a C header or Rust file against it, lint it.",
    subcommands = {RegsCommand.Gen.class, RegsCommand.Check.class, RegsCommand.Lint.class,
        RegsCommand.Show.class})
final class RegsCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a subcommand is required: gen, check, lint or show");
  }

  /** The default description. */
  static Path defaultSource() {
    return ProjectLayout.specs().resolve("regs").resolve("panthor.regs");
  }

  /** The description's name in messages: relative to the project when it is inside it. */
  static String shown(Path p) {
    Path home = ProjectLayout.home().toAbsolutePath().normalize();
    Path abs = p.toAbsolutePath().normalize();
    return abs.startsWith(home) ? home.relativize(abs).toString() : p.toString();
  }

  static RegisterMap load(Path source) {
    if (!Files.isRegularFile(source)) {
      throw new RegsException("register description not found: " + source
          + " (give one with --source FILE)");
    }
    return RegsParser.parse(shown(source), RegsParser.read(source, "register description"));
  }

  /** Prints a RegsException one line at a time and returns the usage exit code. */
  static int fail(PrintWriter err, RegsException e) {
    for (String line : e.getMessage().split("\\R")) {
      err.println("panthor-verify: " + line);
    }
    err.flush();
    return ExitCodes.USAGE;
  }

  /** Writes {@code text} to {@code out} through a temporary file in the same folder. */
  static void write(Path out, String text) {
    try {
      RunDirectory.writeAtomically(out, text);
    } catch (IOException e) {
      throw new RegsException("cannot write " + out + ": " + e.getMessage());
    }
  }

  /**
   * What every subcommand shares: its spec, the {@code --source} description and the rule that
   * a {@link RegsException} is one line a finding on stderr and exit 2.
   */
  abstract static class Sub implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--source", paramLabel = "FILE",
        description = "The register description (default: specs/regs/panthor.regs).")
    Path source;

    /** The description named by --source (or the project's). */
    Path sourcePath() {
      return source == null ? defaultSource() : source;
    }

    abstract int run(PrintWriter out, PrintWriter err);

    @Override
    public final Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      try {
        int code = run(out, err);
        out.flush();
        err.flush();
        return code;
      } catch (RegsException e) {
        out.flush();
        return fail(err, e);
      }
    }
  }

  /** The output languages of gen. */
  enum GenLang { c, rust, java }

  @Command(name = "gen", mixinStandardHelpOptions = true,
      description = "Print (or write) the registers as a C header, a Rust module or Java "
          + "constants.")
  static final class Gen extends Sub {
    @Option(names = "--lang", required = true, paramLabel = "c|rust|java",
        description = "Output language: c (a header in panthor's naming style), rust (plain "
            + "constants, compiles with rustc alone), java (the simulator's constants).")
    GenLang lang;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of "
        + "standard output.")
    Path out;

    @Override
    int run(PrintWriter stdout, PrintWriter err) {
      Path src = sourcePath();
      String text = RegsGen.generate(RegsGen.Lang.valueOf(lang.name().toUpperCase(Locale.ROOT)),
          load(src), shown(src));
      if (out == null) {
        stdout.print(text);
      } else {
        write(out, text);
        err.println("regs gen: wrote " + out);
      }
      return ExitCodes.PASSED;
    }
  }

  /** The languages check reads. */
  enum CheckLang { c, rust }

  /** What check reports beyond mismatches. */
  enum CheckScope { touched, all, common }

  @Command(name = "check", mixinStandardHelpOptions = true,
      description = {"Compare a C header (#define NAME value, with BIT/GENMASK; structs of the "
          + "firmware interface) or a Rust register file (pub const NAME: T = value; "
          + "Register<OFFSET> constants; the kernel's register! macro) with the description.",
          "Reports each register or field whose offset, bit range or value differs, each name "
              + "the description does not know, and each register, field or value missing "
              + "from the file, with file and line. Exit 0 when they agree, 1 when not."})
  static final class Check extends Sub {
    @Parameters(index = "0", paramLabel = "FILE", description = "The .h/.c or .rs file.")
    Path file;

    @Option(names = "--lang", paramLabel = "c|rust",
        description = "The file's language (default: by its extension).")
    CheckLang lang;

    @Option(names = "--scope", paramLabel = "touched|all|common", defaultValue = "touched",
        description = "Names missing from the file: of the blocks it defines something of "
            + "(touched, the default), of every block (all), or none, and no unknown names "
            + "either (common: compare only what both define).")
    CheckScope scope;

    @Option(names = "--block", paramLabel = "BLOCK",
        description = "Report missing names of this block (repeatable); overrides --scope's "
            + "choice of blocks.")
    List<String> blocks = new ArrayList<>();

    @Option(names = "--json", paramLabel = "FILE",
        description = "Also write the result as JSON to FILE.")
    Path json;

    @Override
    int run(PrintWriter out, PrintWriter err) {
      RegisterMap map = load(sourcePath());
      RegsCheck.Lang l = lang == null ? RegsCheck.langOf(file)
          : RegsCheck.Lang.valueOf(lang.name().toUpperCase(Locale.ROOT));
      if (!Files.isRegularFile(file)) {
        throw new RegsException("file to check not found: " + file);
      }
      RegsCheck.Result r = RegsCheck.check(map, file, l,
          RegsCheck.Scope.valueOf(scope.name().toUpperCase(Locale.ROOT)),
          new LinkedHashSet<>(blocks));
      if (r.agreed() == 0 && r.differences().stream()
          .allMatch(d -> d.kind() == RegsCheck.DiffKind.UNKNOWN)) {
        out.println("regs check: " + file + ": defines no register, field or value of "
            + map.file() + " (is it a register file? --lang c|rust if the extension misleads)");
        out.flush();
        return ExitCodes.MISMATCH;
      }
      for (RegsCheck.Difference d : r.differences()) {
        out.println(d.render());
      }
      List<String> parts = new ArrayList<>();
      for (RegsCheck.DiffKind k : RegsCheck.DiffKind.values()) {
        long n = r.count(k);
        if (n > 0) {
          parts.add(n + " " + k.name().toLowerCase(Locale.ROOT));
        }
      }
      out.println("regs check: " + file + ": " + (r.clean() ? "agrees with " + map.file()
          : r.differences().size() + " difference" + (r.differences().size() == 1 ? "" : "s")
              + " (" + String.join(", ", parts) + ")") + "; " + r.agreed() + " name"
          + (r.agreed() == 1 ? "" : "s") + " agree");
      out.flush();
      if (json != null) {
        write(json, json(r));
      }
      return r.clean() ? ExitCodes.PASSED : ExitCodes.MISMATCH;
    }

    private static String json(RegsCheck.Result r) {
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("file", r.file());
      root.put("source", r.source());
      root.put("agree", r.clean());
      root.put("agreed", r.agreed());
      List<Map<String, Object>> diffs = new ArrayList<>();
      for (RegsCheck.Difference d : r.differences()) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", d.kind().name().toLowerCase(Locale.ROOT));
        m.put("name", d.name());
        m.put("file", d.file());
        m.put("line", d.line());
        if (d.expected() != null) {
          m.put("expected", d.expected());
          m.put("found", d.found());
        }
        m.put("message", d.message());
        diffs.add(m);
      }
      root.put("differences", diffs);
      try {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .writeValueAsString(root) + "\n";
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  @Command(name = "lint", mixinStandardHelpOptions = true,
      description = "Check a register description: overlapping registers, arrays, blocks or "
          + "fields, fields outside the register's width, duplicate names. Exit 0 when clean, "
          + "1 with one line a finding.")
  static final class Lint extends Sub {
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE",
        description = "The description (default: specs/regs/panthor.regs, or --source).")
    Path file;

    @Override
    int run(PrintWriter out, PrintWriter err) {
      RegisterMap map = load(file != null ? file : sourcePath());
      List<String> findings = RegsLint.check(map);
      for (String f : findings) {
        out.println(f);
      }
      int regs = map.registers().size();
      out.println("regs lint: " + map.file() + ": " + (findings.isEmpty() ? "clean" : findings.size()
          + " finding" + (findings.size() == 1 ? "" : "s")) + " (" + map.blocks().size()
          + " blocks, " + regs + " registers, " + map.layouts().size() + " layouts)");
      return findings.isEmpty() ? ExitCodes.PASSED : ExitCodes.MISMATCH;
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true,
      description = "What a name, an MMIO offset or a register value means: 'show "
          + "L2_PWRTRANS_HI', 'show 0x2458' (AS_COMMAND(1)), 'show AS_FAULTSTATUS=0x20002c3' "
          + "(each field decoded).")
  static final class Show extends Sub {
    @Parameters(arity = "1..*", paramLabel = "NAME|OFFSET|NAME=VALUE",
        description = "What to show (several may be given).")
    List<String> queries;

    @Override
    int run(PrintWriter out, PrintWriter err) {
      RegsShow show = new RegsShow(load(sourcePath()));
      List<String> lines = new ArrayList<>();
      for (String q : queries) {
        lines.addAll(show.show(q));
      }
      lines.forEach(out::println);
      return ExitCodes.PASSED;
    }
  }
}
