/*
 * Registers in the style of the split headers (panthor_fw_regs.h, panthor_mmu_regs.h): offsets
 * relative to a per-block base. Written for panthor-verify's tests.
 */
#define GPU_CONTROL_BASE				0x0
#define GPU_ID						0x0

#define MCU_CONTROL_BASE				0x700
#define MCU_CONTROL					0x0
#define   MCU_CONTROL_ENABLE				1
#define MCU_STATUS					0x4
#define   MCU_STATUS_HALT				2

#define MMU_AS_BASE					0x2400
#define MMU_AS_SHIFT					6
#define MMU_AS(as)					((as) << MMU_AS_SHIFT)
#define AS_TRANSTAB(as)					(MMU_AS(as) + 0x0)
#define AS_COMMAND(as)					(MMU_AS(as) + 0x18)
#define   AS_COMMAND_LOCK				2
