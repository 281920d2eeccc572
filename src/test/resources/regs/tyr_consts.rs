// A register file in the style of Tyr's first regs.rs: one `Register<OFFSET>` constant per
// 32-bit word, plain `u32` constants for values. Written for panthor-verify's tests; the
// L2_PWRTRANS_HI offset carries the bug Tyr shipped with (0x204 instead of 0x224).

pub(crate) struct Register<const OFFSET: usize>;

pub(crate) const GPU_ID: Register<0x0> = Register;
pub(crate) const GPU_INT_RAWSTAT: Register<0x20> = Register;
pub(crate) const GPU_INT_CLEAR: Register<0x24> = Register;
pub(crate) const GPU_CMD: Register<0x30> = Register;
pub(crate) const L2_PWRTRANS_LO: Register<0x220> = Register;
pub(crate) const L2_PWRTRANS_HI: Register<0x204> = Register;

pub(crate) const MCU_CONTROL: Register<0x700> = Register;
pub(crate) const MCU_CONTROL_ENABLE: u32 = 1;
pub(crate) const MCU_CONTROL_AUTO: u32 = 2;
pub(crate) const MCU_CONTROL_DISABLE: u32 = 0;
