package org.panthorverify.core;

/**
 * Who decides when a model's step happens, which sets its fairness in the model's liveness
 * properties: the kernel's own steps and the device's answers are weakly fair; the choices of
 * the world outside the driver (userspace, a FW fault or hang, a suspend) have none, since
 * nothing forces them.
 */
public enum Driver {
  /** A work item, the tick, an IRQ handler, a timeout or the next step of a sequence. */
  KERNEL,
  /** The MCU or GPU answering what the host asked, running a job, or time passing. */
  DEVICE,
  /** A choice of the world outside the driver: no fairness. */
  ENVIRONMENT
}
