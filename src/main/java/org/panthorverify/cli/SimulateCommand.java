package org.panthorverify.cli;

import java.util.concurrent.Callable;
import org.panthorverify.explore.Strategy;
import org.panthorverify.registry.ModelRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code simulate MODEL}: seeded random walks; violations are shrunk before they are written. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Run seeded random walks on a model and report the first violation found,"
        + " shrunk by delta debugging.", "Same seed, same traces, whatever --workers is. Finding"
        + " nothing is not a proof (exit 0, verdict NO_VIOLATION_FOUND)."})
final class SimulateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", paramLabel = "MODEL", description = "A model id (see 'list').")
  String model;

  @Mixin RunOptions opts = new RunOptions();


  @Override
  public Integer call() {
    var cl = spec.commandLine();
    String argv = Main.argv(cl);
    return new CheckRunner(cl.getOut(), cl.getErr())
        .run(parent.registry().get(model), opts,
            opts.toConfig(Strategy.RANDOM), argv)
        .exit();
  }
}
