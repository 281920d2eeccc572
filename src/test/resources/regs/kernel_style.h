/* A header in the style of panthor_regs.h, written for panthor-verify's tests. */
#ifndef __TEST_REGS_H__
#define __TEST_REGS_H__

#define GPU_ID						0x0
#define   GPU_ARCH_MAJOR(x)				((x) >> 28)
#define   GPU_ARCH_MINOR(x)				(((x) & GENMASK(27, 24)) >> 24)
#define   GPU_VER_STATUS(x)				((x) & GENMASK(3, 0))

#define GPU_INT_RAWSTAT					0x20
#define GPU_INT_CLEAR					0x24
#define   GPU_IRQ_FAULT					BIT(0)
#define   GPU_IRQ_RESET_COMPLETED			BIT(8)
#define   GPU_IRQ_CLEAN_CACHES_COMPLETED		BIT(17)
#define GPU_CMD						0x30
#define   GPU_CMD_DEF(type, payload)			((type) | ((payload) << 8))
#define   GPU_SOFT_RESET				GPU_CMD_DEF(1, 1)

#define L2_PWRTRANS					0x220

#define MCU_CONTROL					0x700
#define MCU_CONTROL_ENABLE				1
#define MCU_CONTROL_AUTO				2
#define MCU_CONTROL_DISABLE				0

#define MMU_BASE					0x2400
#define MMU_AS_SHIFT					6
#define MMU_AS(as)					(MMU_BASE + ((as) << MMU_AS_SHIFT))
#define AS_TRANSTAB(as)					(MMU_AS(as) + 0x0)
#define AS_FAULTSTATUS(as)				(MMU_AS(as) + 0x1C)
#define  AS_FAULTSTATUS_ACCESS_TYPE_MASK		(0x3 << 8)
#define  AS_FAULTSTATUS_ACCESS_TYPE_ATOMIC		(0x0 << 8)
#define  AS_FAULTSTATUS_ACCESS_TYPE_EX			(0x1 << 8)
#define  AS_FAULTSTATUS_ACCESS_TYPE_READ		(0x2 << 8)
#define  AS_FAULTSTATUS_ACCESS_TYPE_WRITE		(0x3 << 8)
#define  AS_FAULTSTATUS_EXCEPTION_TYPE_MASK		0xff

/* GLB interface: the bits of a word are defined after it, inside the struct */
struct panthor_fw_global_input_iface {
	u32 req;
#define GLB_HALT					BIT(0)
#define GLB_IDLE					BIT(20)
#define GLB_REQ_MASK					\
	GENMASK(10, 0)
	u32 reserved1[5];
	u64 core_en_mask;
};

#endif
