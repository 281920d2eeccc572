package org.panthorverify.cli;

import java.io.PrintWriter;
import org.panthorverify.core.ModelException;
import org.panthorverify.core.NondeterministicModelException;
import org.panthorverify.core.UserInputException;
import org.panthorverify.registry.ModelRegistry;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code panthor-verify} command. */
@Command(
    name = "panthor-verify",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Model checker for the state machines of the Linux panthor DRM driver.",
    subcommands = {
      ListCommand.class,
      CheckCommand.class,
      SimulateCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      TlcCommand.class,
      ConformCommand.class,
      RegsCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  private final ModelRegistry registry;

  Main(ModelRegistry registry) {
    this.registry = registry;
  }

  /** The models the commands work on. */
  ModelRegistry registry() {
    return registry;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(),
        "a command is required: list, check, simulate, replay, bench, tlc, conform, regs or help");
  }

  public static void main(String[] args) {
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (!Interrupts.shuttingDown()) {
      System.exit(code);
    }
  }

  /** Runs the command line and returns its exit code; used by main and by tests. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    return execute(args, out, err, ModelRegistry.standard());
  }

  /** Runs the command line on the models of {@code registry}. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err,
      ModelRegistry registry) {
    CommandLine cl = new CommandLine(new Main(registry));
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler((ex, a) -> {
      String sub = ex.getCommandLine().getCommandName();
      err.println("panthor-verify: " + oneLine(ex.getMessage())
          + " (see 'panthor-verify " + (sub.equals("panthor-verify") ? "" : sub + " ")
          + "--help')");
      return ExitCodes.USAGE;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> handle(ex, err));
    return cl.execute(args);
  }

  static int handle(Exception ex, PrintWriter err) {
    if (ex instanceof UserInputException) {
      err.println("panthor-verify: " + oneLine(ex.getMessage()));
      return ExitCodes.USAGE;
    }
    if (ex instanceof ModelException || ex instanceof NondeterministicModelException) {
      err.println("panthor-verify: model error: " + oneLine(ex.getMessage()));
      return ExitCodes.MODEL_EXCEPTION;
    }
    err.println("panthor-verify: internal error (a bug in panthor-verify; please report it):");
    ex.printStackTrace(err);
    return ExitCodes.INTERNAL;
  }

  /** The command line as the user typed it. */
  static String argv(CommandLine cl) {
    return "panthor-verify " + String.join(" ", cl.getParseResult().originalArgs());
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replace('\n', ' ').replace('\r', ' ');
  }

  /** The version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"panthor-verify " + version()};
    }
  }

  /** The tool's version, {@code dev} when not run from the jar. */
  static String version() {
    String v = Main.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }

  /** {@code panthor-verify <version>}, as written into traces. */
  static String tool() {
    return "panthor-verify " + version();
  }
}
