package org.panthorverify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package dependency rules of the house style, enforced by the build. */
@AnalyzeClasses(packages = "org.panthorverify", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The core vocabulary imports only the JDK: no CLI, JSON, TLC or simulator. */
  @ArchTest
  static final ArchRule coreIsPure =
      noClasses().that().resideInAPackage("org.panthorverify.core..")
          .should().dependOnClassesThat().resideOutsideOfPackages("org.panthorverify.core..",
              "java..");

  /** Engines see only the core and the JDK. */
  @ArchTest
  static final ArchRule exploreSeesOnlyCore =
      noClasses().that().resideInAPackage("org.panthorverify.explore..")
          .should().dependOnClassesThat().resideOutsideOfPackages("org.panthorverify.core..",
              "org.panthorverify.explore..", "java..");

  /** Models see only the core (and shared modelling helpers), never engines, JSON or TLC. */
  @ArchTest
  static final ArchRule modelsSeeOnlyCore =
      noClasses().that().resideInAPackage("org.panthorverify.models..")
          .should().dependOnClassesThat().resideInAnyPackage("org.panthorverify.explore..",
              "org.panthorverify.trace..", "org.panthorverify.replay..",
              "org.panthorverify.tlc..", "org.panthorverify.report..", "org.panthorverify.cli..",
              "org.panthorverify.registry..", "com.fasterxml..", "picocli..", "tlc2..");

  /** Nothing depends on the CLI. */
  @ArchTest
  static final ArchRule nobodyUsesCli =
      noClasses().that().resideOutsideOfPackage("org.panthorverify.cli..")
          .should().dependOnClassesThat().resideInAPackage("org.panthorverify.cli..");

  /** picocli stays in the CLI. */
  @ArchTest
  static final ArchRule picocliOnlyInCli =
      noClasses().that().resideOutsideOfPackage("org.panthorverify.cli..")
          .should().dependOnClassesThat().resideInAPackage("picocli..");

  /**
   * The register tool imports only the JDK: the build compiles it on its own, before the rest,
   * to generate the simulator's constants.
   */
  @ArchTest
  static final ArchRule regsIsStandalone =
      noClasses().that().resideInAPackage("org.panthorverify.regs..")
          .should().dependOnClassesThat().resideOutsideOfPackages("org.panthorverify.regs..",
              "java..");

  /** The simulator (and its generated register constants) is a device: JDK only. */
  @ArchTest
  static final ArchRule simIsADevice =
      noClasses().that().resideInAPackage("org.panthorverify.sim..")
          .should().dependOnClassesThat().resideOutsideOfPackages("org.panthorverify.sim..",
              "java..");

  /** Only the TLC adapter talks to TLC's classes. */
  @ArchTest
  static final ArchRule tlcOnlyInAdapter =
      noClasses().that().resideOutsideOfPackage("org.panthorverify.tlc..")
          .should().dependOnClassesThat().resideInAnyPackage("tlc2..", "tla2sany..");
}
