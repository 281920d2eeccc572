package org.panthorverify.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.panthorverify.core.UserInputException;
import org.panthorverify.registry.ModelEntry;

/**
 * The committed TLC entry point of a model's config: {@code specs/<spec>/MC_<config>.tla} with
 * {@code MC_<config><suffix>.cfg}. TwoPhase's modules are named by their number of resource
 * managers ({@code MC_rm3} for the config with {@code rm=3}).
 *
 * @param dir the spec folder
 * @param module the MC module's name
 * @param cfg the cfg file's name
 */
record McSpec(Path dir, String module, String cfg) {

  /**
   * The MC files of {@code config}, or a one-line error naming the configs that have them.
   *
   * @param cfgSuffix {@code ""}, or {@code "_live"} for the liveness cfg
   */
  static McSpec of(ModelEntry entry, ModelEntry.Resolved resolved, String cfgSuffix) {
    if (entry.specDir() == null) {
      throw new UserInputException("model " + entry.id() + " has no TLA+ spec; models with one: "
          + "those whose 'list' entry names a spec folder");
    }
    Path dir = ProjectLayout.specs().resolve(entry.specDir());
    String config = resolved.preset().name();
    String module = "MC_" + config;
    Integer rm = resolved.constants().get("rm");
    if (entry.id().equals("twophase") && rm != null) {
      module = "MC_rm" + rm;
    }
    Path cfg = dir.resolve(module + cfgSuffix + ".cfg");
    if (!Files.isRegularFile(dir.resolve(module + ".tla")) || !Files.isRegularFile(cfg)) {
      List<String> have = new ArrayList<>();
      if (Files.isDirectory(dir)) {
        try (var files = Files.newDirectoryStream(dir, "MC_*" + cfgSuffix + ".cfg")) {
          for (Path f : files) {
            String n = f.getFileName().toString();
            have.add(n.substring(3, n.length() - cfgSuffix.length() - 4));
          }
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      Collections.sort(have);
      throw new UserInputException("no TLC spec for " + entry.id() + " config " + config
          + (cfgSuffix.isEmpty() ? "" : " with liveness") + " (missing "
          + show(cfg) + " or its .tla); configs that have one:"
          + " " + (have.isEmpty() ? "none" : String.join(", ", have)));
    }
    return new McSpec(dir, module, cfg.getFileName().toString());
  }

  /** A path for messages: relative to the project when inside it. */
  static String show(Path p) {
    Path abs = p.toAbsolutePath().normalize();
    Path home = ProjectLayout.home().toAbsolutePath().normalize();
    return abs.startsWith(home) ? home.relativize(abs).toString() : abs.toString();
  }
}
