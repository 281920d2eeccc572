/**
 * The host-firmware handshake and the device lifecycle of panthor: the GLB/CSG/CS request and
 * acknowledge words, doorbells, the job IRQ, the FW-events work, request-with-wait with its
 * timeouts, the ping watchdog, probe, reset, runtime suspend/resume and unplug. Modelled from
 * {@code shared/reference/panthor-protocols.md} sections 1-2 and the fw and reset-pm entries of
 * the bug zoo; kernel functions are cited on each action ({@code panthor_fw.c}, {@code
 * panthor_device.c}, {@code panthor_gpu.c}, {@code panthor_sched.c}).
 *
 * <p>What is modelled, what is abstracted and why: {@code specs/fw-handshake/README.md}.
 *
 * <p>May depend on: {@code core}.
 */
package org.panthorverify.models.fwhandshake;
