package org.panthorverify.models.mmu;

import org.panthorverify.core.Action;
import org.panthorverify.core.Driver;

/**
 * The MMU model's steps. Each names the kernel function (or hardware event) it stands for; the
 * step itself is in {@link MmuModel#next}. Sequences that hold {@code slots_lock} across several
 * register accesses are split into one step per access and one per wait, so that the hardware's
 * completions, faults and hangs interleave with them as they do on a real GPU.
 */
public sealed interface MmuAction extends Action {

  /** Who drives the step (sets its fairness). */
  Driver driver();

  // --- userspace and the abstract scheduler ---

  /** A group gets work and wants to run (a job submitted). */
  record Submit(int group) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The tick picks runnable group g (within the AS budget) and calls {@code panthor_vm_active}
   * on its VM ({@code group_bind_locked}); the fast path (the VM already active) binds at once.
   */
  record TickBind(int group) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** A bound group runs out of work or is rotated out: unbind and {@code panthor_vm_idle}. */
  record Unbind(int group) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * The tick after {@code panthor_sched_report_mmu_fault}: a bound group whose VM has an
   * unhandled fault is terminated and unbound ({@code panthor_vm_idle}).
   */
  record KillFaulted(int group) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** {@code panthor_vm_active} past the fast path: one step of it (see {@link MmuModel}). */
  record Active(String step) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** {@code DRM_IOCTL_PANTHOR_VM_BIND} with ASYNC: a job queued on the VM's bind queue. */
  record SubmitAsync(int vm, boolean unmap, int page) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** {@code DRM_IOCTL_PANTHOR_VM_BIND} without ASYNC: the op runs in the ioctl. */
  record SubmitSync(int vm, boolean unmap, int page) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** The VM's bind queue runs its next job ({@code panthor_vm_bind_run_job}). */
  record RunJob(int vm) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** One step of {@code panthor_vm_exec_op} on VM vm (see {@link MmuModel}). */
  record Op(int vm, String step) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** A page-table edit fails ({@code panthor_vm_map_pages} cannot allocate). */
  record EditFails(int vm) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** Userspace destroys the VM ({@code panthor_vm_pool_destroy_vm}). */
  record DestroyVm(int vm) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** The scheduler evicts a bound group of a destroyed VM ({@code
   * panthor_sched_prepare_for_vm_destruction}). */
  record EvictDestroyed(int group) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  // --- the MMU IRQ ---

  /** The raw handler: a fault bit is pending and unmasked; mask everything, wake the thread. */
  record IrqRaw() implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** One step of the threaded handler {@code panthor_mmu_irq_handler} (see {@link MmuModel}). */
  record Irq(String step) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  // --- hardware ---

  /** A GPU agent of bound group g translates page p: a TLB fill from the page table. */
  record GpuWalk(int group, int page) implements MmuAction {
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** A GPU agent of bound group g touches unmapped page p: an MMU page fault. */
  record GpuFault(int group, int page) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** AS a completes the command in flight and clears {@code AS_ACTIVE}. */
  record AsCmdDone(int as) implements MmuAction {
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** AS a gets stuck with {@code AS_ACTIVE} set. */
  record AsHang(int as) implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /** The {@code GPU_CMD} cache flush completes (caches and cached translations invalidated). */
  record FlushDone() implements MmuAction {
    public Driver driver() {
      return Driver.DEVICE;
    }
  }

  /** A stuck wait timed out: the waiting thread gives up and a reset is scheduled. */
  record Timeout(String thread) implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /**
   * Runtime suspend once the scheduler has no group bound: {@code panthor_mmu_suspend} disables
   * and releases every assigned AS (the MCU's too) and the MMU IRQ is suspended (masked).
   */
  record Suspend() implements MmuAction {
    public Driver driver() {
      return Driver.ENVIRONMENT;
    }
  }

  /**
   * Runtime resume: {@code panthor_mmu_resume} clears the alloc and faulty masks and unmasks the
   * IRQ; the FW's resume gives the MCU VM AS 0 back.
   */
  record Resume() implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }

  /** The reset work: pre_reset, GPU soft reset, {@code panthor_mmu_post_reset}, FW post-reset. */
  record Reset() implements MmuAction {
    public Driver driver() {
      return Driver.KERNEL;
    }
  }
}
