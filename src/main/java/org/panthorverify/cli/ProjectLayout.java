package org.panthorverify.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's files are: the launcher passes {@code -Dpv.home=<repo>}; otherwise the
 * folder above {@code target/} of the running jar, otherwise the working directory.
 */
final class ProjectLayout {
  private ProjectLayout() {}

  static Path home() {
    String prop = System.getProperty("pv.home");
    if (prop != null) {
      return Path.of(prop);
    }
    try {
      Path code = Path.of(ProjectLayout.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
      Path candidate = code.getParent() == null ? null : code.getParent().getParent();
      if (candidate != null && Files.isDirectory(candidate.resolve("specs"))) {
        return candidate;
      }
    } catch (Exception e) {
      // fall through to the working directory
    }
    return Path.of("").toAbsolutePath();
  }

  /** The {@code specs/} folder. */
  static Path specs() {
    return home().resolve("specs");
  }
}
