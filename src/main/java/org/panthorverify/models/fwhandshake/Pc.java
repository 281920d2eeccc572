package org.panthorverify.models.fwhandshake;

import java.util.List;

/**
 * Program counters of the two host threads whose steps the model interleaves finely: the device
 * thread (probe, the reset work, the runtime-PM callbacks; the kernel serialises them) and the
 * unplug thread. Each value names the next step the thread will take.
 */
final class Pc {
  private Pc() {}

  // Device thread.
  static final int IDLE = 0;
  /** Probe: load the FW sections and start the MCU ({@code panthor_fw_init}). */
  static final int PROBE_LOAD = 1;
  static final int PROBE_BOOT_WAIT = 2;
  /** Probe failed: the device thread is done; the error path unplugs. */
  static final int DEAD = 3;
  static final int RESET_SCHED_PRE = 4;
  static final int RESET_FW_PRE = 5;
  static final int RESET_GPU = 6;
  static final int RESET_FW_POST = 7;
  static final int RESET_BOOT_WAIT = 8;
  static final int RESET_FINISH = 9;
  static final int SUSPEND_SCHED = 10;
  static final int SUSPEND_FW = 11;
  static final int SUSPEND_HALT_WAIT = 12;
  static final int SUSPEND_IRQ_1 = 13;
  static final int SUSPEND_IRQ_2 = 14;
  static final int SUSPEND_IRQ_3 = 15;
  static final int SUSPEND_POWER_OFF = 16;
  static final int RESUME_FW_POST = 17;
  static final int RESUME_BOOT_WAIT = 18;
  static final int RESUME_SCHED = 19;

  static final List<String> DEV_NAMES = List.of("idle", "probe_load", "probe_boot_wait", "dead",
      "reset_sched_pre", "reset_fw_pre", "reset_gpu", "reset_fw_post", "reset_boot_wait",
      "reset_finish", "suspend_sched", "suspend_fw", "suspend_halt_wait", "suspend_irq_1",
      "suspend_irq_2", "suspend_irq_3", "suspend_power_off", "resume_fw_post",
      "resume_boot_wait", "resume_sched");

  static boolean inReset(int pc) {
    return pc >= RESET_SCHED_PRE && pc <= RESET_FINISH;
  }

  static boolean bootWait(int pc) {
    return pc == PROBE_BOOT_WAIT || pc == RESET_BOOT_WAIT || pc == RESUME_BOOT_WAIT;
  }

  // Unplug thread.
  static final int UNPLUG_NONE = 0;
  static final int UNPLUG_1 = 1;
  static final int UNPLUG_2 = 2;
  static final int UNPLUG_SCHED = 3;
  static final int UNPLUG_FW = 4;
  static final int UNPLUG_HALT_WAIT = 5;
  static final int UNPLUG_IRQS = 6;
  static final int UNPLUG_DONE = 7;

  static final List<String> UNPLUG_NAMES = List.of("none", "unplug_1", "unplug_2",
      "unplug_sched", "unplug_fw", "unplug_halt_wait", "unplug_irqs", "done");
}
