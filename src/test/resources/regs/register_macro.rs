// Registers in the style of the kernel's `register!` macro (both of its forms), written for
// panthor-verify's tests.

pub(crate) mod gpu_control {
    use kernel::register;

    register! {
        /// GPU identification.
        pub(crate) GPU_ID(u32) @ 0x0 {
            3:0     ver_status;
            27:24   arch_minor;
            31:28   arch_major;
        }

        /// Raw interrupt status.
        pub(crate) GPU_IRQ_RAWSTAT(u32) @ 0x20 {
            0:0     gpu_fault => bool;
            8:8     reset_completed => bool;
            17:17   clean_caches_completed => bool;
        }

        pub(crate) L2_PWRTRANS_LO(u32) @ 0x220 {
            31:0    changing;
        }

        pub(crate) L2_PWRTRANS_HI(u32) @ 0x224 {
            31:0    changing;
        }

        pub(crate) MCU_CONTROL(u32) @ 0x700 {
            1:0     req ?=> McuControlMode;
        }
    }

    register!(GPU_CMD @ 0x30, "GPU command" {
        7:0     type_ as u32, "command";
        31:8    payload as u32, "payload";
    });
}

pub(crate) mod mmu_control {
    pub(crate) mod mmu_as_control {
        use kernel::register;

        pub(crate) const MAX_AS: usize = 16;
        const STRIDE: usize = 0x40;

        register! {
            pub(crate) TRANSTAB(u64)[MAX_AS, stride = STRIDE] @ 0x2400 {
                63:0    base;
            }
            pub(crate) TRANSTAB_HI(u32)[MAX_AS, stride = STRIDE] @ 0x2404 {
                31:0    value;
            }
        }
    }
}

pub(crate) enum McuControlMode {
    /// Stop the MCU.
    Disable = 0,
    #[doc = "Start it."]
    Enable = 1,
    Auto = 2,
}
