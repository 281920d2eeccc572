package org.panthorverify.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.panthorverify.core.Model;
import org.panthorverify.core.Property;
import org.panthorverify.registry.ConfigPreset;
import org.panthorverify.registry.ConstantDef;
import org.panthorverify.registry.ModelEntry;
import org.panthorverify.registry.ModelRegistry;
import org.panthorverify.registry.VariantDef;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code list [MODEL]}: models, their configs, constants, variants and properties. */
@Command(name = "list", mixinStandardHelpOptions = true,
    description = "List the models with their configs, constants, variants and properties.")
final class ListCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(index = "0", arity = "0..1", paramLabel = "MODEL",
      description = "Show only this model.")
  String only;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    ModelRegistry registry = parent.registry();
    for (ModelEntry e : only == null ? registry.models()
        : java.util.List.of(registry.get(only))) {
      out.println(e.id() + ": " + e.description());
      if (e.specDir() != null) {
        out.println("  spec: specs/" + e.specDir() + "/");
      }
      for (ConstantDef c : e.constants()) {
        out.printf("  constant %-12s %-12s %s%n", c.name(), c.range(), c.description());
      }
      for (ConfigPreset c : e.configs()) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (ConstantDef d : e.constants()) {
          values.add(d.name() + "=" + d.show(c.constants().get(d.name())));
        }
        out.printf("  config   %-12s %-24s golden: %s distinct, depth %s, expect %s%n", c.name(),
            "{" + String.join(", ", values) + "}", c.goldenDistinct() < 0 ? "?" : String.format("%,d",
                c.goldenDistinct()), c.goldenDepth() < 0 ? "?" : c.goldenDepth(), c.expected());
      }
      for (VariantDef v : e.variants()) {
        out.printf("  variant  %-28s fails %-20s %s%n", v.name(), v.property(), v.description());
      }
      Model<?, ?> m = e.resolve(null, java.util.List.of(), null).create();
      for (Property<?, ?> p : m.properties()) {
        out.printf("  property %-28s %-10s %s%n", p.name(),
            p.kind().name().toLowerCase(java.util.Locale.ROOT), p.description());
      }
      out.println();
    }
    out.flush();
    return ExitCodes.PASSED;
  }
}
